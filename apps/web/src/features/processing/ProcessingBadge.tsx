import type { ProcessingProblem } from '@oneway/shared';

/** The state in words, with colour only as a second cue. */
export function ProcessingBadge({ problem }: { problem: Pick<ProcessingProblem, 'status' | 'isStuck'> }) {
  if (problem.status === 'failed') return <span className="badge badge--failed">Failed</span>;
  if (problem.isStuck) return <span className="badge badge--failed">Stuck</span>;
  return <span className="badge badge--queued">Queued again</span>;
}
