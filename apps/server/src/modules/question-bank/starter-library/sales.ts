import { text, video, type StarterEntry } from './types.ts';

export const salesQuestions: readonly StarterEntry[] = [
  {
    id: 'sales-01',
    role: 'sales',
    tags: ['sales'],
    rules: video(180),
    en: {
      prompt:
        'Walk us through a deal you are proud of, from the first conversation to the signature. What did you do that made the difference?',
      rubric: [
        [
          'Ownership of the sale',
          'Describes the deal in general terms; unclear what they did themselves.',
          'Explains the main steps and their part in them, with some detail on the customer.',
          'Clear account of the customer’s need, the steps they drove, the obstacles and the result, with numbers.',
        ],
      ],
    },
    es: {
      prompt:
        'Cuéntenos una venta de la que se sienta orgulloso, desde la primera conversación hasta la firma. ¿Qué hizo usted para que saliera adelante?',
      rubric: [
        [
          'Protagonismo en la venta',
          'Habla de la venta en términos generales; no queda claro cuál fue su papel.',
          'Explica las etapas principales y su aportación, con algún detalle sobre el cliente.',
          'Relata con claridad la necesidad del cliente, los pasos que impulsó, los obstáculos y el resultado, con cifras.',
        ],
      ],
    },
  },
  {
    id: 'sales-02',
    role: 'sales',
    tags: ['sales', 'resilience'],
    rules: video(120),
    en: {
      prompt: 'Tell us about a deal you lost. Why did you lose it, and what do you do differently since?',
      rubric: [
        [
          'Learning from a loss',
          'Blames the customer, the price or the product; no lesson drawn.',
          'Names a reasonable cause and a general lesson.',
          'Owns their part honestly, names a specific cause and a concrete change in how they sell now.',
        ],
      ],
    },
    es: {
      prompt:
        'Háblenos de una venta que no llegó a cerrar. ¿Por qué se perdió y qué hace de otra manera desde entonces?',
      rubric: [
        [
          'Aprendizaje de una pérdida',
          'Culpa al cliente, al precio o al producto; no extrae ninguna lección.',
          'Identifica una causa razonable y una lección general.',
          'Asume con honestidad su parte, señala una causa concreta y un cambio real en su forma de vender.',
        ],
      ],
    },
  },
  {
    id: 'sales-03',
    role: 'sales',
    tags: ['sales', 'prospecting'],
    rules: video(120),
    en: {
      prompt:
        'You have a new territory and an empty pipeline. How would you spend your first 30 days to build it?',
      rubric: [
        [
          'Prospecting plan',
          'Vague intentions such as "make lots of calls"; no priorities.',
          'A sensible plan with target accounts and channels.',
          'A prioritised plan: ideal customer profile, research, channels, weekly activity targets and how they measure progress.',
        ],
      ],
    },
    es: {
      prompt:
        'Le asignan una zona nueva sin ninguna oportunidad abierta. ¿Cómo organizaría sus primeros 30 días para crear cartera?',
      rubric: [
        [
          'Plan de prospección',
          'Intenciones vagas, como «hacer muchas llamadas»; sin prioridades.',
          'Un plan sensato, con cuentas objetivo y canales.',
          'Un plan priorizado: perfil de cliente ideal, investigación previa, canales, objetivos semanales de actividad y cómo medirá el avance.',
        ],
      ],
    },
  },
  {
    id: 'sales-04',
    role: 'sales',
    tags: ['sales', 'negotiation'],
    rules: video(120),
    en: {
      prompt:
        'A prospect says: "We like it, but your price is 30% higher than the competitor’s." What do you say next?',
      rubric: [
        [
          'Handling a price objection',
          'Offers a discount straight away or argues with the prospect.',
          'Asks some questions and restates the product’s value.',
          'Explores what is being compared, ties value to the prospect’s own goals and trades any concession for something in return.',
        ],
      ],
    },
    es: {
      prompt:
        'Un posible cliente le dice: «Nos gusta, pero su precio es un 30 % más alto que el de la competencia». ¿Qué le responde?',
      rubric: [
        [
          'Gestión de la objeción de precio',
          'Ofrece un descuento de inmediato o discute con el cliente.',
          'Hace alguna pregunta y vuelve a explicar el valor del producto.',
          'Averigua qué se está comparando, vincula el valor a los objetivos del cliente y solo cede a cambio de algo.',
        ],
      ],
    },
  },
  {
    id: 'sales-05',
    role: 'sales',
    tags: ['sales', 'discovery'],
    rules: video(120),
    en: {
      prompt:
        'What questions do you ask in a first call to find out whether a prospect is worth pursuing? Give us your top three and why.',
      rubric: [
        [
          'Discovery and qualification',
          'Generic questions, or jumps straight to a product demo.',
          'Covers need and budget with reasonable questions.',
          'Open questions on pain, impact, decision process and timing, and explains what each answer tells them.',
        ],
      ],
    },
    es: {
      prompt:
        '¿Qué preguntas hace en una primera llamada para saber si merece la pena trabajar una oportunidad? Díganos sus tres principales y por qué.',
      rubric: [
        [
          'Descubrimiento y cualificación',
          'Preguntas genéricas, o pasa directamente a la demostración del producto.',
          'Cubre la necesidad y el presupuesto con preguntas razonables.',
          'Preguntas abiertas sobre el problema, su impacto, el proceso de decisión y los plazos, y explica qué le dice cada respuesta.',
        ],
      ],
    },
  },
  {
    id: 'sales-06',
    role: 'sales',
    tags: ['sales', 'planning'],
    rules: video(120),
    en: {
      prompt: 'It is the last two weeks of the quarter and you are at 70% of your target. What do you do?',
      rubric: [
        [
          'Pipeline judgement',
          'Pushes every customer to sign or hopes for luck.',
          'Reviews the pipeline and focuses on the likeliest deals.',
          'Qualifies what can honestly close, plans actions per deal, involves the team where useful and keeps next quarter in view.',
        ],
      ],
    },
    es: {
      prompt: 'Quedan dos semanas para cerrar el trimestre y lleva el 70 % de su objetivo. ¿Qué hace?',
      rubric: [
        [
          'Criterio con la cartera',
          'Presiona a todos los clientes para que firmen o confía en la suerte.',
          'Revisa la cartera y se centra en las oportunidades más probables.',
          'Distingue lo que puede cerrarse de verdad, planifica acciones por oportunidad, pide apoyo si hace falta y no descuida el trimestre siguiente.',
        ],
      ],
    },
  },
  {
    id: 'sales-07',
    role: 'sales',
    tags: ['sales', 'writing'],
    rules: text(1500),
    en: {
      prompt: 'Write a short follow-up e-mail to a prospect who went quiet after a good demo two weeks ago.',
      rubric: [
        [
          'Written follow-up',
          'Long, pushy or all about the product.',
          'Polite and clear, with a question at the end.',
          'Brief and personal, recalls what mattered to the prospect, adds something useful and proposes one easy next step.',
        ],
      ],
    },
    es: {
      prompt:
        'Escriba un correo breve de seguimiento para un posible cliente que dejó de responder hace dos semanas, después de una buena demostración.',
      rubric: [
        [
          'Seguimiento por escrito',
          'Largo, insistente o centrado solo en el producto.',
          'Correcto y claro, con una pregunta al final.',
          'Breve y personal; recuerda lo que importaba al cliente, aporta algo útil y propone un siguiente paso sencillo.',
        ],
      ],
    },
  },
  {
    id: 'sales-08',
    role: 'sales',
    tags: ['sales', 'account management'],
    rules: video(120),
    en: {
      prompt: 'How do you grow an existing customer account without the customer feeling sold to?',
      rubric: [
        [
          'Account growth',
          'Talks only about upselling and quotas.',
          'Mentions regular contact and spotting new needs.',
          'Describes earning trust through results, understanding the customer’s plans and proposing what genuinely helps them, with an example.',
        ],
      ],
    },
    es: {
      prompt: '¿Cómo hace crecer la cuenta de un cliente actual sin que sienta que solo quiere venderle más?',
      rubric: [
        [
          'Desarrollo de cuentas',
          'Habla solo de vender más y de cuotas.',
          'Menciona el contacto frecuente y detectar nuevas necesidades.',
          'Explica cómo se gana la confianza con resultados, conoce los planes del cliente y propone lo que de verdad le ayuda, con un ejemplo.',
        ],
      ],
    },
  },
];
