import { createHash } from 'node:crypto';
import type { InterviewSnapshot, PromptVideo, Question } from '@oneway/shared';
import type { InterviewSettings } from './interview-rows.ts';

/**
 * The id a snapshot keeps of a video: only a ready one, so a candidate is never given a video still processing or
 * one that failed (the employer's page says so). Left out otherwise, so snapshots without videos stay as before.
 */
const readyVideoId = (video: PromptVideo | null): string | undefined =>
  video?.status === 'ready' ? video.id : undefined;

/**
 * What a candidate sees: texts, language, branding, the practice question, the questions' rules in order, and
 * the ready intro and prompt videos.
 */
export function buildInterviewSnapshot(
  interview: InterviewSettings,
  questions: Question[],
  introVideo: PromptVideo | null,
): InterviewSnapshot {
  const introVideoId = readyVideoId(introVideo);
  return {
    title: interview.title,
    roleTitle: interview.roleTitle,
    introText: interview.introText,
    instructions: interview.instructions,
    language: interview.language,
    accentColour: interview.accentColour,
    practiceQuestion: interview.practiceQuestion,
    ...(introVideoId ? { introVideoId } : {}),
    questions: [...questions]
      .sort((a, b) => a.position - b.position)
      .map((q) => {
        const promptVideoId = readyVideoId(q.promptVideo);
        return {
          id: q.id,
          promptText: q.promptText,
          answerType: q.answerType,
          think: q.think,
          answerSeconds: q.answerSeconds,
          textMaxChars: q.textMaxChars,
          takes: q.takes,
          startMode: q.startMode,
          ...(promptVideoId ? { promptVideoId } : {}),
        };
      }),
  };
}

/** JSON with object keys sorted at every level, so equal snapshots always give equal text. */
export function toCanonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(toCanonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${toCanonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function serialiseSnapshot(snapshot: InterviewSnapshot): { json: string; hash: string } {
  const json = toCanonicalJson(snapshot);
  return { json, hash: createHash('sha256').update(json).digest('hex') };
}
