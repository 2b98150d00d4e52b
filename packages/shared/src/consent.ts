import * as z from 'zod/mini';
import type { AnswerType } from './interview-questions.ts';
import { interviewLanguageSchema, type InterviewLanguage } from './question-rules.ts';

// zod/mini: the candidate's pages import these shapes, and the candidate route's JavaScript is kept small.

/** The version of the consent notice's wording; bump it whenever the template below changes. */
export const consentNoticeVersion = '2026-12-v2';

/**
 * The notice in the language the candidate pages show (they may read it in another language than the interview's);
 * without one, the interview's language.
 */
export const consentNoticeQuerySchema = z.object({ language: z.optional(interviewLanguageSchema) });
export type ConsentNoticeQuery = z.infer<typeof consentNoticeQuerySchema>;

/**
 * What the consent page shows: the exact text in `language`, its SHA-256 (hex), and when this candidate last agreed
 * to this notice (in any language).
 */
export const consentNoticeSchema = z.object({
  version: z.string(),
  language: interviewLanguageSchema,
  text: z.string(),
  hash: z.string(),
  consentedAt: z.nullable(z.string()),
});
export type ConsentNotice = z.infer<typeof consentNoticeSchema>;

/**
 * The candidate agrees to the notice they were shown, named by its version, language (without one, the interview's)
 * and hash.
 */
export const submitConsentSchema = z.strictObject({
  language: z.optional(interviewLanguageSchema),
  noticeVersion: z.string().check(z.minLength(1), z.maxLength(50)),
  noticeHash: z
    .string()
    .check(
      z.regex(/^[0-9a-f]{64}$/, { error: 'Send the hash of the notice as 64 lower-case hex characters' }),
    ),
});
export type SubmitConsentInput = z.infer<typeof submitConsentSchema>;

export const consentRecordSchema = z.object({ consentedAt: z.string() });
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

/** The device check uploads about this much to time the candidate's uplink; the server refuses more than the cap. */
export const speedTestUploadBytes = 1_000_000;
export const speedTestMaxBytes = 2 * 1024 * 1024;

export const speedTestResultSchema = z.object({ bytes: z.int() });

/** What the notice is built from: the invitation's interview as the candidate gets it. */
export interface ConsentNoticeFacts {
  /** The language the candidate reads the notice in: the interview's, or the one they chose for the pages. */
  language: InterviewLanguage;
  companyName: string;
  roleTitle: string;
  interviewTitle: string;
  /** The answer types after accommodations (see applyAnswerFormat). */
  answerTypes: AnswerType[];
  /** Days kept after a decision or the interview's close (docs/decisions.md); null: kept until erased. */
  retentionDays: number | null;
  contactEmail: string | null;
}

function recordedWith(facts: ConsentNoticeFacts): string {
  const es = facts.language === 'es';
  const types = new Set(facts.answerTypes);
  const parts: string[] = [];
  if (types.has('video'))
    parts.push(es ? 'en vídeo, con tu cámara y tu micrófono' : 'on video, with your camera and microphone');
  if (types.has('audio'))
    parts.push(es ? 'en audio, solo con tu micrófono' : 'as audio, with your microphone only');
  if (types.has('text')) parts.push(es ? 'por escrito' : 'in writing');
  if (parts.length === 0) parts.push(es ? 'como indique cada pregunta' : 'as each question says');
  return parts.join('; ');
}

/**
 * The consent notice in `facts.language`. The server hashes exactly this text, so a change here changes
 * the hash; bump consentNoticeVersion with it.
 */
export function buildConsentNoticeText(facts: ConsentNoticeFacts): string {
  const company = facts.companyName;
  const role = facts.roleTitle || facts.interviewTitle;
  const how = recordedWith(facts);
  if (facts.language === 'es') {
    const retention =
      facts.retentionDays === null
        ? `${company} conserva tus respuestas según su política de conservación de datos y después las borra.`
        : `${company} conserva tus respuestas hasta ${facts.retentionDays} días después de decidir sobre tu candidatura o de cerrar la entrevista, y después las borra.`;
    const contact = facts.contactEmail ? ` Escribe a ${facts.contactEmail}.` : '';
    return [
      `Grabación: ${company} te invita a una entrevista en diferido para «${role}». Tus respuestas se graban ${how}, solo mientras respondes a una pregunta. Las respuestas de práctica no se guardan para la empresa.`,
      `Quién las ve: solo las personas de ${company} que participan en esta contratación. Oneway guarda las respuestas para ${company} y no las comparte con nadie más.`,
      `Sin puntuación automática: las personas de ${company} ven tus respuestas. Ningún programa te puntúa, clasifica ni descarta, y nada analiza tu cara, tu voz ni tus emociones.`,
      `Conservación: ${retention} Puedes pedir a ${company} una copia de tus datos o que los borre.${contact}`,
    ].join('\n\n');
  }
  const retention =
    facts.retentionDays === null
      ? `${company} keeps your answers under its data retention policy, then deletes them.`
      : `${company} keeps your answers until ${facts.retentionDays} days after it decides on your application or the interview closes, then deletes them.`;
  const contact = facts.contactEmail ? ` Write to ${facts.contactEmail}.` : '';
  return [
    `Recording: ${company} invites you to a one-way interview for "${role}". Your answers are recorded ${how}, only while you answer a question. Practice answers are not kept for the employer.`,
    `Who sees them: only the people at ${company} involved in this hiring. Oneway stores your answers for ${company} and shares them with no one else.`,
    `No automated scoring: people at ${company} watch your answers. No software scores, ranks or rejects you, and nothing analyses your face, voice or emotions.`,
    `Retention: ${retention} You can ask ${company} for a copy of your data or to delete it.${contact}`,
  ].join('\n\n');
}
