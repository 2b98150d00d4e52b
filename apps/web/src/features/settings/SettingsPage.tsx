import { Link } from 'react-router';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { canManageOrganisation, useSignedInSession } from '../auth/useSession.ts';
import { roleLabels } from '../roles.ts';
import { NotificationPreferences } from '../reviews/NotificationPreferences.tsx';
import { PrivacySettingsPanel } from '../privacy/PrivacySettingsPanel.tsx';
import { canEditInterviews } from '../interviews/permissions.ts';
import { QuestionDefaultsPanel } from '../interviews/questions/QuestionDefaultsPanel.tsx';
import { ApiKeysSection } from './ApiKeysSection.tsx';
import { OrganisationForm } from './OrganisationForm.tsx';
import { useOrganisation } from './useOrganisation.ts';

export function SettingsPage() {
  const headingRef = usePageHeading('Settings');
  const session = useSignedInSession();
  const organisation = useOrganisation();

  return (
    <div className="page">
      <h1 ref={headingRef} tabIndex={-1}>
        Settings
      </h1>
      <section className="panel" aria-labelledby="organisation-heading">
        <h2 id="organisation-heading">Organisation</h2>
        {organisation.isPending ? (
          <Loading />
        ) : organisation.isError ? (
          <ErrorMessage error={organisation.error} />
        ) : (
          <OrganisationForm organisation={organisation.data} canEdit={canManageOrganisation(session)} />
        )}
      </section>
      {canEditInterviews(session) ? <QuestionDefaultsPanel canEdit={canManageOrganisation(session)} /> : null}
      {canEditInterviews(session) ? (
        <section className="panel" aria-labelledby="organisation-emails-heading">
          <h2 id="organisation-emails-heading">E-mails</h2>
          <p>
            The wording of the e-mails every interview sends, in English and in Spanish, unless an interview
            has its own: <Link to="/settings/emails">Organisation e-mails</Link>.
          </p>
        </section>
      ) : null}
      {canEditInterviews(session) ? <PrivacySettingsPanel canEdit={canManageOrganisation(session)} /> : null}
      {canManageOrganisation(session) ? <ApiKeysSection /> : null}
      <NotificationPreferences />
      <section className="panel" aria-labelledby="account-heading">
        <h2 id="account-heading">Your account</h2>
        <dl className="details-list">
          <div>
            <dt>Name</dt>
            <dd>{session.user.name}</dd>
          </div>
          <div>
            <dt>E-mail</dt>
            <dd>{session.user.email}</dd>
          </div>
          <div>
            <dt>Role</dt>
            <dd>{roleLabels[session.role]}</dd>
          </div>
        </dl>
        <p>
          <Link to="/account/security">
            Change your password, and set up an authenticator app or a passkey
          </Link>
        </p>
      </section>
    </div>
  );
}
