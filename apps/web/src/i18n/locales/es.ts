import type { CandidateMessages } from './en.ts';

/** Every string the candidate pages show, in Spanish (tuteo, as in the rest of the product). */
export const es: CandidateMessages = {
  common: {
    loading: 'Cargando…',
    errorTitle: 'Hay un problema',
    titleSuffix: 'Entrevista',
  },
  language: {
    label: 'Idioma',
    name: { en: 'inglés', es: 'español' },
    employerWords:
      'La empresa escribió esta entrevista en {{language}}. El título, los textos y las preguntas se muestran tal como los escribió.',
  },
  link: {
    title: 'Abriendo tu entrevista',
    opening: 'Abriendo tu entrevista…',
    notFoundTitle: 'No encontramos esta entrevista',
    notFound:
      'Comprueba que has abierto el enlace completo de tu correo de invitación. Si sigue sin funcionar, pide a quien te invitó que te lo envíe de nuevo.',
    withdrawnTitle: 'Esta invitación se ha retirado',
    withdrawn:
      'La empresa ha retirado esta invitación y ya no se puede usar. Si crees que es un error, ponte en contacto con ella.',
    failedTitle: 'No hemos podido abrir tu entrevista',
    retry: 'Intentar de nuevo',
  },
  session: {
    title: 'Abre el enlace de tu invitación',
    missing:
      'Para ver tu entrevista, abre de nuevo el enlace de tu correo de invitación. Por tu privacidad, esta página no guarda el enlace.',
  },
  landing: {
    roleAt: '{{role}} en {{company}}',
    greeting: 'Hola, {{name}}.',
    nothingTimed: 'En esta página nada tiene tiempo límite. Léela con calma.',
    aboutHeading: 'Sobre esta entrevista',
    deadlineHeading: 'Plazo',
    deadline: 'Completa la entrevista antes del {{date}}.',
    yourTimeZone: 'Es la hora de tu zona horaria, {{timeZone}}.',
    employerTimeZone: 'Equivale al {{date}} en {{timeZone}}, la zona horaria de la empresa.',
    expired: 'El plazo de esta entrevista terminó el {{date}}. Aún puedes pedir más tiempo más abajo.',
    completed: 'Has completado esta entrevista. Gracias.',
    questionsHeading: 'Qué esperar',
    questionCount_one: 'Hay {{count}} pregunta.',
    questionCount_other: 'Hay {{count}} preguntas.',
    practice:
      'Antes puedes probar una pregunta de práctica, con los mismos tiempos, tantas veces como quieras. Nadie ve tus respuestas de práctica.',
    questionLabel: 'Pregunta {{position}}',
    answerType: {
      video: 'Respuesta en vídeo',
      audio: 'Respuesta solo de audio',
      text: 'Respuesta por escrito',
    },
    thinkNone: 'Sin tiempo para pensar',
    thinkSeconds: '{{duration}} para pensar',
    thinkUnlimited: 'Todo el tiempo que necesites para pensar',
    answerSeconds: 'Hasta {{duration}} para responder',
    answerUntimed: 'Sin límite de tiempo para responder',
    textMaxChars: 'Hasta {{count}} caracteres',
    takes_one: '{{count}} toma',
    takes_other: '{{count}} tomas',
    startReady: 'Empiezas cuando quieras',
    startImmediately: 'La grabación empieza en cuanto aparece la pregunta',
    startAuto: 'La grabación empieza al terminar el tiempo para pensar',
    takesHint:
      'Una toma es una grabación de tu respuesta. Si tienes más de una, puedes grabar de nuevo y quedarte con la que prefieras.',
    accommodationsHeading: 'Tus adaptaciones',
    accommodationsIntro: 'Los tiempos y las tomas de arriba ya incluyen:',
    multiplier: '{{factor}} veces el tiempo habitual',
    untimed: 'Sin límites de tiempo',
    extraTakes_one: '{{count}} toma más en cada pregunta',
    extraTakes_other: '{{count}} tomas más en cada pregunta',
    answerFormat: {
      audio: 'Respuestas solo de audio en lugar de vídeo',
      text: 'Respuestas por escrito en lugar de vídeo o audio',
    },
    instructionsHeading: 'Instrucciones de {{company}}',
    tipHeading: 'Un consejo antes de empezar',
    tip: 'Pon la cámara a la altura de los ojos, busca una sala tranquila con luz de frente y cierra las aplicaciones que usen internet.',
    privacyHeading: 'Tus grabaciones',
    privacy:
      'Solo el equipo de selección de {{company}} ve tus respuestas. Las conserva durante el tiempo que permita su política de conservación.',
    privacyContact:
      'Para pedir una copia de tus datos o que se borren, escribe a <contact>{{email}}</contact>.',
    helpHeading: '¿Problemas técnicos?',
    help: 'Si algo no funciona, escribe a <contact>{{email}}</contact> y cuenta qué ha pasado.',
    helpNoContact: 'Si algo no funciona, responde a tu correo de invitación y cuenta qué ha pasado.',
    continue: 'Continuar',
    continueHint:
      'A continuación verás a qué das tu consentimiento y después comprobarás la cámara y el micrófono.',
    continueExpired: 'Podrás continuar cuando se amplíe el plazo.',
    continueCompleted: 'No tienes que hacer nada más.',
  },
  requests: {
    heading: '¿Necesitas más tiempo o una adaptación?',
    intro:
      'Pídelo antes de empezar. La empresa te responderá por correo. Quienes revisan tus respuestas nunca ven el motivo.',
    extensionHeading: 'Más tiempo',
    daysLabel: '¿Cuántos días más necesitas?',
    days_one: '{{count}} día',
    days_other: '{{count}} días',
    reasonLabel: 'Motivo (opcional)',
    reasonHint: 'Solo lo ve la empresa.',
    submitExtension: 'Pedir más tiempo',
    accommodationHeading: 'Una adaptación',
    accommodationIntro:
      'Por ejemplo, más tiempo en cada pregunta, más tomas o responder por audio o por escrito en lugar de en vídeo.',
    timeLabel: 'Tiempo para cada pregunta',
    timeOptions: {
      usual: 'El tiempo habitual',
      x1_5: '1,5 veces más',
      x2: 'El doble',
      x3: 'El triple',
      untimed: 'Sin límites de tiempo',
    },
    extraTakesLabel: 'Intentos más en cada pregunta',
    extraTakesNone: 'Ninguna toma más',
    formatLabel: 'Cómo respondes',
    formatOptions: {
      asSet: 'Como lo ha definido la empresa',
      audio: 'Solo audio, sin cámara',
      text: 'Por escrito',
    },
    submitAccommodation: 'Pedir esta adaptación',
    chooseOne: 'Elige al menos un cambio.',
    reasonTooLong: 'El motivo debe tener menos de 1000 caracteres.',
    pendingExtension_one: 'El {{date}} pediste {{count}} día más. La empresa aún no ha respondido.',
    pendingExtension_other: 'El {{date}} pediste {{count}} días más. La empresa aún no ha respondido.',
    pendingAccommodation: 'El {{date}} pediste una adaptación. La empresa aún no ha respondido.',
    approved: 'Hecho. Tu nuevo plazo termina el {{date}}.',
    sent: 'Tu solicitud se ha enviado. Recibirás un correo cuando la empresa responda.',
  },
  consent: {
    title: 'La grabación y tu consentimiento',
    intro:
      'Antes de las preguntas, lee cómo se graban y se usan tus respuestas. Nada aquí tiene tiempo límite.',
    noticeHeading: 'Cómo se graban y se usan tus respuestas',
    checkbox: 'Acepto que se me grabe para esta entrevista',
    required: 'Marca la casilla para aceptar la grabación, o vuelve atrás si no quieres continuar.',
    submit: 'Acepto, continuar',
    saving: 'Guardando…',
    alreadyAgreed: 'Ya has aceptado este aviso. Puedes continuar.',
    changed:
      'El aviso cambió mientras esta página estaba abierta. Lee el nuevo texto de arriba y vuelve a aceptarlo.',
    back: 'Volver a los detalles de la entrevista',
  },
  deviceCheck: {
    title: 'Comprueba tu cámara y tu micrófono',
    advice:
      'La cámara a la altura de los ojos, una habitación tranquila, cierra las aplicaciones que usan internet.',
    starting: 'Iniciando tu cámara y tu micrófono…',
    working: 'Tu cámara y tu micrófono funcionan.',
    cameraHeading: 'Cámara',
    previewLabel: 'Vista previa de tu cámara',
    camera: 'Cámara',
    microphoneHeading: 'Micrófono',
    microphoneHint: 'Di unas palabras. La barra se mueve cuando el micrófono te oye.',
    microphoneLevel: 'Nivel del micrófono',
    microphone: 'Micrófono',
    tryAgain: 'Intentar de nuevo',
    continue: 'Continuar',
    continueHint: 'Podrás continuar cuando tu cámara y tu micrófono funcionen.',
    hearing: {
      saySomething: 'Tu cámara funciona. Ahora tu micrófono: mira más abajo.',
      heard: 'Te oímos.',
      notHeard:
        'Di algo… Todavía no hemos oído tu micrófono. Si la barra no se mueve, comprueba que el micrófono no esté silenciado o elige otro.',
      continueAnyway: 'Continuar de todos modos',
      continueAnywayHint: 'Puedes continuar de todos modos, pero puede que tus respuestas no tengan sonido.',
    },
    problems: {
      blocked: {
        title: 'Tu navegador está bloqueando la cámara o el micrófono',
        advice:
          'Selecciona el icono de la cámara o del candado junto a la dirección web, elige Permitir para la cámara y el micrófono en este sitio y selecciona Intentar de nuevo. En un teléfono, comprueba también en los ajustes que el navegador puede usar la cámara.',
      },
      noDevice: {
        title: 'No encontramos ninguna cámara o micrófono',
        advice:
          'Conecta una cámara y un micrófono, o usa un dispositivo que los tenga (casi todos los teléfonos y portátiles), y selecciona Intentar de nuevo.',
      },
      inUse: {
        title: 'Otra aplicación está usando tu cámara',
        advice:
          'Cierra otras aplicaciones o pestañas que usen la cámara, como videollamadas, y selecciona Intentar de nuevo. Reiniciar el navegador puede ayudar.',
      },
      unsupported: {
        title: 'Este navegador no puede grabar la entrevista',
        advice:
          'Abre el enlace de tu invitación en una versión actual de Chrome, Edge, Firefox o Safari. Las ventanas privadas o de incógnito pueden no funcionar.',
      },
      unknown: {
        title: 'Tu cámara o tu micrófono no se iniciaron',
        advice:
          'Comprueba que están conectados y que ninguna otra aplicación los usa, y selecciona Intentar de nuevo.',
      },
    },
    speed: {
      heading: 'Velocidad de subida',
      measuring: 'Midiendo tu velocidad de subida…',
      result: 'Velocidad de subida: {{speed}} Mbit/s',
      enough: 'Es suficiente para respuestas en vídeo.',
      notEnough:
        'Es menos de 1 Mbit/s, lo que necesitan las respuestas en vídeo. Acércate al router wifi o cierra las aplicaciones que usan internet. Tus respuestas se guardan en este dispositivo hasta que se suben, así que no se pierde nada, pero guardarlas puede tardar más.',
      failed: 'No hemos podido medir tu velocidad de subida. Comprueba tu conexión y vuelve a medirla.',
      again: 'Medir de nuevo',
    },
  },
  promptVideo: {
    introLabel: 'Vídeo de bienvenida de {{company}}',
    questionLabel: 'La pregunta, en vídeo',
    captionsLabel: 'Subtítulos',
    loading: 'Cargando el vídeo…',
    introFact: 'Empieza con un vídeo de {{duration}}; tu tiempo para pensar empieza después',
    introFactNoThink: 'Empieza con un vídeo de {{duration}}; la pregunta sigue después',
    watchHeading: 'Mira la pregunta',
    untilThink: 'hasta que empiece tu tiempo para pensar',
    untilVideoEnds: 'hasta que termine el vídeo',
    thinkAfter: 'Después tienes {{duration}} para pensar. Ver el vídeo no te quita nada de ese tiempo.',
    noThinkAfter: 'La pregunta sigue cuando termine el vídeo.',
    thinkStarted: 'El vídeo ha terminado. Ha empezado tu tiempo para pensar.',
  },
  duration: {
    seconds_one: '{{count}} segundo',
    seconds_other: '{{count}} segundos',
    minutes_one: '{{count}} minuto',
    minutes_other: '{{count}} minutos',
    minutesSeconds: '{{minutes}} y {{seconds}}',
  },
  errors: {
    invitation_not_found:
      'No encontramos esta entrevista. Comprueba que has abierto el enlace completo de tu correo de invitación.',
    invitation_withdrawn: 'La empresa ha retirado esta invitación.',
    invitation_completed: 'Ya has completado esta entrevista.',
    candidate_session_invalid: 'Abre de nuevo el enlace de tu correo de invitación para continuar.',
    request_pending: 'Ya tienes una solicitud de este tipo esperando respuesta.',
    rate_limited: 'Demasiados intentos en poco tiempo. Espera un minuto y vuelve a intentarlo.',
    network_error: 'No hemos podido conectar con el servidor. Comprueba tu conexión y vuelve a intentarlo.',
    csrf_failed: 'Vuelve a cargar la página e inténtalo de nuevo.',
    validation_failed: 'Hay datos que corregir.',
    generic: 'Algo ha fallado por nuestra parte. Inténtalo de nuevo en un momento.',
  },
  yourData: {
    title: 'Tus datos',
    linkTitle: 'Abriendo tus datos…',
    intro: '{{company}} guarda esto sobre ti para la entrevista «{{interview}}».',
    loading: 'Cargando tus datos…',
    noSession:
      'Para ver tus datos, abre el enlace de cualquier correo sobre tu entrevista: te trae aquí. El enlace es personal, así que sin él esta página no muestra nada.',
    heldHeading: 'Lo que guarda {{company}}',
    name: 'Nombre',
    email: 'Correo electrónico',
    phone: 'Teléfono',
    timeZone: 'Zona horaria',
    notGiven: 'No indicado',
    recordings: 'Respuestas grabadas',
    textAnswers: 'Respuestas escritas',
    consent: 'Consentimiento para grabar',
    consentGiven: 'Dado el {{date}}',
    consentWithdrawn: 'Retirado el {{date}}',
    retentionHeading: 'Cuánto tiempo se guarda',
    retentionDays:
      '{{company}} lo borra {{days}} días después de decidir sobre tu candidatura o de cerrar la entrevista.',
    retentionOn: 'En tu caso, será el {{date}}.',
    retentionKeep: '{{company}} lo guarda hasta que pidas que se borre o hasta que lo borre la empresa.',
    downloadHeading: 'Descarga tus datos',
    downloadIntro:
      'Un archivo ZIP con tus grabaciones, tus respuestas escritas, el consentimiento que diste con su texto exacto y la cronología de tu entrevista.',
    download: 'Descargarlo todo (ZIP)',
    withdrawHeading: 'Retira tu consentimiento',
    withdrawIntro:
      'Hasta que envíes tus respuestas, puedes retirar tu consentimiento para que te graben. Tu entrevista se detiene y todo lo que grabaste o escribiste se borra en el acto. No se puede deshacer.',
    withdraw: 'Retirar mi consentimiento…',
    withdrawConfirm:
      '¿Retiras tu consentimiento, detienes tu entrevista y borras lo que grabaste o escribiste?',
    withdrawYes: 'Sí, retirarlo y borrar',
    cancel: 'Cancelar',
    withdrawn:
      'Has retirado tu consentimiento. Tu entrevista se ha detenido y lo que grabaste o escribiste se ha borrado.',
    eraseHeading: 'Borra tus datos',
    eraseIntro:
      'Puedes pedir a {{company}} que borre todo lo que tiene sobre ti: tus grabaciones, tus respuestas escritas y tus datos personales. Para asegurarnos de que eres tú, enviamos un enlace a {{email}}. Cuando lo abras, tus datos se borrarán en un plazo de {{days}} días y no se podrán recuperar.',
    eraseRequest: 'Enviarme un enlace de confirmación',
    linkSent:
      'Hemos enviado un enlace de confirmación a {{email}}. Funciona hasta el {{date}}. No se borra nada hasta que lo abras.',
    linkResend: 'Enviar un enlace nuevo',
    scheduled: 'Has confirmado tu solicitud. Tus datos se borrarán como tarde el {{date}}.',
    held: 'Has confirmado tu solicitud. {{company}} debe conservar tus datos por un motivo legal por ahora, así que aún no se pueden borrar. {{company}} ya sabe que lo has pedido.',
    back: 'Volver a los detalles de la entrevista',
    confirmTitle: 'Borra tus datos',
    confirmIntro:
      'Confirma que quieres borrar todos tus datos de esta entrevista: tus grabaciones, tus respuestas escritas y tus datos personales. No se puede deshacer.',
    confirmButton: 'Sí, borrar mis datos',
    confirmedTitle: 'Tu solicitud está confirmada',
    confirmed: 'Tus datos se borrarán como tarde el {{date}}. No tienes que hacer nada más.',
    confirmedHeld:
      'Tu solicitud está confirmada, pero la empresa debe conservar tus datos por un motivo legal por ahora. Ya sabe que lo has pedido.',
    linkExpired:
      'Este enlace ha caducado. Abre «Tus datos» desde el enlace de un correo sobre tu entrevista y pide uno nuevo.',
    linkUsed:
      'Este enlace ya se ha usado: tu solicitud está confirmada. Tus datos se borrarán como tarde el {{date}}.',
    linkUsedErased: 'Este enlace ya se ha usado y tus datos ya se han borrado.',
    linkInvalid: 'Este enlace no es válido. Comprueba que has abierto el enlace completo del correo.',
    landingLink: 'Tus datos: consúltalos, descárgalos o bórralos',
  },
  interview: {
    expired:
      'El plazo de esta entrevista ha terminado, así que ya no se pueden grabar más respuestas. Puedes pedir más tiempo en la página con los detalles de la entrevista.',
    backToDetails: 'Volver a los detalles de la entrevista',
    question: {
      title: 'Pregunta {{position}} de {{total}}',
      titleShort: 'Pregunta {{position}}',
      start: 'Empezar la pregunta {{position}}',
      notFound: 'Esta entrevista no tiene ninguna pregunta con ese número.',
      toReview: 'Ver todas tus respuestas',
      allAnswers: 'Ver todas tus respuestas',
    },
    practice: {
      title: 'Pregunta de práctica',
      intro:
        'Prueba la grabación con los mismos tiempos que las preguntas reales, tantas veces como quieras. Nadie ve tus respuestas de práctica.',
      tip: 'Una buena respuesta empieza por el resultado.',
      tipTimed: 'Una buena respuesta empieza por el resultado y cabe de sobra en tu tiempo ({{duration}}).',
      start: 'Empezar la pregunta de práctica',
      continueHint: 'Puedes pasar a las preguntas cuando quieras, hayas practicado o no.',
      continue: 'Continuar con las preguntas',
    },
    intro: {
      heading: 'Antes de empezar',
      tries: 'Tantas tomas como quieras',
      takesLeft_one: 'Te queda {{count}} toma',
      takesLeft_other: 'Te quedan {{count}} tomas',
      when: 'La pregunta aparece cuando la empiezas, y en ese momento empiezan sus tiempos. Si quieres, respira hondo antes: todavía no corre ningún tiempo.',
      whenText:
        'La pregunta aparece cuando la empiezas, y en ese momento empieza su tiempo. Todavía no corre ningún tiempo.',
    },
    prompt: {
      heading: 'La pregunta',
    },
    think: {
      heading: 'Tiempo para pensar',
      left: 'para pensar',
      unlimited: 'Tómate el tiempo que necesites.',
      nextAuto:
        'La grabación empieza sola cuando se acaba el tiempo. Selecciona Ya lo tengo para empezar antes.',
      nextReady: 'Después, empiezas tú la grabación cuando quieras.',
      nextText: 'Después, escribes tu respuesta.',
      ready: 'Ya lo tengo',
    },
    timer: {
      hide: 'Ocultar el temporizador',
      hidden: 'El temporizador está oculto. El límite de tiempo sigue aplicándose.',
    },
    ready: {
      heading: 'Todo listo para grabar',
      text: 'Mira a la cámara, respira y empieza cuando quieras.',
      start: 'Empezar a grabar',
    },
    recording: {
      heading: 'Grabando',
      starting: 'Iniciando la grabación…',
      rec: 'REC',
      left: '(quedan {{time}})',
      autoStop: 'La grabación se detiene sola al llegar al límite de tiempo.',
      untimed: 'No hay límite de tiempo. Detén la grabación cuando termines.',
      stop: 'Detener la grabación',
      audio: 'Grabando audio',
      microphone: 'Micrófono',
    },
    silence: {
      title: 'No te hemos oído. ¿Quieres grabar de nuevo?',
      advice:
        'Tu micrófono no captó ningún sonido durante esta toma. Comprueba que no esté silenciado o elige otro micrófono, y graba de nuevo.',
      costsTake: 'Grabar de nuevo usa una de tus tomas, como cualquier otra repetición.',
      noTakesLeft: 'No te quedan tomas para esta pregunta, así que conservamos esta toma tal como está.',
      recordAgain: 'Grabar de nuevo',
      keep: 'Conservar esta toma',
    },
    devices: {
      heading: 'Cámara y micrófono',
      choiceGone:
        'La cámara o el micrófono que elegiste ya no está disponible, así que usamos el predeterminado. Puedes elegir otro aquí.',
    },
    announce: {
      started: 'La grabación ha empezado.',
      stopped: 'La grabación se ha detenido.',
      left_one: 'Queda {{count}} segundo.',
      left_other: 'Quedan {{count}} segundos.',
    },
    offline:
      'No tienes conexión. Sigue adelante: tu respuesta se guarda en este dispositivo y se sube cuando vuelvas a estar conectado.',
    take: {
      heading: 'Tu grabación',
      saving: 'Guardando…',
      saved: 'Guardada',
      progress: 'Progreso de la subida',
      playback: 'Reproducción de esta toma',
      savingHint: 'Tu grabación se conserva en este dispositivo hasta que termina de subirse.',
      keptHint: 'Esta toma es tu respuesta a esta pregunta, salvo que grabes otra.',
      saveAndContinue: 'Guardar y continuar',
      tryAgain: 'Intentar de nuevo',
      recordAgain_one: 'Grabar de nuevo (te queda {{count}} toma)',
      recordAgain_other: 'Grabar de nuevo (te quedan {{count}} tomas)',
      lastTake: 'Era tu última toma, así que esta es tu respuesta.',
    },
    failure: {
      heading: 'No se puede grabar esta toma',
      technicalHeading: 'Esta toma no cuenta',
      track_ended: 'Tu cámara se ha detenido. Esta toma no cuenta: graba de nuevo.',
      recorder_error: 'La grabación se ha detenido de forma inesperada. Esta toma no cuenta: graba de nuevo.',
      upload_refused: 'No hemos podido subir tu grabación. Esta toma no cuenta: graba de nuevo.',
      noTakesLeft: 'Has usado todas las tomas de esta pregunta. Conservamos tu última respuesta guardada.',
      closed:
        'Ya no se puede responder a esta entrevista: el plazo ha terminado o la invitación se ha cerrado.',
      recordAgain: 'Grabar de nuevo',
      backToStart: 'Volver a los detalles de la entrevista',
    },
    takes: {
      legend: '¿Qué toma es tu respuesta?',
      option: 'Toma {{number}} ({{length}})',
      justRecorded: '— recién grabada',
      play: 'Reproducir la toma {{number}}',
      loading: 'Cargando la toma {{number}}…',
      player: 'Toma {{number}}',
      chooseHint: 'La toma que elijas aquí será tu respuesta al guardar y continuar.',
      noTakesLeft: 'Esa era tu última toma: elige entre las que has grabado.',
    },
    answered: {
      heading: 'Respondida',
      take: 'Tu respuesta es la toma {{number}} ({{size}}).',
      recorded: 'Tenemos tu respuesta grabada.',
      recordAgainHint: 'Si grabas de nuevo, la nueva toma pasa a ser tu respuesta cuando termine de subirse.',
      continue: 'Continuar',
      edit: 'Editar la respuesta',
    },
    recovery: {
      heading: 'Hemos conservado tu última grabación',
      kept_one: 'Hemos conservado {{count}} segundo de tu última grabación.',
      kept_other: 'Hemos conservado {{count}} segundos de tu última grabación.',
      choice: 'Úsala como tu toma o graba una toma nueva.',
      use: 'Usar la grabación recuperada',
      fresh: 'Grabar una toma nueva',
      freshHint: 'Una toma nueva no gasta ninguna toma.',
    },
    engine: {
      serverBusy:
        'El servidor está ocupado guardando. Tu respuesta está a salvo en este dispositivo y se enviará en cuanto el servidor pueda recibirla.',
      localCopyFailing:
        'Este dispositivo no tiene más espacio para guardar una copia de tu grabación. Se sigue enviando al servidor: mantén esta página abierta hasta que diga Guardada.',
      otherTabHeading: 'Grabando en otra pestaña',
      otherTab:
        'Esta entrevista se está grabando en otra pestaña. Termina o cierra esa pestaña para grabar aquí.',
      tryAgain: 'Intentar de nuevo',
      takenOverHeading: 'Has continuado en otro dispositivo',
      takenOver:
        'Esta grabación se ha detenido porque has continuado en otro dispositivo. No ha gastado ninguna de tus tomas.',
      uploadFailed: 'No hemos podido enviar tu grabación al servidor. Se conserva en este dispositivo.',
      practiceKept:
        'No se ha enviado nada: esta grabación de práctica se queda en este navegador y nadie la ve.',
    },
    text: {
      heading: 'Escribe tu respuesta',
      label: 'Tu respuesta',
      count_one: '{{count}} carácter',
      count_other: '{{count}} caracteres',
      countOf_one: '{{count}} de {{max}} caracteres',
      countOf_other: '{{count}} de {{max}} caracteres',
      left: 'para escribir',
      empty: 'Escribe una respuesta antes de guardarla.',
      timeUp: 'Se ha acabado el tiempo. Guarda lo que has escrito.',
      timeUpSaved: 'Se ha acabado el tiempo. Hemos guardado lo que habías escrito.',
      save: 'Guardar la respuesta',
      saving: 'Guardando…',
      autosaving: 'Guardando…',
      retrying:
        'Aún no se ha guardado: no hemos podido conectar con el servidor. Tu respuesta se conserva en este dispositivo y seguimos intentándolo.',
      leave:
        'Tu respuesta aún no está guardada en el servidor. Si sales de esta página, solo se conserva en este dispositivo. ¿Salir de todos modos?',
    },
    live: {
      refreshFailed:
        'No hemos podido conectar con el servidor. Tu grabación continúa y se conserva en este dispositivo.',
      unreachable: 'No hemos podido conectar con el servidor. Seguimos intentándolo en segundo plano.',
      busy: 'El servidor está ocupado ahora mismo. Inténtalo de nuevo en un momento.',
      elsewhere: 'Estás grabando una respuesta en otro dispositivo.',
      takeOver: 'Detener esa grabación y continuar aquí',
      leave:
        'Tu respuesta todavía se está grabando o guardando. Si sales de esta página, la grabación se detiene; lo grabado hasta ahora se conserva en este dispositivo hasta que se guarde.',
    },
    deadline: {
      mayNotFinish: 'Puede que esta respuesta no termine antes de que acabe el plazo.',
      startedCounts: 'Una respuesta que empieces antes de que acabe el plazo cuenta igualmente.',
    },
    later: {
      region: 'Continuar más tarde',
      toggle: 'Continuar más tarde',
      sameLink:
        'Puedes parar aquí y volver cuando quieras antes del {{date}}: abre de nuevo el enlace de tu correo de invitación.',
      kept: 'Las respuestas que ya se han subido se quedan con nosotros. Sigues donde lo dejaste.',
      deviceIntro:
        '¿Quieres cambiar a un teléfono o a otro ordenador? Te enviamos por correo un código para introducirlo allí.',
      device: 'Continuar en otro dispositivo',
      sent: 'Te hemos enviado un código de 6 cifras por correo. En el otro dispositivo, abre {{url}} e introdúcelo.',
    },
    review: {
      title: 'Revisa tus respuestas',
      intro: 'Comprueba tus respuestas y envíalas. Una vez enviadas, ya no podrás cambiarlas.',
      none: 'Todavía sin respuesta',
      written: 'Respuesta escrita:',
      take: 'Respuesta grabada: toma {{number}} ({{size}})',
      recorded: 'Respuesta grabada',
      answer: 'Responder a la pregunta {{position}}',
      change: 'Volver a la pregunta {{position}}',
      missing_one: 'La pregunta {{list}} todavía no tiene respuesta. Respóndela antes de enviar.',
      missing_other: 'Las preguntas {{list}} todavía no tienen respuesta. Respóndelas antes de enviar.',
      submitHint: 'El equipo de selección solo ve tus respuestas cuando las envías.',
      submit: 'Enviar la entrevista',
      submitting: 'Enviando…',
    },
    done: {
      title: 'Tu entrevista se ha enviado',
      thanks: 'Gracias, {{name}}.',
      thanksNoName: 'Gracias.',
      sentAt: 'La recibimos el {{date}}.',
      nextHeading: 'Qué pasa ahora',
      next: 'El equipo de selección de {{company}} verá tus respuestas y te escribirá por correo sobre el siguiente paso.',
      nextNoCompany:
        'El equipo de selección verá tus respuestas y te escribirá por correo sobre el siguiente paso.',
      email: 'Te hemos enviado una confirmación a tu correo electrónico.',
      close: 'No tienes que hacer nada más. Puedes cerrar esta página.',
    },
    continue: {
      title: 'Continúa tu entrevista',
      intro:
        'Introduce la dirección de correo a la que llegó tu invitación y el código de 6 cifras que te hemos enviado.',
      email: 'Correo electrónico',
      code: 'Código',
      codeHint: '6 cifras',
      submit: 'Continuar',
      emailError: 'Introduce la dirección de correo a la que llegó tu invitación.',
      codeError: 'Introduce las 6 cifras del código.',
      noCode:
        '¿No tienes código? En el dispositivo donde empezaste, selecciona Continuar más tarde y después Continuar en otro dispositivo. Cada código vale durante {{minutes}} minutos.',
    },
    errors: {
      no_takes_left: 'Has usado todas las tomas de esta pregunta. Conservamos tu última respuesta guardada.',
      take_not_open: 'Ya no se puede grabar esta toma. Empieza una nueva.',
      question_not_revealed: 'Muestra la pregunta antes de grabar tu respuesta.',
      take_not_saved:
        'Esta toma todavía no ha terminado de subirse. Espera un momento y vuelve a intentarlo.',
      answers_missing: 'Algunas preguntas todavía no tienen respuesta. Respóndelas antes de enviar.',
      continue_code_invalid:
        'El código no es correcto o ha caducado. Pide uno nuevo en el dispositivo donde empezaste.',
      invitation_expired: 'El plazo de esta entrevista ha terminado.',
      consent_required: 'Acepta el aviso de grabación antes de empezar.',
      upload_rejected: 'No hemos podido leer tu grabación. Graba de nuevo: no gastará ninguna toma.',
      media_not_ready: 'Esta toma aún se está preparando para verla. Vuelve a intentarlo en un minuto.',
    },
  },
};
