import { checkTimerFired, takeStateAnswered } from './check.ts';
import {
  chunkKept,
  chunkRecorded,
  detached,
  localComplete,
  lockAnswered,
  opened,
  recorderCreated,
  recorderFailed,
  recorderStarted,
  recorderStopped,
  stopWanted,
  takeLockAnswered,
  ticked,
} from './record.ts';
import { failTake } from './outcome.ts';
import type { TakeEvent, TakeMachine, Transition } from './state.ts';
import { attemptEvent, prefixAnswered, serverFinishAnswered, wake, watchdogFired } from './upload.ts';

/** Steps after which nothing more happens to a take. */
export const isSettled = (state: TakeMachine): boolean =>
  state.step === 'saved' || state.step === 'failed' || state.step === 'unopened' || state.step === 'released';

/** The one transition function: (state, event) -> (state, effects). Pure; the driver runs the effects. */
export function transition(state: TakeMachine, event: TakeEvent): Transition {
  if (isSettled(state)) return { state, effects: [] };
  const { at } = event;
  switch (event.type) {
    case 'lock':
      return lockAnswered(state, event.granted, at);
    case 'opened':
      return opened(state, { takeId: event.takeId, takesLeft: event.takesLeft, endpoint: event.endpoint });
    case 'openRefused':
      return state.step === 'opening' ? failTake(state, event.failure) : { state, effects: [] };
    case 'openFailed':
      return state.step === 'opening'
        ? { state: { ...state, step: 'unopened', error: event.error }, effects: [{ type: 'releaseLocks' }] }
        : { state, effects: [] };
    case 'takeLock':
      return takeLockAnswered(state);
    case 'recorderCreated':
      return recorderCreated(state, event.mimeType, event.wallTime);
    case 'recorderStarted':
      return recorderStarted(state, at);
    case 'recorderStartFailed':
      return state.step === 'starting'
        ? failTake(state, { kind: 'technical', reason: 'recorder_error' })
        : { state, effects: [] };
    case 'recorderFailed':
      return recorderFailed(state, event.reason, at);
    case 'chunk':
      return chunkRecorded(state, event.chunk);
    case 'chunkKept':
      return chunkKept(state, event.written);
    case 'recorderStopped':
      return recorderStopped(state, event.wallTime);
    case 'localComplete':
      return localComplete(state, event.sha256, at);
    case 'stop':
      return stopWanted(state, at);
    case 'detach':
      return detached(state, at);
    case 'online':
      return wake({ ...state, online: true }, at);
    case 'offline':
      return { state: { ...state, online: false }, effects: [] };
    case 'timer':
      if (event.name === 'tick') return ticked(state, at);
      if (event.name === 'watchdog') return watchdogFired(state, at);
      if (event.name === 'retry') return wake(state, at);
      return checkTimerFired(state, at);
    case 'prefixAnswered':
      return prefixAnswered(state, event.answer, at);
    case 'serverFinishAnswered':
      return serverFinishAnswered(state, event.answer, at);
    case 'takeStateAnswered':
      return takeStateAnswered(state, event.answer, at);
    default:
      return attemptEvent(state, event);
  }
}
