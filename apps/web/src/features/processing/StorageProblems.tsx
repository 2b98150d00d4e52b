import type { StorageProblem } from '@oneway/shared';
import { formatDateTime } from '../../lib/formatDate.ts';

const titles: Record<StorageProblem['kind'], string> = {
  disk_full: 'Disk full',
  quota: 'Disk quota used up',
  read_only: 'Media folder read-only',
  io_error: 'Disk errors',
  permission: 'No permission to write media',
  s3_unavailable: 'S3 storage not answering',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Storage failures candidates' uploads ran into: going on, or over within the last week. */
export function StorageProblems({ problems }: { problems: StorageProblem[] }) {
  if (problems.length === 0) return null;
  const ongoing = problems.some((p) => p.resolvedAt === null);
  return (
    <section className="storage-problems" aria-labelledby="storage-problems-heading">
      <h2 id="storage-problems-heading">Storage problems</h2>
      {ongoing ? (
        <p className="alert alert--error" role="alert">
          The server cannot save candidates’ recordings right now. What it already holds is kept, and uploads
          continue where they stopped once the storage works again.
        </p>
      ) : null}
      <ul className="item-list processing-list" aria-label="Storage problems">
        {problems.map((problem) => (
          <li key={problem.id} className="item processing-item">
            <div className="item__main">
              <p className="item__title">
                {titles[problem.kind]}{' '}
                <span className={`badge ${problem.resolvedAt === null ? 'badge--failed' : 'badge--sent'}`}>
                  {problem.resolvedAt === null ? 'Going on' : 'Over'}
                </span>
              </p>
              <p className="item__meta">
                <span>
                  Since <time dateTime={problem.startedAt}>{formatDateTime(problem.startedAt)}</time>
                </span>
                <span>
                  Last failure{' '}
                  <time dateTime={problem.lastFailedAt}>{formatDateTime(problem.lastFailedAt)}</time>
                </span>
                <span>{plural(problem.failedRequests, 'failed request', 'failed requests')}</span>
                {problem.resolvedAt ? (
                  <span>
                    Working again since{' '}
                    <time dateTime={problem.resolvedAt}>{formatDateTime(problem.resolvedAt)}</time>
                  </span>
                ) : null}
              </p>
              <p className="processing-item__reason">{problem.reason}</p>
              <details className="processing-item__detail">
                <summary>Technical detail</summary>
                <code className="break-anywhere">{problem.detail}</code>
              </details>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
