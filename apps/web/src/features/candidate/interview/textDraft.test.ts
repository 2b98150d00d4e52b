import { describe, expect, it } from 'vitest';
import {
  draftKeyOf,
  draftSaveStatusOf,
  hasUnsentDraft,
  pickInitialText,
  readDraft,
  removeDraft,
  writeDraft,
  type DraftStorage,
} from './textDraft.ts';

function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const savedAt = '2026-12-07T10:00:00.000Z';
const serverAnswer = { kind: 'text' as const, text: 'On the server', savedAt };

describe('text drafts', () => {
  it('keeps one draft per invitation and question, read back as written', () => {
    const storage = memoryStorage();
    const key = draftKeyOf('q1', savedAt);
    expect(key).not.toBe(draftKeyOf('q1', '2026-12-07T11:00:00.000Z'));
    writeDraft(storage, key, { text: 'Typed here', changedAt: 5 });
    expect(readDraft(storage, key)).toEqual({ text: 'Typed here', changedAt: 5 });
    removeDraft(storage, key);
    expect(readDraft(storage, key)).toBeNull();
  });

  it('ignores a damaged draft and survives a storage that refuses to write', () => {
    const storage = memoryStorage();
    storage.items.set('k', '{not json');
    expect(readDraft(storage, 'k')).toBeNull();
    storage.items.set('k', JSON.stringify({ text: 3 }));
    expect(readDraft(storage, 'k')).toBeNull();
    const full: DraftStorage = {
      ...storage,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => writeDraft(full, 'k', { text: 'x', changedAt: 1 })).not.toThrow();
  });

  it("opens with this device's draft when it is newer than the server's answer, else the server's", () => {
    const later = Date.parse(savedAt) + 1000;
    const earlier = Date.parse(savedAt) - 1000;
    expect(pickInitialText({ text: 'Typed after', changedAt: later }, serverAnswer)).toBe('Typed after');
    expect(pickInitialText({ text: 'Typed before', changedAt: earlier }, serverAnswer)).toBe('On the server');
    expect(pickInitialText({ text: 'Never sent', changedAt: earlier }, null)).toBe('Never sent');
    expect(pickInitialText(null, serverAnswer)).toBe('On the server');
    expect(pickInitialText(null, null)).toBe('');
  });

  it('says Saved only when the server holds the text (ends trimmed), and says so when sending fails', () => {
    expect(draftSaveStatusOf({ text: 'Hello ', serverText: 'Hello', isFailing: false })).toBe('saved');
    expect(draftSaveStatusOf({ text: 'Hello w', serverText: 'Hello', isFailing: false })).toBe('saving');
    expect(draftSaveStatusOf({ text: 'Hello w', serverText: 'Hello', isFailing: true })).toBe('retrying');
    expect(draftSaveStatusOf({ text: 'Hello', serverText: null, isFailing: false })).toBe('saving');
    expect(draftSaveStatusOf({ text: '  ', serverText: 'Hello', isFailing: false })).toBe('empty');
  });

  it('opens the text box again only for a draft the server has not got', () => {
    const storage = memoryStorage();
    const question = { questionId: 'q1', revealedAt: savedAt, answer: serverAnswer };
    expect(hasUnsentDraft(storage, question)).toBe(false);
    const key = draftKeyOf('q1', savedAt);
    writeDraft(storage, key, { text: 'On the server ', changedAt: Date.parse(savedAt) + 1 });
    expect(hasUnsentDraft(storage, question)).toBe(false);
    writeDraft(storage, key, { text: 'On the server, and more', changedAt: Date.parse(savedAt) + 1 });
    expect(hasUnsentDraft(storage, question)).toBe(true);
    expect(hasUnsentDraft(storage, { ...question, revealedAt: null })).toBe(false);
  });
});
