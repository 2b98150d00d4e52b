import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageHeading } from '../../hooks/usePageHeading.ts';

// TEMPORARY placeholder: the recording flow (consent, device check, practice, questions) replaces this page.
export function CandidateConsentPage() {
  const { t } = useTranslation('candidate');
  const headingRef = usePageHeading(t('consent.title'));
  return (
    <div className="candidate-page">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('consent.title')}
      </h1>
      <p>{t('consent.placeholder')}</p>
      <p>
        <Link to="/interview">{t('consent.back')}</Link>
      </p>
    </div>
  );
}
