import type { InterviewLanguage } from '@oneway/shared';

// Built in, not editable by the employer: the first carries a secret link, the others speak for the product.

export interface ErasureLinkMailContext {
  language: InterviewLanguage;
  candidateName: string;
  companyName: string;
  interviewTitle: string;
  /** <PUBLIC_URL>/your-data/erase/<token> */
  confirmUrl: string;
  hours: number;
  windowDays: number;
}

/** The candidate confirms their erasure request by following this link. */
export function buildErasureLinkMail(ctx: ErasureLinkMailContext): { subject: string; text: string } {
  if (ctx.language === 'es') {
    return {
      subject: `Confirma que quieres borrar tus datos: ${ctx.interviewTitle}`,
      text:
        `Hola, ${ctx.candidateName}:\n\n` +
        `Has pedido que ${ctx.companyName} borre todos tus datos de la entrevista «${ctx.interviewTitle}»: ` +
        `tus grabaciones, tus respuestas escritas y tus datos personales.\n\n` +
        `Para confirmarlo, abre este enlace:\n\n${ctx.confirmUrl}\n\n` +
        `El enlace funciona una sola vez durante ${ctx.hours} horas. Una vez confirmado, tus datos se borran ` +
        `en un plazo de ${ctx.windowDays} días y ya no se pueden recuperar.\n\n` +
        `Si no lo has pedido tú, ignora este mensaje: no se borrará nada.\n`,
    };
  }
  return {
    subject: `Confirm that you want your data erased: ${ctx.interviewTitle}`,
    text:
      `Hello ${ctx.candidateName},\n\n` +
      `You asked ${ctx.companyName} to erase all your data from the interview "${ctx.interviewTitle}": ` +
      `your recordings, your written answers and your personal details.\n\n` +
      `To confirm, open this link:\n\n${ctx.confirmUrl}\n\n` +
      `The link works once, for ${ctx.hours} hours. Once you confirm, your data is erased within ` +
      `${ctx.windowDays} days and cannot be recovered.\n\n` +
      `If you did not ask for this, ignore this e-mail: nothing will be erased.\n`,
  };
}

export interface TeamNoticeContext {
  candidateName: string;
  interviewTitle: string;
  /** The candidate's page for the team. */
  candidateUrl: string;
  /** Formatted date. */
  dueAt?: string;
  /** The candidate had not submitted: their interview stopped and what they uploaded was erased at once. */
  stoppedUnsubmitted?: boolean;
}

/** Told to owners and admins: a candidate confirmed an erasure request; the date, and how to stop it lawfully. */
export function buildErasureRequestedTeamMail(ctx: TeamNoticeContext): { subject: string; text: string } {
  return {
    subject: `${ctx.candidateName} asked for their data to be erased (${ctx.interviewTitle})`,
    text:
      `Hello,\n\n` +
      `${ctx.candidateName}, a candidate for "${ctx.interviewTitle}", confirmed a request to erase their data. ` +
      `Oneway will erase their recordings, answers, personal details and your team's ratings and comments ` +
      `on them by ${ctx.dueAt ?? 'the end of your erasure window'}.\n\n` +
      (ctx.stoppedUnsubmitted
        ? `They had not submitted: their interview has stopped, and what they had recorded or written was ` +
          `erased at once.\n\n`
        : '') +
      `Only if the law requires you to keep them (a legal claim, for example), an owner or admin can place a legal ` +
      `hold on the candidate's page before then:\n\n${ctx.candidateUrl}\n`,
  };
}

/** Told to owners and admins: a candidate withdrew their consent before submitting. */
export function buildConsentWithdrawnTeamMail(ctx: TeamNoticeContext): { subject: string; text: string } {
  return {
    subject: `${ctx.candidateName} withdrew their consent (${ctx.interviewTitle})`,
    text:
      `Hello,\n\n` +
      `${ctx.candidateName}, a candidate for "${ctx.interviewTitle}", withdrew their consent to being recorded ` +
      `before submitting. Their interview has stopped and everything they had recorded or written was erased.\n\n` +
      `${ctx.candidateUrl}\n`,
  };
}
