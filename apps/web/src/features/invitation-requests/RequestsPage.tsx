import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { PendingRequests } from './PendingRequests.tsx';

/** Every pending request of the organisation, across interviews. */
export function RequestsPage() {
  const headingRef = usePageHeading('Candidate requests');
  return (
    <div className="page">
      <h1 ref={headingRef} tabIndex={-1}>
        Candidate requests
      </h1>
      <p className="lead">
        Candidates can ask for more time or an accommodation before they start. Reviewers never see these
        requests or their reasons, only that accommodations apply.
      </p>
      <PendingRequests />
    </div>
  );
}
