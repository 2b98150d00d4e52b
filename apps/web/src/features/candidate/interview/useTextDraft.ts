import { candidateAnswerSchema, type CandidateAnswer } from '@oneway/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, requestApi } from '../../../api/client.ts';
import {
  draftKeyOf,
  draftSaveStatusOf,
  pickInitialText,
  readDraft,
  removeDraft,
  writeDraft,
} from './textDraft.ts';
import { refreshRetryDelayMs, serverClock } from './timing.ts';
import { requestedWithHeaders } from '../../../api/requestedWith.ts';

/** How long a change waits before it goes to the server: a few seconds, so a reload loses little. */
const autosaveDelayMs = 2000;

/** Worth trying again: the connection or the server failed, not the answer itself. */
const isPassingFailure = (error: unknown): boolean =>
  !(error instanceof ApiError) ||
  error.code === 'network_error' ||
  error.status >= 500 ||
  error.status === 429;

/**
 * A written answer while it is typed: kept on this device at every change and sent to the server a moment after
 * typing starts (the answer the server holds is the text; no separate draft). A failed send is tried again, waiting
 * longer each time; a refusal (deadline passed, interview closed) stops the sending and is shown.
 */
export function useTextDraft(options: {
  questionId: string;
  revealedAt: string | null;
  answer: CandidateAnswer | null;
  isEnabled: boolean;
}) {
  const { questionId, revealedAt, answer, isEnabled } = options;
  const key = isEnabled && revealedAt !== null ? draftKeyOf(questionId, revealedAt) : null;
  const [text, setTextState] = useState(() =>
    pickInitialText(key === null ? null : readDraft(window.localStorage, key), answer),
  );
  const [serverText, setServerText] = useState(answer?.kind === 'text' ? answer.text : null);
  const [failures, setFailures] = useState(0);
  const [refusal, setRefusal] = useState<unknown>(null);
  // Counts answers from the server, so a change made while a send was on its way is always sent after it.
  const [sends, setSends] = useState(0);
  const latest = useRef(text);
  const chain = useRef<Promise<unknown>>(Promise.resolve());

  const setText = useCallback(
    (value: string) => {
      latest.current = value;
      setTextState(value);
      setRefusal(null);
      if (key !== null) writeDraft(window.localStorage, key, { text: value, changedAt: serverClock.now() });
    },
    [key],
  );

  /** Sends the text as it is now, after any send already on its way: an older text never lands after a newer one. */
  const send = useCallback((): Promise<unknown> => {
    const sent = latest.current;
    if (key === null || !sent.trim()) return chain.current;
    chain.current = chain.current.then(() =>
      requestApi(`/candidate/answers/${encodeURIComponent(questionId)}`, {
        method: 'PUT',
        body: { text: sent },
        headers: requestedWithHeaders,
        schema: candidateAnswerSchema,
      }).then(
        (saved) => {
          const savedText = saved.kind === 'text' ? saved.text : null;
          setServerText(savedText);
          setFailures(0);
          setSends((count) => count + 1);
          if (latest.current.trim() === savedText) removeDraft(window.localStorage, key);
        },
        (error: unknown) => {
          if (isPassingFailure(error)) setFailures((count) => count + 1);
          else setRefusal(error);
        },
      ),
    );
    return chain.current;
  }, [key, questionId]);

  // Sent a moment after the first change not on the server, then again while typing goes on: a candidate who never
  // pauses still has their text saved every few seconds.
  const hasUnsent = text.trim() !== '' && text.trim() !== serverText;
  useEffect(() => {
    if (key === null || refusal !== null || !hasUnsent) return;
    const delay = failures === 0 ? autosaveDelayMs : refreshRetryDelayMs(failures - 1);
    const timer = window.setTimeout(() => void send(), delay);
    return () => window.clearTimeout(timer);
  }, [key, hasUnsent, serverText, failures, refusal, sends, send]);

  const status = draftSaveStatusOf({ text, serverText, isFailing: failures > 0 });
  return {
    text,
    setText,
    status,
    /** A refusal from the server (shown; sending stops until the text changes). */
    refusal,
    /** Text the server does not hold yet: leaving the page asks first. */
    isUnsaved: key !== null && (status === 'saving' || status === 'retrying'),
    /**
     * Sends the text now, after any send on its way (so a final save is never overtaken by an older text), and marks
     * it saved before the page moves on: leaving then asks nothing.
     */
    sendNow: () => send().then(() => undefined),
  };
}

export type TextDraftState = ReturnType<typeof useTextDraft>;
