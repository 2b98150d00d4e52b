import { maxFreeTakesPerQuestion, type OpenTakeInput } from '@oneway/shared';
import type { TakesTable } from '../../db/schema/takes.ts';
import { AppError } from '../../errors.ts';

type PreviousTake = Pick<TakesTable, 'status' | 'counts_against_limit'>;

export interface TakeCost {
  /** False for a free take after a technical failure or crash. */
  countsAgainstLimit: boolean;
  /** Takes that still count after this one; null when unlimited (practice). */
  takesLeft: number | null;
}

/**
 * Whether the next take costs one. A free take needs a reason AND evidence: the previous take failed or never
 * finished (open/uploading). Claiming a failure after a good take, or past the cap of free takes, costs a take as
 * usual, so a candidate cannot buy retakes by saying their camera broke.
 */
export function decideTakeCost(options: {
  previous: PreviousTake[];
  /** question.takes + accommodations.extraTakes; null for practice. */
  limit: number | null;
  reason: OpenTakeInput['reason'];
}): TakeCost {
  const { previous, limit, reason } = options;
  if (limit === null) return { countsAgainstLimit: true, takesLeft: null };
  const counted = previous.filter((t) => t.counts_against_limit === 1).length;
  const freeSoFar = previous.length - counted;
  const last = previous.at(-1);
  const lastDidNotFinish = last !== undefined && ['failed', 'open', 'uploading'].includes(last.status);
  if (reason && lastDidNotFinish && freeSoFar < maxFreeTakesPerQuestion) {
    return { countsAgainstLimit: false, takesLeft: Math.max(0, limit - counted) };
  }
  if (counted >= limit) {
    throw new AppError('no_takes_left', {
      message: 'You have used every take for this question.',
      details: { takes: limit },
    });
  }
  return { countsAgainstLimit: true, takesLeft: limit - counted - 1 };
}
