import { useEffect } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageFeedback } from '../../components/PageFeedback.tsx';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { getNotice } from '../auth/redirectTarget.ts';
import { useSignedInSession } from '../auth/useSession.ts';
import { CandidatesSection } from './CandidatesSection.tsx';
import { InterviewActions } from './InterviewActions.tsx';
import { useInterview } from './interviewQueries.ts';
import { canEditInterviews } from './permissions.ts';
import { QuestionsSection } from './questions/QuestionsSection.tsx';
import { ReviewersPanel } from '../reviews/ReviewersPanel.tsx';
import { RetentionPanel } from '../privacy/RetentionPanel.tsx';
import { canManageOrganisation } from '../auth/useSession.ts';
import { SettingsSummary } from './SettingsSummary.tsx';
import { usePageFeedback } from '../../hooks/usePageFeedback.ts';

/** /interviews/:id: what the interview is, its questions, its candidates and its settings at a glance. */
export function InterviewPage() {
  const { id = '' } = useParams();
  const interview = useInterview(id);
  const headingRef = usePageHeading(interview.data?.title ?? 'Interview');
  const session = useSignedInSession();
  const canEdit = canEditInterviews(session);
  const { status, error, feedback, dismiss } = usePageFeedback();
  const location = useLocation();

  // A notice from the page before (created, saved, duplicated), announced once the live region exists.
  useEffect(() => {
    const notice = getNotice(location.state);
    if (notice) feedback.success(notice);
  }, [location.state, feedback]);

  const data = interview.data;
  const isArchived = Boolean(data?.archivedAt);
  return (
    <div className="page page--wide">
      <p className="back-link">
        <Link to="/interviews">All interviews</Link>
      </p>
      <div className="page-header interview-header">
        <h1 ref={headingRef} tabIndex={-1}>
          {data?.title ?? 'Interview'}
        </h1>
        {data ? (
          <span className={`badge ${isArchived ? 'badge--archived' : 'badge--active'}`}>
            {isArchived ? 'Archived' : 'Active'}
          </span>
        ) : null}
      </div>
      {data ? <p className="lead">{data.roleTitle || 'No role given'}</p> : null}
      <PageFeedback status={status} error={error} onDismiss={dismiss} />
      {interview.isPending ? (
        <Loading />
      ) : interview.isError ? (
        <ErrorMessage error={interview.error} />
      ) : (
        <>
          <InterviewActions interview={interview.data} canEdit={canEdit} feedback={feedback} />
          {isArchived ? (
            <p className="alert alert--info">This interview is archived. Unarchive it to change it.</p>
          ) : null}
          <div className="interview-layout">
            <div className="interview-layout__main">
              <QuestionsSection
                interview={interview.data}
                canEdit={canEdit && !isArchived}
                feedback={feedback}
              />
            </div>
            <div className="interview-layout__aside">
              <ReviewersPanel interviewId={interview.data.id} canManage={canEdit} />
              <CandidatesSection interview={interview.data} />
              <SettingsSummary interview={interview.data} canEdit={canEdit && !isArchived} />
              {canEdit ? (
                <RetentionPanel
                  interviewId={interview.data.id}
                  interviewTitle={interview.data.title}
                  canManage={canManageOrganisation(session)}
                  feedback={feedback}
                />
              ) : null}
            </div>
          </div>
        </>
      )}
    </div>
  );
}
