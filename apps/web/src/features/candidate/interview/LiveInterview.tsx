import { createContext, useContext, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

interface LiveInterview {
  /** The last refresh of the interview failed for a reason that may pass; it is being asked again. */
  isRefreshFailing: boolean;
  /** A question page tells the gate whether its take is starting, recording or finishing. */
  reportTakeBusy: (isBusy: boolean) => void;
}

/** What InterviewGate shares with the page inside it. */
export const LiveInterviewContext = createContext<LiveInterview>({
  isRefreshFailing: false,
  reportTakeBusy: () => undefined,
});

/** Tells the gate while this page's take is busy, so nothing a refresh brings unmounts it. */
export function useReportTakeBusy(isBusy: boolean): void {
  const { reportTakeBusy } = useContext(LiveInterviewContext);
  useEffect(() => {
    reportTakeBusy(isBusy);
    return () => reportTakeBusy(false);
  }, [isBusy, reportTakeBusy]);
}

/**
 * A failed refresh, said beside the page instead of replacing it (a polite status: the recording goes on). The live
 * region is always there, so the sentence is announced when it appears.
 */
export function LiveRefreshNotice({ isTakeBusy }: { isTakeBusy: boolean }) {
  const { t } = useTranslation('candidate');
  const { isRefreshFailing } = useContext(LiveInterviewContext);
  return (
    <div role="status">
      {isRefreshFailing ? (
        <div className="alert alert--warning">
          <p>{isTakeBusy ? t('interview.live.refreshFailed') : t('interview.live.unreachable')}</p>
        </div>
      ) : null}
    </div>
  );
}
