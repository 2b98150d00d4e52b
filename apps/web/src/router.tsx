import { createBrowserRouter } from 'react-router';
import { CandidateLayout } from './features/candidate/CandidateLayout.tsx';
import { NotFoundPage } from './features/layout/NotFoundPage.tsx';
import { PublicLayout } from './features/layout/PublicLayout.tsx';
import { SharedLayout } from './features/shared-review/SharedLayout.tsx';
import { loadRecordingDocument } from './lib/recordingDocument.ts';

// Every page is its own chunk, so a candidate's phone downloads the candidate pages and not the employer's.
export const router = createBrowserRouter([
  {
    lazy: () => import('./features/layout/EmployerShell.tsx').then((m) => ({ Component: m.EmployerShell })),
    children: [
      {
        // The signed-in landing page: the day's work across interviews.
        index: true,
        lazy: () => import('./features/home/HomePage.tsx').then((m) => ({ Component: m.HomePage })),
      },
      {
        path: 'interviews',
        lazy: () =>
          import('./features/interviews/InterviewsPage.tsx').then((m) => ({ Component: m.InterviewsPage })),
      },
      {
        path: 'interviews/new',
        loader: loadRecordingDocument,
        lazy: () =>
          import('./features/interviews/InterviewEditorPage.tsx').then((m) => ({
            Component: m.InterviewEditorPage,
          })),
      },
      {
        path: 'interviews/:id',
        loader: loadRecordingDocument,
        lazy: () =>
          import('./features/interviews/InterviewPage.tsx').then((m) => ({ Component: m.InterviewPage })),
      },
      {
        path: 'interviews/:id/edit',
        loader: loadRecordingDocument,
        lazy: () =>
          import('./features/interviews/InterviewEditorPage.tsx').then((m) => ({
            Component: m.InterviewEditorPage,
          })),
      },
      {
        path: 'interviews/:id/emails',
        lazy: () =>
          import('./features/email-templates/EmailTemplatesPage.tsx').then((m) => ({
            Component: m.EmailTemplatesPage,
          })),
      },
      {
        path: 'interviews/:id/candidates',
        lazy: () =>
          import('./features/invitations/CandidatesPage.tsx').then((m) => ({ Component: m.CandidatesPage })),
      },
      {
        path: 'interviews/:id/candidates/:invitationId',
        lazy: () =>
          import('./features/invitations/CandidateDetailPage.tsx').then((m) => ({
            Component: m.CandidateDetailPage,
          })),
      },
      {
        path: 'interviews/:id/review',
        lazy: () =>
          import('./features/reviews/ReviewListPage.tsx').then((m) => ({ Component: m.ReviewListPage })),
      },
      {
        path: 'interviews/:id/review/:invitationId',
        lazy: () =>
          import('./features/reviews/CandidateReviewPage.tsx').then((m) => ({
            Component: m.CandidateReviewPage,
          })),
      },
      {
        path: 'interviews/:id/compare',
        lazy: () => import('./features/reviews/ComparePage.tsx').then((m) => ({ Component: m.ComparePage })),
      },
      {
        path: 'question-bank',
        lazy: () =>
          import('./features/question-bank/QuestionBankPage.tsx').then((m) => ({
            Component: m.QuestionBankPage,
          })),
      },
      {
        path: 'team',
        lazy: () => import('./features/team/TeamPage.tsx').then((m) => ({ Component: m.TeamPage })),
      },
      {
        path: 'outbox',
        lazy: () => import('./features/outbox/OutboxPage.tsx').then((m) => ({ Component: m.OutboxPage })),
      },
      {
        path: 'processing',
        lazy: () =>
          import('./features/processing/ProcessingPage.tsx').then((m) => ({ Component: m.ProcessingPage })),
      },
      {
        path: 'settings',
        lazy: () =>
          import('./features/settings/SettingsPage.tsx').then((m) => ({ Component: m.SettingsPage })),
      },
      {
        path: 'settings/emails',
        lazy: () =>
          import('./features/email-templates/OrganisationEmailsPage.tsx').then((m) => ({
            Component: m.OrganisationEmailsPage,
          })),
      },
      {
        path: 'account/security',
        lazy: () =>
          import('./features/account/SecurityPage.tsx').then((m) => ({ Component: m.SecurityPage })),
      },
      {
        path: 'requests',
        lazy: () =>
          import('./features/invitation-requests/RequestsPage.tsx').then((m) => ({
            Component: m.RequestsPage,
          })),
      },
    ],
  },
  {
    // Candidates: no account, no employer navigation; the e-mailed link is /i/<token>.
    element: <CandidateLayout />,
    loader: loadRecordingDocument,
    children: [
      {
        path: 'i/:token',
        lazy: () =>
          import('./features/candidate/CandidateLinkPage.tsx').then((m) => ({
            Component: m.CandidateLinkPage,
          })),
      },
      {
        path: 'interview',
        lazy: () =>
          import('./features/candidate/CandidateLandingPage.tsx').then((m) => ({
            Component: m.CandidateLandingPage,
          })),
      },
      {
        path: 'interview/consent',
        lazy: () =>
          import('./features/candidate/CandidateConsentPage.tsx').then((m) => ({
            Component: m.CandidateConsentPage,
          })),
      },
      {
        path: 'interview/device-check',
        lazy: () =>
          import('./features/candidate/device-check/DeviceCheckPage.tsx').then((m) => ({
            Component: m.CandidateDeviceCheckPage,
          })),
      },
      {
        path: 'interview/practice',
        lazy: () =>
          import('./features/candidate/interview/PracticePage.tsx').then((m) => ({
            Component: m.PracticePage,
          })),
      },
      {
        path: 'interview/questions/:position',
        lazy: () =>
          import('./features/candidate/interview/QuestionPage.tsx').then((m) => ({
            Component: m.QuestionPage,
          })),
      },
      {
        path: 'interview/review',
        lazy: () =>
          import('./features/candidate/interview/ReviewPage.tsx').then((m) => ({ Component: m.ReviewPage })),
      },
      {
        path: 'interview/done',
        lazy: () =>
          import('./features/candidate/interview/DonePage.tsx').then((m) => ({ Component: m.DonePage })),
      },
      {
        // The "Your data" link at the end of every candidate e-mail, and the page it opens.
        path: 'i/:token/your-data',
        lazy: () =>
          import('./features/your-data/YourDataLinkPage.tsx').then((m) => ({
            Component: m.YourDataLinkPage,
          })),
      },
      {
        path: 'your-data',
        lazy: () =>
          import('./features/your-data/YourDataPage.tsx').then((m) => ({ Component: m.YourDataPage })),
      },
      {
        // The e-mailed link that confirms an erasure request; it works without a session.
        path: 'your-data/erase/:token',
        lazy: () =>
          import('./features/your-data/ConfirmErasurePage.tsx').then((m) => ({
            Component: m.ConfirmErasurePage,
          })),
      },
      {
        // On another device: the e-mailed code instead of the invitation link.
        path: 'continue',
        lazy: () =>
          import('./features/candidate/interview/ContinuePage.tsx').then((m) => ({
            Component: m.ContinuePage,
          })),
      },
    ],
  },
  {
    // Share links: a guest with no account; /s/<token> posts the token and cleans the address to /s.
    element: <SharedLayout />,
    children: [
      {
        path: 's/:token',
        lazy: () =>
          import('./features/shared-review/SharedReviewPage.tsx').then((m) => ({
            Component: m.SharedReviewPage,
          })),
      },
      {
        path: 's',
        lazy: () =>
          import('./features/shared-review/SharedReviewPage.tsx').then((m) => ({
            Component: m.SharedReviewPage,
          })),
      },
    ],
  },
  {
    element: <PublicLayout />,
    children: [
      {
        path: 'signup',
        lazy: () => import('./features/auth/SignUpPage.tsx').then((m) => ({ Component: m.SignUpPage })),
      },
      {
        path: 'signup/confirm',
        lazy: () =>
          import('./features/auth/SignUpConfirmPage.tsx').then((m) => ({ Component: m.SignUpConfirmPage })),
      },
      {
        path: 'signin',
        lazy: () => import('./features/auth/SignInPage.tsx').then((m) => ({ Component: m.SignInPage })),
      },
      {
        path: 'forgot-password',
        lazy: () =>
          import('./features/auth/ForgotPasswordPage.tsx').then((m) => ({ Component: m.ForgotPasswordPage })),
      },
      {
        path: 'reset-password',
        lazy: () =>
          import('./features/auth/ResetPasswordPage.tsx').then((m) => ({ Component: m.ResetPasswordPage })),
      },
      {
        path: 'join',
        lazy: () => import('./features/join/JoinPage.tsx').then((m) => ({ Component: m.JoinPage })),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
