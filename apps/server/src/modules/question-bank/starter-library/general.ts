import { video, type StarterEntry } from './types.ts';

export const generalQuestions: readonly StarterEntry[] = [
  {
    id: 'general-01',
    role: 'general',
    tags: ['general', 'motivation'],
    rules: video(120),
    en: {
      prompt: 'What drew you to this role, and why now?',
      rubric: [
        [
          'Motivation and fit',
          'Generic reasons that would fit any job; knows little about the role.',
          'Clear interest in the role and some knowledge of the company.',
          'Specific reasons tied to the role’s work and their own goals, shows they researched us, and explains the timing convincingly.',
        ],
      ],
    },
    es: {
      prompt: '¿Qué le atrae de este puesto y por qué da este paso ahora?',
      rubric: [
        [
          'Motivación y encaje',
          'Motivos genéricos que valdrían para cualquier empleo; sabe poco del puesto.',
          'Interés claro por el puesto y algo de conocimiento de la empresa.',
          'Motivos concretos ligados al trabajo del puesto y a sus objetivos; demuestra que se ha informado y explica bien el momento.',
        ],
      ],
    },
  },
  {
    id: 'general-02',
    role: 'general',
    tags: ['general', 'culture', 'teamwork'],
    rules: video(150, 45),
    en: {
      prompt:
        'Tell us about a time you disagreed with a colleague or a manager. How did you handle it, and what was the outcome?',
      rubric: [
        [
          'Handling disagreement',
          'Avoided the issue, or describes a conflict where they were simply right.',
          'Raised the disagreement respectfully and reached a solution.',
          'Listened to understand, argued with facts, found common ground or accepted the decision gracefully, and the relationship stayed strong.',
        ],
      ],
    },
    es: {
      prompt:
        'Cuéntenos una ocasión en la que no estuvo de acuerdo con un compañero o con su responsable. ¿Cómo lo gestionó y cómo terminó?',
      rubric: [
        [
          'Gestión de desacuerdos',
          'Evitó el tema o describe un conflicto en el que simplemente tenía razón.',
          'Planteó el desacuerdo con respeto y se llegó a una solución.',
          'Escuchó para entender, argumentó con hechos, buscó puntos en común o aceptó la decisión con madurez, y la relación salió reforzada.',
        ],
      ],
    },
  },
  {
    id: 'general-03',
    role: 'general',
    tags: ['general', 'growth'],
    rules: video(120),
    en: {
      prompt: 'What is a piece of feedback that changed how you work? What did you do with it?',
      rubric: [
        [
          'Openness to feedback',
          'Cannot think of any, or dismisses the feedback they got.',
          'Gives an example and a change they made.',
          'A candid example, shows how they took it in, the concrete change they made and the result, and how they look for feedback now.',
        ],
      ],
    },
    es: {
      prompt: '¿Qué comentario sobre su trabajo le hizo cambiar su forma de trabajar? ¿Qué hizo con él?',
      rubric: [
        [
          'Apertura a la crítica',
          'No se le ocurre ninguno o resta valor al que recibió.',
          'Da un ejemplo y un cambio que introdujo.',
          'Un ejemplo sincero; muestra cómo lo asimiló, el cambio concreto que hizo y su resultado, y cómo busca ahora esa opinión.',
        ],
      ],
    },
  },
  {
    id: 'general-04',
    role: 'general',
    tags: ['general', 'learning'],
    rules: video(120),
    en: {
      prompt: 'Tell us about something you had to learn quickly for work. How did you go about it?',
      rubric: [
        [
          'Learning ability',
          'Waited to be taught; no approach of their own.',
          'Used sensible resources and got there.',
          'A deliberate approach (priorities, sources, practice, asking experts), shows how fast they became useful, and what they would reuse.',
        ],
      ],
    },
    es: {
      prompt: 'Háblenos de algo que tuvo que aprender rápidamente por trabajo. ¿Cómo lo abordó?',
      rubric: [
        [
          'Capacidad de aprendizaje',
          'Esperó a que le enseñaran; sin un método propio.',
          'Recurrió a fuentes sensatas y lo consiguió.',
          'Un método deliberado (prioridades, fuentes, práctica, consultar a expertos); muestra lo pronto que fue útil y qué volvería a aplicar.',
        ],
      ],
    },
  },
  {
    id: 'general-05',
    role: 'general',
    tags: ['general', 'culture'],
    rules: video(120),
    en: {
      prompt:
        'Describe the team where you did your best work. What made it work, and what did you bring to it?',
      rubric: [
        [
          'Team contribution',
          'Only describes perks or the manager; their own part is unclear.',
          'Describes good team habits and some of their role.',
          'Names what made the team work (trust, clarity, candour), shows what they personally did to build it, and how they would bring it here.',
        ],
      ],
    },
    es: {
      prompt:
        'Describa el equipo en el que mejor ha trabajado. ¿Qué lo hacía funcionar y qué aportaba usted?',
      rubric: [
        [
          'Aportación al equipo',
          'Solo habla de ventajas o del jefe; no se ve su papel.',
          'Describe buenos hábitos del equipo y algo de su papel.',
          'Identifica qué hacía funcionar al equipo (confianza, claridad, franqueza), muestra qué hizo personalmente para lograrlo y cómo lo traería aquí.',
        ],
      ],
    },
  },
  {
    id: 'general-06',
    role: 'general',
    tags: ['general', 'ownership'],
    rules: video(150, 45),
    en: {
      prompt: 'Tell us about a time you took on something that was not your job because it needed doing.',
      rubric: [
        [
          'Ownership and initiative',
          'No real example, or waited until asked.',
          'Stepped in and got it done.',
          'Spotted the gap, acted without being asked while keeping others informed, delivered a result, and made sure it had a proper owner afterwards.',
        ],
      ],
    },
    es: {
      prompt:
        'Cuéntenos una ocasión en la que se encargó de algo que no le correspondía porque había que hacerlo.',
      rubric: [
        [
          'Iniciativa y compromiso',
          'No tiene un ejemplo real o esperó a que se lo pidieran.',
          'Dio un paso al frente y lo sacó adelante.',
          'Detectó el vacío, actuó sin que se lo pidieran e informando a los demás, logró un resultado y se aseguró de que después tuviera un responsable.',
        ],
      ],
    },
  },
  {
    id: 'general-07',
    role: 'general',
    tags: ['general', 'culture', 'inclusion'],
    rules: video(120),
    en: {
      prompt:
        'How do you make sure everyone in a meeting or project gets heard, including the quieter people or those who think differently?',
      rubric: [
        [
          'Inclusive collaboration',
          'Has not thought about it, or says it is up to each person to speak.',
          'Invites others to speak and listens.',
          'Concrete habits (asking directly, written input before meetings, crediting ideas), an example, and awareness of their own blind spots.',
        ],
      ],
    },
    es: {
      prompt:
        '¿Cómo se asegura de que en una reunión o en un proyecto se escuche a todos, también a quienes hablan menos o piensan distinto?',
      rubric: [
        [
          'Colaboración inclusiva',
          'No lo ha pensado o cree que cada cual debe hacerse oír.',
          'Invita a los demás a intervenir y escucha.',
          'Hábitos concretos (preguntar directamente, aportaciones por escrito antes de la reunión, reconocer las ideas ajenas), un ejemplo y conciencia de sus propios sesgos.',
        ],
      ],
    },
  },
  {
    id: 'general-08',
    role: 'general',
    tags: ['general', 'goals'],
    rules: video(120),
    en: {
      prompt: 'Where would you like to be in two or three years, and how would this role help you get there?',
      rubric: [
        [
          'Direction and realism',
          'No idea, or goals unrelated to the role.',
          'Reasonable goals loosely linked to the role.',
          'Clear, realistic goals, a credible link to what the role offers, and what they would contribute along the way.',
        ],
      ],
    },
    es: {
      prompt:
        '¿Dónde le gustaría estar dentro de dos o tres años y cómo le ayudaría este puesto a conseguirlo?',
      rubric: [
        [
          'Rumbo y realismo',
          'No lo sabe o sus metas no tienen relación con el puesto.',
          'Metas razonables, poco ligadas al puesto.',
          'Metas claras y realistas, una relación creíble con lo que ofrece el puesto y lo que aportaría por el camino.',
        ],
      ],
    },
  },
];
