import type { CandidateAnswer } from '@oneway/shared';

/** A written answer as typed on this device: its text and when it was last changed (server clock, epoch ms). */
export interface TextDraft {
  text: string;
  changedAt: number;
}

/** The part of Web Storage drafts use, so tests can hand in a plain map. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Where a question's draft is kept. The page knows no invitation id, but the moment this invitation revealed the
 * question is its own: two invitations to one interview in the same browser never share a draft.
 */
export const draftKeyOf = (questionId: string, revealedAt: string): string =>
  `oneway:draft:${questionId}:${revealedAt}`;

export function readDraft(storage: DraftStorage, key: string): TextDraft | null {
  try {
    const value: unknown = JSON.parse(storage.getItem(key) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { text, changedAt } = value as Record<string, unknown>;
    return typeof text === 'string' && typeof changedAt === 'number' ? { text, changedAt } : null;
  } catch {
    return null;
  }
}

/** Keeps the draft; a full or blocked storage only loses the device copy (the server copy still follows). */
export function writeDraft(storage: DraftStorage, key: string, draft: TextDraft): void {
  try {
    storage.setItem(key, JSON.stringify(draft));
  } catch {
    // Nothing else to do: the status line says Saved only once the server has the text.
  }
}

export function removeDraft(storage: DraftStorage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // A draft left behind is dropped next time: the server's text is at least as new once it matches.
  }
}

/**
 * The text a written answer opens with: this device's draft when it was changed after the server's answer was saved
 * (a reload before the last save went through), otherwise the server's answer (perhaps written on another device).
 */
export function pickInitialText(draft: TextDraft | null, answer: CandidateAnswer | null): string {
  const saved = answer?.kind === 'text' ? answer : null;
  if (!draft) return saved?.text ?? '';
  if (!saved) return draft.text;
  return draft.changedAt > Date.parse(saved.savedAt) ? draft.text : saved.text;
}

/**
 * What the status line may say of a written answer: Saved only when the server holds this text (the server trims
 * what it keeps, so spaces at the ends make no difference); nothing while the box is empty (never sent).
 */
export type DraftSaveStatus = 'empty' | 'saved' | 'saving' | 'retrying';

export function draftSaveStatusOf(options: {
  text: string;
  serverText: string | null;
  isFailing: boolean;
}): DraftSaveStatus {
  if (!options.text.trim()) return 'empty';
  if (options.text.trim() === options.serverText) return 'saved';
  return options.isFailing ? 'retrying' : 'saving';
}

/** Whether this device holds a written answer the server has not got, so the question opens on its text box. */
export function hasUnsentDraft(
  storage: DraftStorage,
  question: { questionId: string; revealedAt: string | null; answer: CandidateAnswer | null },
): boolean {
  if (question.revealedAt === null) return false;
  const draft = readDraft(storage, draftKeyOf(question.questionId, question.revealedAt));
  if (!draft?.text.trim()) return false;
  const saved = question.answer?.kind === 'text' ? question.answer.text : null;
  return pickInitialText(draft, question.answer).trim() !== saved;
}
