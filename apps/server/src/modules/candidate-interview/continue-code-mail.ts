import type { InterviewLanguage } from '@oneway/shared';

/** What the continue-code e-mail says; built in, not editable by the employer (it carries a secret). */
export interface ContinueCodeMailContext {
  language: InterviewLanguage;
  candidateName: string;
  companyName: string;
  interviewTitle: string;
  code: string;
  minutes: number;
  /** <PUBLIC_URL>/continue */
  continueUrl: string;
}

/** The e-mail with the code that lets the candidate go on with their interview on another device. */
export function buildContinueCodeMail(ctx: ContinueCodeMailContext): { subject: string; text: string } {
  if (ctx.language === 'es') {
    return {
      subject: `Tu código para seguir en otro dispositivo: ${ctx.interviewTitle}`,
      text:
        `Hola, ${ctx.candidateName}:\n\n` +
        `Este es tu código para seguir con tu entrevista en vídeo para «${ctx.interviewTitle}» ` +
        `(${ctx.companyName}) en otro dispositivo:\n\n` +
        `${ctx.code}\n\n` +
        `Es válido durante ${ctx.minutes} minutos y sirve una sola vez. ` +
        `En el otro dispositivo, abre ${ctx.continueUrl} y escribe tu correo electrónico y este código.\n\n` +
        `Si no has pedido este código, puedes ignorar este mensaje.\n`,
    };
  }
  return {
    subject: `Your code to continue on another device: ${ctx.interviewTitle}`,
    text:
      `Hello ${ctx.candidateName},\n\n` +
      `Here is your code to continue your video interview for "${ctx.interviewTitle}" ` +
      `(${ctx.companyName}) on another device:\n\n` +
      `${ctx.code}\n\n` +
      `It is valid for ${ctx.minutes} minutes and works once. ` +
      `On the other device, open ${ctx.continueUrl} and enter your e-mail address and this code.\n\n` +
      `If you did not ask for this code, you can ignore this e-mail.\n`,
  };
}
