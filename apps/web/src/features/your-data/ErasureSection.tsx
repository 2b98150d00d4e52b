import type { CandidateData } from '@oneway/shared';
import { useTranslation } from 'react-i18next';
import { candidateErrorMessage } from '../candidate/candidateErrors.ts';
import { browserTimeZone, formatDateTime } from '../candidate/candidateFormat.ts';
import { useRequestErasure } from './useYourData.ts';

/** Asking for erasure, and where the request stands; the status is announced politely as it changes. */
export function ErasureSection({ data }: { data: CandidateData }) {
  const { t, i18n } = useTranslation('candidate');
  const request = useRequestErasure();
  const date = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language, browserTimeZone()) : '');
  const { erasure } = data;
  const company = data.companyName;
  const status =
    erasure.status === 'link_sent'
      ? t('yourData.linkSent', { email: data.email, date: date(erasure.linkExpiresAt) })
      : erasure.status === 'scheduled'
        ? t('yourData.scheduled', { date: date(erasure.dueAt) })
        : erasure.status === 'held'
          ? t('yourData.held', { company })
          : '';
  const canAsk = erasure.status === 'none' || erasure.status === 'link_sent';
  return (
    <section className="candidate-section" aria-labelledby="erase-heading">
      <h2 id="erase-heading">{t('yourData.eraseHeading')}</h2>
      {canAsk ? (
        <p>{t('yourData.eraseIntro', { company, email: data.email, days: data.erasureWindowDays })}</p>
      ) : null}
      <div role="status" className={status ? 'your-data__status' : undefined}>
        {status ? <p>{status}</p> : null}
      </div>
      {request.isError ? (
        <div className="alert alert--error" role="alert">
          <p>{candidateErrorMessage(t, request.error)}</p>
        </div>
      ) : null}
      {canAsk ? (
        <button
          type="button"
          className="button"
          aria-disabled={request.isPending || undefined}
          onClick={() => {
            if (!request.isPending) request.mutate();
          }}
        >
          {erasure.status === 'link_sent' ? t('yourData.linkResend') : t('yourData.eraseRequest')}
        </button>
      ) : null}
    </section>
  );
}
