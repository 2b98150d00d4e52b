import { Link, useParams } from 'react-router';
import { PageFeedback } from '../../components/PageFeedback.tsx';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { useSignedInSession } from '../auth/useSession.ts';
import { interviewPath, useInterview } from '../interviews/interviewQueries.ts';
import { canEditInterviews } from '../interviews/permissions.ts';
import { usePageFeedback } from '../../hooks/usePageFeedback.ts';
import { languageNames } from './emailTemplateText.ts';
import { EmailTemplateList } from './EmailTemplateList.tsx';
import { interviewTemplateSet } from './useEmailTemplates.ts';
import './email-templates.css';

/**
 * /interviews/:id/emails: the wording of the interview's e-mails (to candidates, to the team, and the outcome
 * e-mails), with the placeholders they may use, a preview and a test send.
 */
export function EmailTemplatesPage() {
  const { id = '' } = useParams();
  const interview = useInterview(id);
  const set = interviewTemplateSet(id);
  const title = interview.data?.title;
  const headingRef = usePageHeading(title ? `E-mails: ${title}` : 'E-mails');
  const { status, error, feedback, dismiss } = usePageFeedback();
  const isArchived = Boolean(interview.data?.archivedAt);
  const canEdit = canEditInterviews(useSignedInSession()) && !isArchived;

  return (
    <div className="page page--wide">
      <p className="back-link">
        <Link to={interviewPath(id)}>{title ? `Back to ${title}` : 'Back to the interview'}</Link>
      </p>
      <h1 ref={headingRef} tabIndex={-1}>
        E-mails
      </h1>
      {interview.data ? (
        <p className="lead">
          What candidates and your team receive for “{interview.data.title}”, written in{' '}
          {languageNames[interview.data.language]}. Reword any of them for this interview; the others keep
          your organisation’s wording (<Link to="/settings/emails">set in Settings</Link>) or the default
          wording. Preview one, or send it to yourself as a test, before you save it.
        </p>
      ) : null}
      <PageFeedback status={status} error={error} onDismiss={dismiss} />
      {isArchived ? (
        <p className="alert alert--info">This interview is archived. Unarchive it to change its e-mails.</p>
      ) : null}
      <EmailTemplateList
        set={set}
        resetTo="your organisation’s wording (or the default wording)"
        canEdit={canEdit}
        feedback={feedback}
      />
    </div>
  );
}
