import type { TakesTable } from '../../db/schema/takes.ts';
import { AppError } from '../../errors.ts';

/** The failure_reason of a take ended because the candidate continued on another device. */
export const takenOverReason = 'taken_over';

export const isTakenOver = (take: Pick<TakesTable, 'status' | 'failure_reason'>): boolean =>
  take.status === 'abandoned' && take.failure_reason === takenOverReason;

export const takenOver = (): AppError =>
  new AppError('take_taken_over', {
    message:
      'This recording was stopped because you continued on another device. It did not use one of your takes.',
  });

/** Another session of the invitation (another device) is recording: `position` is the question's, 1-based. */
export const recordingElsewhere = (details: { questionId: string; position: number }): AppError =>
  new AppError('recording_elsewhere', {
    message: 'You are recording an answer on another device.',
    details,
  });
