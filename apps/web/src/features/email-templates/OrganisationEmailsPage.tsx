import { interviewLanguages, type InterviewLanguage } from '@oneway/shared';
import { Link, useSearchParams } from 'react-router';
import { PageFeedback } from '../../components/PageFeedback.tsx';
import { usePageFeedback } from '../../hooks/usePageFeedback.ts';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { canManageOrganisation, useSignedInSession } from '../auth/useSession.ts';
import { languageNames } from './emailTemplateText.ts';
import { EmailTemplateList } from './EmailTemplateList.tsx';
import { organisationTemplateSet } from './useEmailTemplates.ts';
import './email-templates.css';

const languageOf = (value: string | null): InterviewLanguage =>
  interviewLanguages.find((language) => language === value) ?? 'en';

/**
 * /settings/emails: the organisation's wording of each e-mail, per language. Every interview in that language
 * sends it unless the interview has its own wording for the kind. Owners and admins change it.
 */
export function OrganisationEmailsPage() {
  const [params] = useSearchParams();
  const language = languageOf(params.get('language'));
  const set = organisationTemplateSet(language);
  const headingRef = usePageHeading(`Organisation e-mails (${languageNames[language]})`);
  const { status, error, feedback, dismiss } = usePageFeedback();
  const canEdit = canManageOrganisation(useSignedInSession());

  return (
    <div className="page page--wide">
      <p className="back-link">
        <Link to="/settings">Back to Settings</Link>
      </p>
      <h1 ref={headingRef} tabIndex={-1}>
        Organisation e-mails
      </h1>
      <p className="lead">
        What candidates and your team receive from every interview in a language, unless an interview has its
        own wording for that e-mail (on the interview’s E-mails page). Preview one, or send it to yourself as
        a test, before you save it.
        {canEdit ? null : ' Only owners and admins change these.'}
      </p>
      <nav className="language-choice" aria-label="Language of the e-mails">
        {interviewLanguages.map((choice) => (
          <Link
            key={choice}
            to={`/settings/emails?language=${choice}`}
            className={`button${choice === language ? ' button--primary' : ''}`}
            aria-current={choice === language ? 'page' : undefined}
            lang={choice}
          >
            {languageNames[choice]}
          </Link>
        ))}
      </nav>
      <PageFeedback status={status} error={error} onDismiss={dismiss} />
      <EmailTemplateList set={set} resetTo="the default wording" canEdit={canEdit} feedback={feedback} />
    </div>
  );
}
