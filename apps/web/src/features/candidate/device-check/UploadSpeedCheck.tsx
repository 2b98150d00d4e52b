import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enoughMbitPerSecond, measureUploadSpeed } from './speedTest.ts';

type SpeedState = { kind: 'measuring' } | { kind: 'done'; mbit: number } | { kind: 'failed' };

const formatMbit = (mbit: number) => (mbit < 10 ? mbit.toFixed(1) : String(Math.round(mbit)));

/** Times a 1 MB upload once when the page opens, and again on request. */
export function UploadSpeedCheck({ onStatus }: { onStatus: (message: string) => void }) {
  const { t } = useTranslation('candidate');
  const [state, setState] = useState<SpeedState>({ kind: 'measuring' });
  const [run, setRun] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'measuring' });
    measureUploadSpeed(controller.signal).then(
      (mbit) => {
        setState({ kind: 'done', mbit });
        const speed = t('deviceCheck.speed.result', { speed: formatMbit(mbit) });
        const verdict =
          mbit >= enoughMbitPerSecond ? t('deviceCheck.speed.enough') : t('deviceCheck.speed.notEnough');
        onStatus(`${speed} ${verdict}`);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof DOMException && error.name === 'AbortError') return;
        setState({ kind: 'failed' });
      },
    );
    return () => controller.abort();
  }, [run, t, onStatus]);

  return (
    <section className="candidate-section" aria-labelledby="speed-heading">
      <h2 id="speed-heading">{t('deviceCheck.speed.heading')}</h2>
      {state.kind === 'measuring' ? <p>{t('deviceCheck.speed.measuring')}</p> : null}
      {state.kind === 'done' ? (
        <>
          <p data-testid="upload-speed">{t('deviceCheck.speed.result', { speed: formatMbit(state.mbit) })}</p>
          <p className={state.mbit >= enoughMbitPerSecond ? undefined : 'alert alert--warning'}>
            {state.mbit >= enoughMbitPerSecond
              ? t('deviceCheck.speed.enough')
              : t('deviceCheck.speed.notEnough')}
          </p>
        </>
      ) : null}
      {state.kind === 'failed' ? (
        <div className="alert alert--error" role="alert">
          <p>{t('deviceCheck.speed.failed')}</p>
        </div>
      ) : null}
      {state.kind === 'measuring' ? null : (
        <p>
          <button type="button" className="button" onClick={() => setRun((n) => n + 1)}>
            {t('deviceCheck.speed.again')}
          </button>
        </p>
      )}
    </section>
  );
}
