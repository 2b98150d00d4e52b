import type { TakeState } from '@oneway/shared';
import { isFinalRefusal, isPassingAnswer, serverHealthOf } from '../uploadRetry.ts';
import { failTake, refusalFailure, saveTake } from './outcome.ts';
import type { ApiAnswer, StoredCopy, TakeMachine, Transition } from './state.ts';

/** How long an upload that tus reported finished may still show as 'uploading' before we stop waiting. */
export const settleTimeoutMs = 15_000;

const nothing = (state: TakeMachine): Transition => ({ state, effects: [] });

/** The server stored something else than this device recorded: the copy stays, never offered again. */
const differs = { kind: 'technical', reason: 'upload_refused', recoverable: null } as const;

/**
 * Whether what the server stored is the copy: the same size and SHA-256 as the local copy, or, when the take was
 * finished from the server's copy (the device kept less), the length declared (the device's bytes were checked
 * as its prefix before).
 */
function isSameCopy(state: TakeMachine, stored: { bytes: number | null; sha256: string | null }): boolean {
  const { serverOffset } = state.upload;
  if (stored.sha256 === null) return false;
  if (serverOffset !== null) return stored.bytes === serverOffset;
  return stored.bytes === state.local.bytes && stored.sha256 === state.local.sha256;
}

function judge(state: TakeMachine, stored: StoredCopy): Transition {
  return isSameCopy(state, stored) ? saveTake(state, stored) : failTake(state, differs);
}

function ask(state: TakeMachine, at: number): Transition {
  const { takeId, check } = state;
  if (takeId === null) return nothing(state);
  return {
    state: {
      ...state,
      check: { ...check, status: 'asking', deadlineAt: check.deadlineAt ?? at + settleTimeoutMs },
    },
    effects: [{ type: 'askTakeState', takeId }],
  };
}

/**
 * Once the recording is complete locally and the upload has ended: compare what the server holds. The answer to
 * the last PATCH names it when it reached us; otherwise (or after a refusal, which can answer a lost last response
 * although every byte was saved) the server is asked.
 */
export function conclude(state: TakeMachine, at: number): Transition {
  if (state.step !== 'finishing' || !state.local.complete || state.check.status !== 'idle') {
    return nothing(state);
  }
  const { upload } = state;
  if (upload.status === 'complete') return upload.stored ? judge(state, upload.stored) : ask(state, at);
  if (upload.status === 'refused') {
    if (upload.refusal?.code === 'take_taken_over') return failTake(state, { kind: 'taken_over' });
    return ask(state, at);
  }
  return nothing(state);
}

function waitToAsk(state: TakeMachine, ms: number, changes: Partial<TakeMachine['check']>): Transition {
  return {
    state: { ...state, check: { ...state.check, ...changes, status: 'waiting' } },
    effects: [{ type: 'setTimer', name: 'check', ms, repeat: false }],
  };
}

/** The server's answer about the take. While it cannot be reached it is asked again for as long as it takes. */
export function takeStateAnswered(state: TakeMachine, answer: ApiAnswer<TakeState>, at: number): Transition {
  if (state.check.status !== 'asking') return nothing(state);
  const { check, upload } = state;
  if (!answer.ok) {
    if (answer.status === 404) return failTake(state, differs);
    if (isPassingAnswer(answer.status, answer.code)) {
      const next = { ...state, server: serverHealthOf(answer.status, answer.code) ?? state.server };
      return waitToAsk(next, Math.min(5_000, 500 * 2 ** check.unreachable), {
        unreachable: check.unreachable + 1,
      });
    }
    // The server could not say (the session ended?): the copy stays, offered for recovery.
    return failTake(state, refusalFailure(state, upload.refusal ?? answer, !isFinalRefusal(upload.refusal)));
  }
  const taken = answer.value;
  const next = { ...state, server: 'ok' as const, check: { ...check, unreachable: 0 } };
  if (taken.status === 'uploaded') {
    if (taken.sha256 === null || taken.bytes === null) return failTake(next, differs);
    return judge(next, { sha256: taken.sha256, bytes: taken.bytes });
  }
  const stillComing = taken.status === 'open' || taken.status === 'uploading';
  if (stillComing && upload.status === 'complete' && at < (check.deadlineAt ?? 0)) {
    return waitToAsk(next, Math.min(1_000, 100 * 2 ** check.tries), { tries: check.tries + 1 });
  }
  const recoverable = stillComing && !isFinalRefusal(upload.refusal);
  return failTake(next, refusalFailure(next, upload.refusal ?? { code: null }, recoverable));
}

/** The wait between two questions to the server is over. */
export function checkTimerFired(state: TakeMachine, at: number): Transition {
  return state.check.status === 'waiting' ? ask(state, at) : nothing(state);
}
