import { createBrowserRouter, Navigate } from 'react-router';
import { ForgotPasswordPage } from './features/auth/ForgotPasswordPage.tsx';
import { RequireSession } from './features/auth/RequireSession.tsx';
import { ResetPasswordPage } from './features/auth/ResetPasswordPage.tsx';
import { SignInPage } from './features/auth/SignInPage.tsx';
import { SignUpPage } from './features/auth/SignUpPage.tsx';
import { InterviewEditorPage } from './features/interviews/InterviewEditorPage.tsx';
import { InterviewPage } from './features/interviews/InterviewPage.tsx';
import { InterviewsPage } from './features/interviews/InterviewsPage.tsx';
import { JoinPage } from './features/join/JoinPage.tsx';
import { CandidateConsentPage } from './features/candidate/CandidateConsentPage.tsx';
import { CandidateLandingPage } from './features/candidate/CandidateLandingPage.tsx';
import { CandidateLayout } from './features/candidate/CandidateLayout.tsx';
import { CandidateLinkPage } from './features/candidate/CandidateLinkPage.tsx';
import { EmailTemplatesPage } from './features/email-templates/EmailTemplatesPage.tsx';
import { RequestsPage } from './features/invitation-requests/RequestsPage.tsx';
import { CandidateDetailPage } from './features/invitations/CandidateDetailPage.tsx';
import { CandidatesPage } from './features/invitations/CandidatesPage.tsx';
import { AppLayout } from './features/layout/AppLayout.tsx';
import { NotFoundPage } from './features/layout/NotFoundPage.tsx';
import { PublicLayout } from './features/layout/PublicLayout.tsx';
import { QuestionBankPage } from './features/question-bank/QuestionBankPage.tsx';
import { OutboxPage } from './features/outbox/OutboxPage.tsx';
import { SettingsPage } from './features/settings/SettingsPage.tsx';
import { TeamPage } from './features/team/TeamPage.tsx';

export const router = createBrowserRouter([
  {
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <Navigate to="/interviews" replace /> },
      { path: 'interviews', element: <InterviewsPage /> },
      { path: 'interviews/new', element: <InterviewEditorPage /> },
      { path: 'interviews/:id', element: <InterviewPage /> },
      { path: 'interviews/:id/edit', element: <InterviewEditorPage /> },
      { path: 'interviews/:id/emails', element: <EmailTemplatesPage /> },
      { path: 'interviews/:id/candidates', element: <CandidatesPage /> },
      { path: 'interviews/:id/candidates/:invitationId', element: <CandidateDetailPage /> },
      { path: 'question-bank', element: <QuestionBankPage /> },
      { path: 'team', element: <TeamPage /> },
      { path: 'outbox', element: <OutboxPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: 'requests', element: <RequestsPage /> },
    ],
  },
  {
    // Candidates: no account, no employer navigation; the e-mailed link is /i/<token>.
    element: <CandidateLayout />,
    children: [
      { path: 'i/:token', element: <CandidateLinkPage /> },
      { path: 'interview', element: <CandidateLandingPage /> },
      { path: 'interview/consent', element: <CandidateConsentPage /> },
    ],
  },
  {
    element: <PublicLayout />,
    children: [
      { path: 'signup', element: <SignUpPage /> },
      { path: 'signin', element: <SignInPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      { path: 'join', element: <JoinPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
