import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/**
 * Asks before leaving while a take is starting, recording or finishing: closing or reloading the tab (the browser's
 * own question) and links inside the interview (ours). Leaving loses nothing saved — the take stays on this
 * device — but it stops a recording, which should never come as a surprise.
 */
export function useLeaveGuard(isBusy: boolean): void {
  const { t } = useTranslation('candidate');

  useEffect(() => {
    if (!isBusy) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isBusy]);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => isBusy && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(t('interview.live.leave'))) blocker.proceed();
    else blocker.reset();
  }, [blocker, t]);
}
