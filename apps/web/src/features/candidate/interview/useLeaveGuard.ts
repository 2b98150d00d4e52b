import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/**
 * Asks before leaving while a take is starting, recording or finishing, or while a written answer is not on the
 * server yet: closing or reloading the tab (the browser's own question) and links inside the interview (ours).
 * Leaving loses nothing saved — the take or text stays on this device — but it stops a recording or a save, which
 * should never come as a surprise.
 */
export function useLeaveGuard(reason: 'take' | 'draft' | null): void {
  const { t } = useTranslation('candidate');
  const isBusy = reason !== null;

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
    const question = reason === 'draft' ? t('interview.text.leave') : t('interview.live.leave');
    if (window.confirm(question)) blocker.proceed();
    else blocker.reset();
  }, [blocker, t, reason]);
}
