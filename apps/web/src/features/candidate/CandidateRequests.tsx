import type { CandidateLanding, CandidateRequest } from '@oneway/shared';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { AccommodationRequestForm } from './AccommodationRequestForm.tsx';
import { browserTimeZone, formatDateTime, formatDay } from './candidateFormat.ts';
import { ExtensionRequestForm } from './ExtensionRequestForm.tsx';

/**
 * "Need more time or an accommodation?": a form for each kind, or the state of the request already waiting.
 * Past the deadline only more time can help, so only that form is offered.
 */
export function CandidateRequests({ landing }: { landing: CandidateLanding }) {
  const { t, i18n } = useTranslation('candidate');
  const [status, setStatus] = useState<string | null>(null);
  const extensionHeading = useRef<HTMLHeadingElement>(null);
  const accommodationHeading = useRef<HTMLHeadingElement>(null);
  const timeZone = browserTimeZone();
  const pending = (kind: CandidateRequest['kind']) => landing.pendingRequests.find((r) => r.kind === kind);
  const pendingExtension = pending('extension');
  const pendingAccommodation = pending('accommodation');

  function handleSent(request: CandidateRequest) {
    setStatus(
      request.status === 'approved' && request.newDeadline
        ? t('requests.approved', { date: formatDateTime(request.newDeadline, i18n.language, timeZone) })
        : t('requests.sent'),
    );
    // The form is replaced by the request's state; focus stays nearby instead of falling to the page's start.
    (request.kind === 'extension' ? extensionHeading : accommodationHeading).current?.focus();
  }

  if (landing.status === 'completed') return null;
  return (
    <section className="candidate-section" aria-labelledby="requests-heading">
      <h2 id="requests-heading">{t('requests.heading')}</h2>
      <p>{t('requests.intro')}</p>
      <StatusMessage message={status} />
      <div className="candidate-requests">
        <div className="candidate-request">
          <h3 id="extension-heading" ref={extensionHeading} tabIndex={-1}>
            {t('requests.extensionHeading')}
          </h3>
          {pendingExtension ? (
            <p className="alert alert--info">
              {t('requests.pendingExtension', {
                count: pendingExtension.days ?? 0,
                date: formatDay(pendingExtension.createdAt, i18n.language, timeZone),
              })}
            </p>
          ) : (
            <ExtensionRequestForm onSent={handleSent} />
          )}
        </div>
        {landing.expired ? null : (
          <div className="candidate-request">
            <h3 id="accommodation-heading" ref={accommodationHeading} tabIndex={-1}>
              {t('requests.accommodationHeading')}
            </h3>
            <p className="candidate-hint">{t('requests.accommodationIntro')}</p>
            {pendingAccommodation ? (
              <p className="alert alert--info">
                {t('requests.pendingAccommodation', {
                  date: formatDay(pendingAccommodation.createdAt, i18n.language, timeZone),
                })}
              </p>
            ) : (
              <AccommodationRequestForm onSent={handleSent} />
            )}
          </div>
        )}
      </div>
    </section>
  );
}
