import type { EmailTemplateKind, InterviewLanguage } from '@oneway/shared';

export interface TemplateText {
  subject: string;
  text: string;
}

// The built-in wording. Paragraphs are separated by a blank line; the HTML part is made from the same text, and a
// paragraph that is only {{link}} becomes the button.
const english: Record<EmailTemplateKind, TemplateText> = {
  invitation: {
    subject: 'Your video interview with {{companyName}}: {{interviewTitle}}',
    text: `Hello {{candidateName}},

{{companyName}} invites you to a one-way video interview for {{interviewTitle}}. You answer {{questionCount}} questions on your own, whenever suits you, before the deadline: {{deadline}}.

Open your personal link to see the time rules of each question and try a practice question before anything is recorded:

{{link}}

Nothing is timed until you start. If you need more time or an accommodation, you can ask for it on the same page.

This link is personal: please do not share it.`,
  },
  reminder: {
    subject: 'Reminder: your video interview with {{companyName}} closes on {{deadline}}',
    text: `Hello {{candidateName}},

A reminder that your video interview for {{interviewTitle}} at {{companyName}} is open until {{deadline}}. It has {{questionCount}} questions, and you can take a practice question first.

{{link}}

If you need more time or an accommodation, you can ask for it on the same page.`,
  },
  deadline_extended: {
    subject: 'More time for your video interview with {{companyName}}',
    text: `Hello {{candidateName}},

{{companyName}} has given you more time for your video interview for {{interviewTitle}}. The new deadline is {{deadline}}.

{{link}}

Anything you have already recorded is kept.`,
  },
  completion_candidate: {
    subject: 'Thank you: your answers have reached {{companyName}}',
    text: `Hello {{candidateName}},

Thank you for completing your video interview for {{interviewTitle}}. {{companyName}} has received all your answers and its hiring team will review them.

You do not need to do anything else.`,
  },
  completion_team: {
    subject: '{{candidateName}} completed the interview {{interviewTitle}}',
    text: `Hello,

{{candidateName}} has completed the video interview {{interviewTitle}} ({{questionCount}} questions). The answers are ready for review:

{{link}}`,
  },
  outcome_advance: {
    subject: 'Next step with {{companyName}}: {{interviewTitle}}',
    text: `Hello {{candidateName}},

Thank you for your video interview for {{interviewTitle}}. The hiring team at {{companyName}} has reviewed your answers and would like to take you to the next step.

Someone from the team will contact you soon with the details.`,
  },
  outcome_hold: {
    subject: 'Your application with {{companyName}}: {{interviewTitle}}',
    text: `Hello {{candidateName}},

Thank you for your video interview for {{interviewTitle}}. The hiring team at {{companyName}} has reviewed your answers and has not made a final decision yet.

We will write to you again as soon as it has.`,
  },
  outcome_reject: {
    subject: 'Your application with {{companyName}}: {{interviewTitle}}',
    text: `Hello {{candidateName}},

Thank you for the time you gave to your video interview for {{interviewTitle}}. The hiring team at {{companyName}} has reviewed your answers carefully and has decided not to move forward with your application.

Thank you for your interest, and we wish you every success.`,
  },
};

const spanish: Record<EmailTemplateKind, TemplateText> = {
  invitation: {
    subject: 'Tu entrevista en vídeo con {{companyName}}: {{interviewTitle}}',
    text: `Hola, {{candidateName}}:

{{companyName}} te invita a una entrevista en vídeo diferida para {{interviewTitle}}. Responderás {{questionCount}} preguntas por tu cuenta, cuando mejor te venga, antes de la fecha límite: {{deadline}}.

Abre tu enlace personal para ver las reglas de tiempo de cada pregunta y probar una pregunta de práctica antes de grabar nada:

{{link}}

No corre ningún tiempo hasta que empieces. Si necesitas más tiempo o algún ajuste, puedes pedirlo en esa misma página.

Este enlace es personal: no lo compartas.`,
  },
  reminder: {
    subject: 'Recordatorio: tu entrevista en vídeo con {{companyName}} cierra el {{deadline}}',
    text: `Hola, {{candidateName}}:

Te recordamos que tu entrevista en vídeo para {{interviewTitle}} en {{companyName}} está abierta hasta el {{deadline}}. Tiene {{questionCount}} preguntas y antes puedes hacer una pregunta de práctica.

{{link}}

Si necesitas más tiempo o algún ajuste, puedes pedirlo en esa misma página.`,
  },
  deadline_extended: {
    subject: 'Más tiempo para tu entrevista en vídeo con {{companyName}}',
    text: `Hola, {{candidateName}}:

{{companyName}} te ha dado más tiempo para tu entrevista en vídeo para {{interviewTitle}}. La nueva fecha límite es el {{deadline}}.

{{link}}

Lo que ya hayas grabado se conserva.`,
  },
  completion_candidate: {
    subject: 'Gracias: tus respuestas han llegado a {{companyName}}',
    text: `Hola, {{candidateName}}:

Gracias por completar tu entrevista en vídeo para {{interviewTitle}}. {{companyName}} ha recibido todas tus respuestas y su equipo de selección las revisará.

No tienes que hacer nada más.`,
  },
  completion_team: {
    subject: '{{candidateName}} ha completado la entrevista {{interviewTitle}}',
    text: `Hola:

{{candidateName}} ha completado la entrevista en vídeo {{interviewTitle}} ({{questionCount}} preguntas). Las respuestas están listas para revisar:

{{link}}`,
  },
  outcome_advance: {
    subject: 'Siguiente paso con {{companyName}}: {{interviewTitle}}',
    text: `Hola, {{candidateName}}:

Gracias por tu entrevista en vídeo para {{interviewTitle}}. El equipo de selección de {{companyName}} ha revisado tus respuestas y quiere pasar contigo al siguiente paso.

Alguien del equipo se pondrá en contacto contigo pronto con los detalles.`,
  },
  outcome_hold: {
    subject: 'Tu candidatura en {{companyName}}: {{interviewTitle}}',
    text: `Hola, {{candidateName}}:

Gracias por tu entrevista en vídeo para {{interviewTitle}}. El equipo de selección de {{companyName}} ha revisado tus respuestas y todavía no ha tomado una decisión final.

Te escribiremos de nuevo en cuanto la tenga.`,
  },
  outcome_reject: {
    subject: 'Tu candidatura en {{companyName}}: {{interviewTitle}}',
    text: `Hola, {{candidateName}}:

Gracias por el tiempo que dedicaste a tu entrevista en vídeo para {{interviewTitle}}. El equipo de selección de {{companyName}} ha revisado tus respuestas con atención y ha decidido no seguir adelante con tu candidatura.

Te agradecemos tu interés y te deseamos mucha suerte.`,
  },
};

const builtInTemplates: Record<InterviewLanguage, Record<EmailTemplateKind, TemplateText>> = {
  en: english,
  es: spanish,
};

/** The words of the button that carries {{link}} in the HTML part. */
export const linkButtonLabels: Record<InterviewLanguage, Partial<Record<EmailTemplateKind, string>>> = {
  en: { completion_team: 'Review the answers' },
  es: { completion_team: 'Revisar las respuestas' },
};
export const defaultLinkButtonLabel: Record<InterviewLanguage, string> = {
  en: 'Open your interview',
  es: 'Abrir tu entrevista',
};

export function getBuiltInTemplate(language: InterviewLanguage, kind: EmailTemplateKind): TemplateText {
  return builtInTemplates[language][kind];
}
