import type { InterviewLanguage } from '@oneway/shared';
import { formatDeadline as formatDeadlineIn } from '../invitations/deadlines.ts';

export interface RequestMailContext {
  language: InterviewLanguage;
  candidateName: string;
  companyName: string;
  interviewTitle: string;
  /** The deadline now in force, ISO. */
  deadline: string;
  /** Where the deadline is shown: the candidate's zone when known. */
  timeZone: string;
  deadlinePassed: boolean;
  /** The employer's note, when they wrote one. */
  message?: string | undefined;
}

export interface RequestMail {
  subject: string;
  text: string;
}

const formatDeadline = (ctx: RequestMailContext): string =>
  formatDeadlineIn(ctx.deadline, ctx.language, ctx.timeZone);

const noteOf = (ctx: RequestMailContext, label: string): string =>
  ctx.message ? `${label}\n${ctx.message}\n\n` : '';

/** The short note a candidate gets when their request for more time is declined. */
export function buildExtensionDeclinedMail(ctx: RequestMailContext): RequestMail {
  const deadline = formatDeadline(ctx);
  if (ctx.language === 'es') {
    return {
      subject: `Tu solicitud de más tiempo: ${ctx.interviewTitle}`,
      text:
        `Hola, ${ctx.candidateName}:\n\n` +
        `${ctx.companyName} no ha podido darte más tiempo para «${ctx.interviewTitle}».\n\n` +
        noteOf(ctx, 'Mensaje de la empresa:') +
        (ctx.deadlinePassed
          ? `El plazo terminó el ${deadline}.\n`
          : `Tu plazo sigue siendo el ${deadline}. Hasta entonces puedes usar el enlace de tu invitación.\n`),
    };
  }
  return {
    subject: `Your request for more time: ${ctx.interviewTitle}`,
    text:
      `Hello ${ctx.candidateName},\n\n` +
      `${ctx.companyName} could not give you more time for "${ctx.interviewTitle}".\n\n` +
      noteOf(ctx, 'A note from the employer:') +
      (ctx.deadlinePassed
        ? `The deadline was ${deadline}.\n`
        : `Your deadline is still ${deadline}. Until then, the link in your invitation e-mail keeps working.\n`),
  };
}

/** The short note a candidate gets when their accommodation request is declined. */
export function buildAccommodationDeclinedMail(ctx: RequestMailContext): RequestMail {
  if (ctx.language === 'es') {
    return {
      subject: `Tu solicitud de adaptación: ${ctx.interviewTitle}`,
      text:
        `Hola, ${ctx.candidateName}:\n\n` +
        `${ctx.companyName} no ha aprobado la adaptación que pediste para «${ctx.interviewTitle}». ` +
        `La entrevista mantiene sus tiempos y sus tomas.\n\n` +
        noteOf(ctx, 'Mensaje de la empresa:'),
    };
  }
  return {
    subject: `Your accommodation request: ${ctx.interviewTitle}`,
    text:
      `Hello ${ctx.candidateName},\n\n` +
      `${ctx.companyName} has not approved the accommodation you asked for in "${ctx.interviewTitle}". ` +
      `The interview keeps its times and takes.\n\n` +
      noteOf(ctx, 'A note from the employer:'),
  };
}

/** The short note a candidate gets when their accommodation request is approved. */
export function buildAccommodationApprovedMail(ctx: RequestMailContext): RequestMail {
  if (ctx.language === 'es') {
    return {
      subject: `Adaptación aprobada: ${ctx.interviewTitle}`,
      text:
        `Hola, ${ctx.candidateName}:\n\n` +
        `${ctx.companyName} ha aprobado tu adaptación para «${ctx.interviewTitle}». ` +
        `Abre el enlace de tu invitación para ver los tiempos y las tomas que tienes ahora.\n`,
    };
  }
  return {
    subject: `Accommodation approved: ${ctx.interviewTitle}`,
    text:
      `Hello ${ctx.candidateName},\n\n` +
      `${ctx.companyName} has approved your accommodation for "${ctx.interviewTitle}". ` +
      `Open the link in your invitation e-mail to see the times and takes you now have.\n`,
  };
}
