import type { ProcessingOverview } from '@oneway/shared';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageFeedback } from '../../components/PageFeedback.tsx';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { canManageOrganisation, useSignedInSession } from '../auth/useSession.ts';
import { usePageFeedback } from '../../hooks/usePageFeedback.ts';
import { ProblemList } from './ProblemList.tsx';
import { StorageProblems } from './StorageProblems.tsx';
import { useProcessingOverview } from './useProcessing.ts';
import './processing.css';

/** /processing: recordings whose processing failed or is stuck, why, and a retry for each; owners and admins. */
export function ProcessingPage() {
  const headingRef = usePageHeading('Processing');
  const session = useSignedInSession();
  const canView = canManageOrganisation(session);
  const overview = useProcessingOverview(canView);
  const { status, error, feedback, dismiss } = usePageFeedback();

  return (
    <div className="page page--wide">
      <div className="page-header">
        <h1 ref={headingRef} tabIndex={-1}>
          Processing
        </h1>
        {canView ? (
          <button
            type="button"
            className="button button--small"
            aria-disabled={overview.isFetching || undefined}
            onClick={() => void overview.refetch()}
          >
            {overview.isFetching && !overview.isPending ? 'Refreshing…' : 'Refresh'}
          </button>
        ) : null}
      </div>
      <p className="lead">
        Recorded answers are converted for playback after they are uploaded. Here are the ones that failed or
        are stuck. Their original recordings are kept, so candidates never need to record again.
      </p>
      <PageFeedback status={status} error={error} onDismiss={dismiss} />
      {!canView ? (
        <p className="alert alert--info">Only owners and admins can see processing problems.</p>
      ) : overview.isPending ? (
        <Loading />
      ) : overview.isError ? (
        <ErrorMessage error={overview.error} />
      ) : (
        <>
          <StorageProblems problems={overview.data.storageProblems} />
          <Counts overview={overview.data} />
          {overview.data.problems.length === 0 ? (
            <p className="empty processing-empty">
              All recordings are processed. Nothing has failed or is stuck.
            </p>
          ) : (
            <ProblemList overview={overview.data} feedback={feedback} />
          )}
        </>
      )}
    </div>
  );
}

function Counts({ overview }: { overview: ProcessingOverview }) {
  const { counts } = overview;
  const items = [
    { label: 'Processed', value: counts.ready },
    { label: 'Waiting', value: counts.queued },
    { label: 'Processing now', value: counts.processing },
    { label: 'Failed', value: counts.failed },
    { label: 'Stuck', value: counts.stuck },
  ];
  return (
    <dl className="processing-counts" aria-label="Recordings by state">
      {items.map((item) => (
        <div key={item.label} className="processing-counts__item">
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
