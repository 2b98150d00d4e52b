import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { candidateErrorMessage } from '../candidate/candidateErrors.ts';
import { browserTimeZone, formatDateTime } from '../candidate/candidateFormat.ts';
import { useConfirmErasure } from './useYourData.ts';

const detailOf = (error: unknown, key: 'dueAt' | 'erasedAt'): string | null => {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null)
    return null;
  const value = (error.details as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : null;
};

/**
 * /your-data/erase/<token> — the link e-mailed to confirm an erasure request. Opening it confirms nothing (mail
 * scanners follow links); the candidate presses the button, which works in any browser, signed in or not.
 */
export function ConfirmErasurePage() {
  const { t, i18n } = useTranslation('candidate');
  const { token = '' } = useParams();
  const confirm = useConfirmErasure();
  const date = (iso: string) => formatDateTime(iso, i18n.language, browserTimeZone());
  const title = confirm.isSuccess ? t('yourData.confirmedTitle') : t('yourData.confirmTitle');
  const headingRef = usePageHeading(title);

  const errorText = (() => {
    const error = confirm.error;
    if (!(error instanceof ApiError)) return error ? candidateErrorMessage(t, error) : null;
    if (error.code === 'erasure_link_expired') return t('yourData.linkExpired');
    if (error.code === 'erasure_link_invalid' || error.code === 'validation_failed')
      return t('yourData.linkInvalid');
    if (error.code === 'erasure_link_used') {
      const dueAt = detailOf(error, 'dueAt');
      return dueAt ? t('yourData.linkUsed', { date: date(dueAt) }) : t('yourData.linkUsedErased');
    }
    return candidateErrorMessage(t, error);
  })();

  return (
    <div className="candidate-page your-data">
      <h1 ref={headingRef} tabIndex={-1}>
        {title}
      </h1>
      <div role="status">
        {confirm.isSuccess ? (
          <p className="candidate-calm">
            {confirm.data.held
              ? t('yourData.confirmedHeld')
              : t('yourData.confirmed', { date: date(confirm.data.dueAt) })}
          </p>
        ) : null}
      </div>
      {errorText ? (
        <div className="alert alert--error" role="alert">
          <p>{errorText}</p>
        </div>
      ) : null}
      {confirm.isSuccess || errorText ? null : (
        <>
          <p>{t('yourData.confirmIntro')}</p>
          <button
            type="button"
            className="button button--danger"
            aria-disabled={confirm.isPending || undefined}
            onClick={() => {
              if (!confirm.isPending) confirm.mutate(token);
            }}
          >
            {t('yourData.confirmButton')}
          </button>
        </>
      )}
    </div>
  );
}
