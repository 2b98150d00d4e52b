import type { Interview } from '@oneway/shared';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { useSignedInSession } from '../auth/useSession.ts';
import { interviewPath, useInterview } from './interviewQueries.ts';
import { canEditInterviews } from './permissions.ts';
import { InterviewSettingsForm } from './settings/InterviewSettingsForm.tsx';

/** /interviews/new and /interviews/:id/edit: the settings form, empty or filled from the interview. */
export function InterviewEditorPage() {
  const { id } = useParams();
  return id ? <EditInterview id={id} /> : <NewInterview />;
}

function NewInterview() {
  const headingRef = usePageHeading('New interview');
  const canEdit = canEditInterviews(useSignedInSession());
  const navigate = useNavigate();

  function handleSaved(interview: Interview) {
    void navigate(interviewPath(interview.id), {
      state: { notice: `Interview “${interview.title}” created. Now add its questions.` },
    });
  }

  return (
    <div className="page">
      <p className="back-link">
        <Link to="/interviews">All interviews</Link>
      </p>
      <h1 ref={headingRef} tabIndex={-1}>
        New interview
      </h1>
      {canEdit ? (
        <InterviewSettingsForm onSaved={handleSaved} />
      ) : (
        <p className="alert alert--info">Only owners, admins and recruiters can create interviews.</p>
      )}
    </div>
  );
}

function EditInterview({ id }: { id: string }) {
  const interview = useInterview(id);
  const title = interview.data ? `Settings: ${interview.data.title}` : 'Interview settings';
  const headingRef = usePageHeading(title);
  const canEdit = canEditInterviews(useSignedInSession());
  const navigate = useNavigate();

  function handleSaved(saved: Interview) {
    void navigate(interviewPath(saved.id), { state: { notice: 'Settings saved.' } });
  }

  return (
    <div className="page">
      <p className="back-link">
        <Link to={interviewPath(id)}>Back to the interview</Link>
      </p>
      <h1 ref={headingRef} tabIndex={-1}>
        {title}
      </h1>
      {interview.isPending ? (
        <Loading />
      ) : interview.isError ? (
        <ErrorMessage error={interview.error} />
      ) : !canEdit ? (
        <p className="alert alert--info">Only owners, admins and recruiters can change interviews.</p>
      ) : interview.data.archivedAt ? (
        <p className="alert alert--info">
          This interview is archived. Unarchive it before changing its settings.
        </p>
      ) : (
        <InterviewSettingsForm key={interview.data.id} interview={interview.data} onSaved={handleSaved} />
      )}
    </div>
  );
}
