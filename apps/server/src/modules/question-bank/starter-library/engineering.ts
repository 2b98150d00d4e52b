import { text, video, type StarterEntry } from './types.ts';

export const engineeringQuestions: readonly StarterEntry[] = [
  {
    id: 'engineering-01',
    role: 'engineering',
    tags: ['engineering', 'problem solving'],
    rules: video(180, 60),
    en: {
      prompt:
        'Tell us about the hardest bug you have tracked down. How did you find the cause, and how did you make sure it stayed fixed?',
      rubric: [
        [
          'Debugging approach',
          'Describes the bug but not how it was found; relied on luck or on others.',
          'A reasonable process: reproduce, narrow down, fix.',
          'A methodical hunt with hypotheses and evidence, a clear root cause, and a test or safeguard so it cannot return.',
        ],
      ],
    },
    es: {
      prompt:
        'Háblenos del error más difícil que haya tenido que localizar. ¿Cómo dio con la causa y cómo se aseguró de que no volviera a aparecer?',
      rubric: [
        [
          'Forma de depurar',
          'Describe el error pero no cómo lo encontró; dependió de la suerte o de otros.',
          'Un proceso razonable: reproducir, acotar y corregir.',
          'Una búsqueda metódica con hipótesis y pruebas, una causa raíz clara y una prueba o salvaguarda para que no se repita.',
        ],
      ],
    },
  },
  {
    id: 'engineering-02',
    role: 'engineering',
    tags: ['engineering', 'design'],
    rules: video(240, 90),
    en: {
      prompt:
        'Describe a system you designed or changed significantly. What trade-offs did you weigh, and what would you do differently today?',
      rubric: [
        [
          'Design judgement',
          'Lists technologies used without reasons.',
          'Explains the main design and one or two trade-offs.',
          'Explains the constraints, the options considered, why one was chosen, and reflects honestly on what they would change.',
        ],
      ],
    },
    es: {
      prompt:
        'Describa un sistema que haya diseñado o transformado de forma importante. ¿Qué ventajas e inconvenientes sopesó y qué haría distinto hoy?',
      rubric: [
        [
          'Criterio de diseño',
          'Enumera tecnologías sin explicar por qué se eligieron.',
          'Explica el diseño principal y una o dos decisiones de compromiso.',
          'Expone las restricciones, las alternativas que valoró, por qué eligió una y reflexiona con honestidad sobre lo que cambiaría.',
        ],
      ],
    },
  },
  {
    id: 'engineering-03',
    role: 'engineering',
    tags: ['engineering', 'collaboration'],
    rules: video(120),
    en: {
      prompt:
        'A colleague leaves a code review comment you strongly disagree with. How do you handle it? Give a real example if you can.',
      rubric: [
        [
          'Handling disagreement in review',
          'Ignores the comment, gives in without discussion or escalates at once.',
          'Discusses the point politely and reaches a decision.',
          'Seeks to understand the reviewer’s concern, argues with evidence, knows when to let go, and keeps the relationship good.',
        ],
      ],
    },
    es: {
      prompt:
        'Un compañero deja en una revisión de código un comentario con el que usted no está nada de acuerdo. ¿Cómo lo gestiona? Si puede, dé un ejemplo real.',
      rubric: [
        [
          'Gestión de desacuerdos en revisiones',
          'Ignora el comentario, cede sin hablarlo o lo escala enseguida.',
          'Lo comenta con educación y se llega a una decisión.',
          'Intenta entender la preocupación del revisor, argumenta con datos, sabe cuándo ceder y cuida la relación.',
        ],
      ],
    },
  },
  {
    id: 'engineering-04',
    role: 'engineering',
    tags: ['engineering', 'quality'],
    rules: video(120),
    en: {
      prompt: 'How do you decide what to test, and how much, before you ship a change?',
      rubric: [
        [
          'Testing judgement',
          '"Test everything" or "QA does that"; no reasoning about risk.',
          'Mentions unit and integration tests and some priorities.',
          'Weighs risk, impact and cost of failure; tests behaviour rather than details, and names when they test less and why.',
        ],
      ],
    },
    es: {
      prompt: '¿Cómo decide qué probar, y cuánto, antes de publicar un cambio?',
      rubric: [
        [
          'Criterio sobre pruebas',
          '«Probarlo todo» o «de eso se encarga QA»; no razona sobre el riesgo.',
          'Menciona pruebas unitarias y de integración y alguna prioridad.',
          'Sopesa riesgo, impacto y coste de un fallo; prueba el comportamiento y no los detalles, y explica cuándo prueba menos y por qué.',
        ],
      ],
    },
  },
  {
    id: 'engineering-05',
    role: 'engineering',
    tags: ['engineering', 'incidents'],
    rules: video(180, 60),
    en: {
      prompt:
        'Production is down and customers are affected. You are the first engineer to notice. Talk us through your first 30 minutes.',
      rubric: [
        [
          'Incident response',
          'Starts changing code at random or works alone in silence.',
          'Investigates logically and tells the team.',
          'Raises the alarm, communicates status, restores service first (rollback, feature flag), then investigates, and plans a blameless review.',
        ],
      ],
    },
    es: {
      prompt:
        'El servicio en producción ha caído y afecta a los clientes. Usted es el primer ingeniero en darse cuenta. Explíquenos qué hace en los primeros 30 minutos.',
      rubric: [
        [
          'Respuesta a incidentes',
          'Empieza a cambiar código al azar o trabaja solo sin avisar a nadie.',
          'Investiga con lógica e informa al equipo.',
          'Da la alarma, comunica el estado, restablece primero el servicio (marcha atrás, desactivar la función) y después investiga; propone una revisión sin culpables.',
        ],
      ],
    },
  },
  {
    id: 'engineering-06',
    role: 'engineering',
    tags: ['engineering', 'communication'],
    rules: video(120),
    en: {
      prompt:
        'Explain a technical concept you know well to someone in sales who has never written code. Pick any concept you like.',
      rubric: [
        [
          'Explaining to non-engineers',
          'Uses jargon throughout; hard to follow.',
          'Mostly clear, with some jargon left unexplained.',
          'Clear and accurate, uses a fitting analogy, and says why the concept matters to the listener.',
        ],
      ],
    },
    es: {
      prompt:
        'Explique un concepto técnico que domine a una persona del equipo comercial que nunca ha programado. Elija el concepto que prefiera.',
      rubric: [
        [
          'Explicar a quien no es técnico',
          'Usa jerga todo el tiempo; cuesta seguirle.',
          'Bastante claro, aunque deja algún término sin explicar.',
          'Claro y preciso, usa una analogía acertada y explica por qué el concepto le importa a quien escucha.',
        ],
      ],
    },
  },
  {
    id: 'engineering-07',
    role: 'engineering',
    tags: ['engineering', 'prioritisation'],
    rules: video(120),
    en: {
      prompt:
        'Tell us about a time you had to choose between shipping on time and doing it properly. What did you decide, and how did it turn out?',
      rubric: [
        [
          'Balancing speed and quality',
          'Always one extreme: cut every corner or refuse to ship.',
          'Made a reasonable call and can explain it.',
          'Weighed the cost of delay against the cost of debt, agreed the trade-off with others, and made a plan to pay the debt back.',
        ],
      ],
    },
    es: {
      prompt:
        'Cuéntenos una ocasión en la que tuvo que elegir entre entregar a tiempo y hacerlo bien. ¿Qué decidió y cómo salió?',
      rubric: [
        [
          'Equilibrio entre rapidez y calidad',
          'Siempre un extremo: recortar en todo o negarse a entregar.',
          'Tomó una decisión razonable y sabe explicarla.',
          'Comparó el coste del retraso con el de la deuda técnica, acordó la decisión con el equipo y planificó cómo saldar esa deuda.',
        ],
      ],
    },
  },
  {
    id: 'engineering-08',
    role: 'engineering',
    tags: ['engineering', 'writing'],
    rules: text(2000),
    en: {
      prompt:
        'An API endpoint that used to answer in 100 ms now takes 3 seconds, and nothing was deployed. In writing, list what you would check, in order, and why.',
      rubric: [
        [
          'Structured investigation',
          'A random list of guesses with no order.',
          'Sensible checks (database, load, dependencies) in a reasonable order.',
          'Starts from evidence (metrics, traces), separates the endpoint from what it depends on, considers data growth and external changes, and says what each check would rule out.',
        ],
      ],
    },
    es: {
      prompt:
        'Un endpoint de la API que respondía en 100 ms ahora tarda 3 segundos, y no se ha desplegado nada. Enumere por escrito qué comprobaría, en qué orden y por qué.',
      rubric: [
        [
          'Investigación estructurada',
          'Una lista de suposiciones sin orden.',
          'Comprobaciones sensatas (base de datos, carga, dependencias) en un orden razonable.',
          'Parte de datos (métricas, trazas), separa el endpoint de sus dependencias, considera el crecimiento de los datos y cambios externos, y explica qué descarta cada comprobación.',
        ],
      ],
    },
  },
];
