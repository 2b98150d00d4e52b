import type { CandidateLanding } from '@oneway/shared';
import { useTranslation } from 'react-i18next';
import { browserTimeZone, formatDateTime } from './candidateFormat.ts';

/** The deadline on the candidate's own clock, and on the employer's when the interview fixes one. */
export function LandingDeadline({ landing }: { landing: CandidateLanding }) {
  const { t, i18n } = useTranslation('candidate');
  const timeZone = browserTimeZone();
  const date = formatDateTime(landing.deadline, i18n.language, timeZone);
  const employerZone =
    landing.deadlineTimeZone && landing.deadlineTimeZone !== timeZone ? landing.deadlineTimeZone : null;
  return (
    <section className="candidate-section" aria-labelledby="deadline-heading">
      <h2 id="deadline-heading">{t('landing.deadlineHeading')}</h2>
      {landing.status === 'completed' ? (
        <p>{t('landing.completed')}</p>
      ) : landing.expired ? (
        <p className="alert alert--warning">{t('landing.expired', { date })}</p>
      ) : (
        <>
          <p className="candidate-deadline">{t('landing.deadline', { date })}</p>
          <p className="candidate-hint">{t('landing.yourTimeZone', { timeZone })}</p>
          {employerZone ? (
            <p className="candidate-hint">
              {t('landing.employerTimeZone', {
                date: formatDateTime(landing.deadline, i18n.language, employerZone),
                timeZone: employerZone,
              })}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
