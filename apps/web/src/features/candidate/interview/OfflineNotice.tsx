import { useTranslation } from 'react-i18next';
import type { TakeRecorderState } from './recorder.ts';

/** While the browser is offline: recording goes on and the upload catches up later. */
export function OfflineNotice({ online }: { online: boolean }) {
  const { t } = useTranslation('candidate');
  if (online) return null;
  return (
    <div className="alert alert--warning" role="status">
      <p>{t('interview.offline')}</p>
    </div>
  );
}

/**
 * What the engine knows that the candidate should, while recording or saving: the device has no more room for
 * its copy (an alert: keeping the page open now matters), or the server cannot store for now (calm: the answer
 * is safe here). The status region stays in the page so that a screen reader hears it when it fills.
 */
export function TakeNotices({ state }: { state: Pick<TakeRecorderState, 'server' | 'localCopy'> }) {
  const { t } = useTranslation('candidate');
  const isBusy = state.server === 'busy' && state.localCopy === 'kept';
  return (
    <>
      {state.localCopy === 'failing' ? (
        <div className="alert alert--warning" role="alert">
          <p>{t('interview.engine.localCopyFailing')}</p>
        </div>
      ) : null}
      <div role="status">
        {isBusy ? (
          <div className="alert alert--warning">
            <p>{t('interview.engine.serverBusy')}</p>
          </div>
        ) : null}
      </div>
    </>
  );
}
