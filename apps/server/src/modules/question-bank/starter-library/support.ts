import { text, video, type StarterEntry } from './types.ts';

export const supportQuestions: readonly StarterEntry[] = [
  {
    id: 'support-01',
    role: 'support',
    tags: ['support', 'customer care'],
    rules: video(120),
    en: {
      prompt:
        'A customer writes in, angry, because they were charged twice. Talk to them as you would on a call: what do you say?',
      rubric: [
        [
          'Calming an upset customer',
          'Defensive or scripted; repeats policy without acknowledging the problem.',
          'Polite, apologises and promises to look into it.',
          'Acknowledges the frustration sincerely, takes ownership, explains exactly what happens next and when, and checks the customer is satisfied.',
        ],
      ],
    },
    es: {
      prompt:
        'Un cliente escribe muy enfadado porque se le ha cobrado dos veces. Respóndale como lo haría en una llamada: ¿qué le dice?',
      rubric: [
        [
          'Calmar a un cliente molesto',
          'A la defensiva o con un guion; repite la política sin reconocer el problema.',
          'Es educado, se disculpa y promete revisarlo.',
          'Reconoce el malestar con sinceridad, se hace cargo, explica qué pasará y cuándo, y comprueba que el cliente queda satisfecho.',
        ],
      ],
    },
  },
  {
    id: 'support-02',
    role: 'support',
    tags: ['support', 'writing'],
    rules: text(1200),
    en: {
      prompt: 'A customer asks for a feature we do not have and will not build this year. Write your reply.',
      rubric: [
        [
          'Saying no helpfully',
          'A flat no, or a vague promise that it is coming.',
          'Honest that it is not planned, polite in tone.',
          'Honest and warm, understands the underlying need, offers a workaround or alternative, and records the request for the product team.',
        ],
      ],
    },
    es: {
      prompt:
        'Un cliente pide una funcionalidad que no tenemos y que no desarrollaremos este año. Escriba su respuesta.',
      rubric: [
        [
          'Decir que no y seguir ayudando',
          'Un no rotundo o una promesa vaga de que llegará.',
          'Honesto en que no está previsto y con un tono amable.',
          'Honesto y cercano; entiende la necesidad de fondo, ofrece una alternativa o solución provisional y traslada la petición al equipo de producto.',
        ],
      ],
    },
  },
  {
    id: 'support-03',
    role: 'support',
    tags: ['support', 'troubleshooting'],
    rules: video(150, 45),
    en: {
      prompt:
        'A customer says "the app doesn’t work". What questions do you ask to find out what is actually wrong?',
      rubric: [
        [
          'Troubleshooting by questions',
          'Jumps to a generic fix such as "restart it" without asking anything.',
          'Asks about the device, the steps and any error message.',
          'Asks in a logical order (what they expected, what happened, since when, who else is affected), reproduces it and keeps the customer informed.',
        ],
      ],
    },
    es: {
      prompt:
        'Un cliente le dice: «La aplicación no funciona». ¿Qué preguntas le hace para averiguar qué ocurre realmente?',
      rubric: [
        [
          'Diagnóstico mediante preguntas',
          'Propone una solución genérica, como «reinícielo», sin preguntar nada.',
          'Pregunta por el dispositivo, los pasos seguidos y el mensaje de error.',
          'Pregunta con un orden lógico (qué esperaba, qué pasó, desde cuándo, a quién más afecta), intenta reproducirlo y mantiene informado al cliente.',
        ],
      ],
    },
  },
  {
    id: 'support-04',
    role: 'support',
    tags: ['support', 'prioritisation'],
    rules: video(120),
    en: {
      prompt:
        'You start your shift with 40 open tickets, two of them marked urgent, and the chat queue is growing. How do you organise your day?',
      rubric: [
        [
          'Prioritising a queue',
          'Works through tickets in arrival order; no plan.',
          'Handles urgent tickets first, then the rest.',
          'Triages by impact and time limits, checks whether "urgent" really is, asks for help early, and keeps waiting customers updated.',
        ],
      ],
    },
    es: {
      prompt:
        'Empieza su turno con 40 tickets abiertos, dos marcados como urgentes, y la cola del chat no para de crecer. ¿Cómo organiza la jornada?',
      rubric: [
        [
          'Priorizar la cola',
          'Atiende los tickets por orden de llegada, sin plan.',
          'Resuelve primero los urgentes y después el resto.',
          'Clasifica por impacto y plazos, comprueba si lo «urgente» lo es de verdad, pide ayuda a tiempo y mantiene informados a quienes esperan.',
        ],
      ],
    },
  },
  {
    id: 'support-05',
    role: 'support',
    tags: ['support', 'teamwork'],
    rules: video(120),
    en: {
      prompt:
        'Tell us about a time a customer’s problem needed another team to fix it. How did you make sure it did not get lost?',
      rubric: [
        [
          'Following through across teams',
          'Passed it on and considered the job done.',
          'Escalated with the right details and followed up.',
          'Wrote a clear, reproducible escalation, agreed an owner and a date, followed up, and kept the customer informed until it was solved.',
        ],
      ],
    },
    es: {
      prompt:
        'Cuéntenos una ocasión en la que el problema de un cliente tuvo que resolverlo otro equipo. ¿Cómo se aseguró de que no quedara olvidado?',
      rubric: [
        [
          'Seguimiento entre equipos',
          'Lo derivó y dio su parte por terminada.',
          'Lo escaló con los datos necesarios e hizo seguimiento.',
          'Escaló el caso de forma clara y reproducible, acordó un responsable y una fecha, hizo seguimiento y mantuvo informado al cliente hasta la solución.',
        ],
      ],
    },
  },
  {
    id: 'support-06',
    role: 'support',
    tags: ['support', 'customer care'],
    rules: video(120),
    en: {
      prompt:
        'What does excellent customer support mean to you? Give an example of support you received, good or bad, that stayed with you.',
      rubric: [
        [
          'Understanding of good service',
          'Generic answer ("being nice"); no example.',
          'A relevant example and a reasonable definition.',
          'A thoughtful definition (solving the real problem, effort for the customer, follow-through) drawn from a vivid example, and how they apply it.',
        ],
      ],
    },
    es: {
      prompt:
        '¿Qué significa para usted una atención al cliente excelente? Ponga un ejemplo de una atención que recibió, buena o mala, y que recuerde.',
      rubric: [
        [
          'Visión del buen servicio',
          'Respuesta genérica («ser amable»), sin ejemplo.',
          'Un ejemplo pertinente y una definición razonable.',
          'Una definición meditada (resolver el problema real, ahorrar esfuerzo al cliente, cumplir lo prometido) basada en un ejemplo vivo y en cómo la aplica.',
        ],
      ],
    },
  },
  {
    id: 'support-07',
    role: 'support',
    tags: ['support', 'improvement'],
    rules: video(120),
    en: {
      prompt: 'You notice that many customers ask the same question every week. What would you do about it?',
      rubric: [
        [
          'Improving the root cause',
          'Keeps answering each one; sees no problem.',
          'Suggests a saved reply or a help article.',
          'Gathers evidence of how often and why, fixes the help content, tells the product team with data, and checks whether the questions drop.',
        ],
      ],
    },
    es: {
      prompt:
        'Se da cuenta de que muchos clientes hacen la misma pregunta cada semana. ¿Qué haría al respecto?',
      rubric: [
        [
          'Atacar la causa de fondo',
          'Sigue respondiendo una por una; no lo ve como un problema.',
          'Propone una respuesta predefinida o un artículo de ayuda.',
          'Reúne datos de cuántas veces y por qué ocurre, mejora la documentación, informa al equipo de producto con cifras y comprueba si bajan las consultas.',
        ],
      ],
    },
  },
  {
    id: 'support-08',
    role: 'support',
    tags: ['support', 'resilience'],
    rules: video(120),
    en: {
      prompt:
        'Support can be draining. How do you keep your patience and your quality up on a difficult day?',
      rubric: [
        [
          'Resilience',
          'No strategy, or says it never affects them.',
          'Mentions breaks and staying calm.',
          'Shows self-awareness, concrete habits (pauses, asking colleagues, not taking it personally) and knows when to hand a conversation over.',
        ],
      ],
    },
    es: {
      prompt:
        'La atención al cliente puede ser agotadora. ¿Cómo mantiene la paciencia y la calidad de su trabajo en un día difícil?',
      rubric: [
        [
          'Resiliencia',
          'No tiene ninguna estrategia o dice que nunca le afecta.',
          'Menciona hacer pausas y mantener la calma.',
          'Se conoce bien, tiene hábitos concretos (pausas, apoyarse en compañeros, no tomárselo como algo personal) y sabe cuándo pasar una conversación a otra persona.',
        ],
      ],
    },
  },
];
