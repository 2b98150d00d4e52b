import { text, video, type StarterEntry } from './types.ts';

export const operationsQuestions: readonly StarterEntry[] = [
  {
    id: 'operations-01',
    role: 'operations',
    tags: ['operations', 'improvement'],
    rules: video(180, 45),
    en: {
      prompt:
        'Describe a process you improved. How did you find the problem, what did you change, and how did you know it worked?',
      rubric: [
        [
          'Process improvement',
          'Describes a change but not the problem or the result.',
          'Clear problem and change, with a general sense of the result.',
          'Measured the problem first, involved the people doing the work, made a focused change and measured the result against the starting point.',
        ],
      ],
    },
    es: {
      prompt:
        'Describa un proceso que haya mejorado. ¿Cómo detectó el problema, qué cambió y cómo supo que funcionaba?',
      rubric: [
        [
          'Mejora de procesos',
          'Describe un cambio, pero no el problema ni el resultado.',
          'El problema y el cambio están claros; el resultado, solo en términos generales.',
          'Midió primero el problema, contó con quienes hacían el trabajo, hizo un cambio concreto y comparó el resultado con el punto de partida.',
        ],
      ],
    },
  },
  {
    id: 'operations-02',
    role: 'operations',
    tags: ['operations', 'planning'],
    rules: video(150, 45),
    en: {
      prompt:
        'A key supplier tells you on Monday that Friday’s delivery will be a week late. What do you do?',
      rubric: [
        [
          'Handling a disruption',
          'Waits and hopes, or only complains to the supplier.',
          'Looks for an alternative supplier and tells the people affected.',
          'Assesses the impact first, explores options (partial delivery, other suppliers, re-planning), informs stakeholders early with a plan, and prevents a repeat.',
        ],
      ],
    },
    es: {
      prompt:
        'El lunes, un proveedor clave le avisa de que la entrega del viernes llegará con una semana de retraso. ¿Qué hace?',
      rubric: [
        [
          'Gestión de imprevistos',
          'Espera a ver qué pasa o solo se queja al proveedor.',
          'Busca otro proveedor y avisa a los afectados.',
          'Evalúa primero el impacto, estudia opciones (entrega parcial, otros proveedores, replanificar), informa pronto a los implicados con un plan y evita que se repita.',
        ],
      ],
    },
  },
  {
    id: 'operations-03',
    role: 'operations',
    tags: ['operations', 'data'],
    rules: video(120),
    en: {
      prompt:
        'Which numbers would you look at every week to know whether an operation is running well? Pick an operation you know.',
      rubric: [
        [
          'Choosing the right measures',
          'No specific measures, or only cost.',
          'A few relevant measures such as volume, cost and delays.',
          'A small, balanced set (speed, quality, cost, people), explains what each reveals, and what they would do when one moves.',
        ],
      ],
    },
    es: {
      prompt:
        '¿Qué indicadores revisaría cada semana para saber si una operación funciona bien? Elija una operación que conozca.',
      rubric: [
        [
          'Elección de indicadores',
          'No concreta indicadores, o solo habla de costes.',
          'Algunos indicadores pertinentes, como volumen, coste y retrasos.',
          'Un conjunto reducido y equilibrado (rapidez, calidad, coste, personas); explica qué revela cada uno y qué haría si alguno cambia.',
        ],
      ],
    },
  },
  {
    id: 'operations-04',
    role: 'operations',
    tags: ['operations', 'prioritisation'],
    rules: video(120),
    en: {
      prompt:
        'Three managers each tell you their request is the top priority this week, and you cannot do all three. How do you decide?',
      rubric: [
        [
          'Prioritising between stakeholders',
          'Does whoever shouts loudest first, or tries to do all three badly.',
          'Compares urgency and impact and makes a choice.',
          'Clarifies each request’s impact and deadline, makes the trade-off visible, gets a decision from the right person when needed, and tells everyone the plan.',
        ],
      ],
    },
    es: {
      prompt:
        'Tres responsables le dicen que su petición es la prioridad de esta semana y no puede atender las tres. ¿Cómo decide?',
      rubric: [
        [
          'Priorizar entre responsables',
          'Atiende primero a quien más presiona o intenta hacer las tres a medias.',
          'Compara urgencia e impacto y elige.',
          'Aclara el impacto y el plazo de cada petición, hace visible la decisión, la consulta con quien corresponde si hace falta y comunica el plan a todos.',
        ],
      ],
    },
  },
  {
    id: 'operations-05',
    role: 'operations',
    tags: ['operations', 'writing'],
    rules: text(1500),
    en: {
      prompt:
        'Write step-by-step instructions for a task you know well, for a new colleague doing it for the first time.',
      rubric: [
        [
          'Clear written instructions',
          'Missing steps, or assumes knowledge the reader does not have.',
          'Complete and in order, though wordy in places.',
          'Short numbered steps, says what to prepare and what "done" looks like, warns about common mistakes, and could be followed without asking anyone.',
        ],
      ],
    },
    es: {
      prompt:
        'Escriba, paso a paso, las instrucciones de una tarea que conozca bien, para un compañero nuevo que la hará por primera vez.',
      rubric: [
        [
          'Instrucciones escritas claras',
          'Faltan pasos o da por sabidas cosas que el lector desconoce.',
          'Completas y ordenadas, aunque algo extensas.',
          'Pasos numerados y breves; indica qué preparar y cómo saber que está terminado, advierte de los errores habituales y se pueden seguir sin preguntar a nadie.',
        ],
      ],
    },
  },
  {
    id: 'operations-06',
    role: 'operations',
    tags: ['operations', 'quality'],
    rules: video(120),
    en: {
      prompt:
        'Tell us about a mistake in your work that reached a customer or a colleague. What happened next?',
      rubric: [
        [
          'Accountability',
          'Minimises the mistake or blames others.',
          'Admits it and fixed the immediate problem.',
          'Owned it quickly, fixed the impact, found why it happened and changed the process so it would not happen again.',
        ],
      ],
    },
    es: {
      prompt:
        'Háblenos de un error en su trabajo que llegó a un cliente o a un compañero. ¿Qué ocurrió después?',
      rubric: [
        [
          'Responsabilidad',
          'Le resta importancia o culpa a otros.',
          'Lo reconoce y resolvió el problema inmediato.',
          'Lo asumió enseguida, reparó el daño, averiguó por qué ocurrió y cambió el proceso para que no se repitiera.',
        ],
      ],
    },
  },
  {
    id: 'operations-07',
    role: 'operations',
    tags: ['operations', 'change'],
    rules: video(150, 45),
    en: {
      prompt:
        'You need a team to adopt a new tool they did not ask for. How do you get them to actually use it?',
      rubric: [
        [
          'Leading change',
          'Announces the change and expects compliance.',
          'Trains the team and answers questions.',
          'Explains the why, involves key users early, removes friction, supports the first weeks and measures adoption, adjusting as needed.',
        ],
      ],
    },
    es: {
      prompt:
        'Tiene que conseguir que un equipo adopte una herramienta nueva que no ha pedido. ¿Cómo logra que de verdad la utilice?',
      rubric: [
        [
          'Gestión del cambio',
          'Anuncia el cambio y espera que se cumpla.',
          'Forma al equipo y resuelve dudas.',
          'Explica el porqué, implica pronto a usuarios clave, elimina obstáculos, acompaña las primeras semanas y mide la adopción, ajustando lo necesario.',
        ],
      ],
    },
  },
  {
    id: 'operations-08',
    role: 'operations',
    tags: ['operations', 'organisation'],
    rules: video(120),
    en: {
      prompt:
        'How do you keep track of many tasks and deadlines at once? Show us with an example from a busy week.',
      rubric: [
        [
          'Personal organisation',
          'Relies on memory; no system.',
          'Uses a list or calendar consistently.',
          'A reliable system for capturing and reviewing work, plans ahead for deadlines, and renegotiates early when something will slip.',
        ],
      ],
    },
    es: {
      prompt:
        '¿Cómo lleva el control de muchas tareas y plazos a la vez? Explíquelo con el ejemplo de una semana con mucha carga.',
      rubric: [
        [
          'Organización personal',
          'Confía en la memoria; no tiene un sistema.',
          'Usa una lista o una agenda de forma constante.',
          'Tiene un sistema fiable para anotar y revisar el trabajo, se anticipa a los plazos y avisa a tiempo cuando algo se va a retrasar.',
        ],
      ],
    },
  },
];
