// The recording engine as the question pages use it; the one place that knows where its pieces live.
export { useTakeRecorder } from '../recording/engine/useTakeRecorder.ts';
export { useRecordingElsewhere } from '../recording/engine/useRecordingElsewhere.ts';
export { discardRecoveredTake, listRecoverableTakes } from '../recording/engine/pageApi.ts';
export { uploadPercentOf } from '../recording/engine/takeProgress.ts';
export type {
  RecoverableTake,
  StartTakeOptions,
  TakeFailure,
  TakeRecorderState,
} from '../recording/engine/types.ts';
