import type { CandidateMessages } from './en.ts';

/** Every string the candidate pages show, in Spanish (tuteo, as in the rest of the product). */
export const es: CandidateMessages = {
  common: {
    loading: 'Cargando…',
    errorTitle: 'Hay un problema',
    titleSuffix: 'Entrevista',
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
    takes_one: '{{count}} intento',
    takes_other: '{{count}} intentos',
    startReady: 'Empiezas cuando quieras',
    startImmediately: 'La grabación empieza en cuanto aparece la pregunta',
    startAuto: 'La grabación empieza al terminar el tiempo para pensar',
    takesHint:
      'Un intento es una grabación de tu respuesta. Si tienes más de uno, puedes grabar de nuevo y quedarte con la que prefieras.',
    accommodationsHeading: 'Tus adaptaciones',
    accommodationsIntro: 'Los tiempos y los intentos de arriba ya incluyen:',
    multiplier: '{{factor}} veces el tiempo habitual',
    untimed: 'Sin límites de tiempo',
    extraTakes_one: '{{count}} intento más en cada pregunta',
    extraTakes_other: '{{count}} intentos más en cada pregunta',
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
      'Por ejemplo, más tiempo en cada pregunta, más intentos o responder por audio o por escrito en lugar de en vídeo.',
    timeLabel: 'Tiempo para cada pregunta',
    timeOptions: {
      usual: 'El tiempo habitual',
      x1_5: '1,5 veces más',
      x2: 'El doble',
      x3: 'El triple',
      untimed: 'Sin límites de tiempo',
    },
    extraTakesLabel: 'Intentos más en cada pregunta',
    extraTakesNone: 'Ningún intento más',
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
};
