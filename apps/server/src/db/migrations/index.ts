import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './0001-foundation.ts';
import * as interviews from './0002-interviews.ts';
import * as invitations from './0003-invitations.ts';
import * as invitationLinks from './0004-invitation-links.ts';
import * as apiKeys from './0005-api-keys.ts';
import * as consents from './0006-consents.ts';
import * as takes from './0007-takes.ts';
import * as candidateAnswers from './0008-candidate-answers.ts';
import * as media from './0009-media.ts';
import * as reviews from './0010-reviews.ts';
import * as interviewLogo from './0011-interview-logo.ts';
import * as promptVideos from './0012-prompt-videos.ts';
import * as takeMediaRecoveries from './0013-take-media-recoveries.ts';
import * as recordingFaults from './0014-recording-faults.ts';
import * as dataLifecycle from './0015-data-lifecycle.ts';
import * as reviewWorkflow from './0016-review-workflow.ts';
import * as signInAndInstance from './0017-sign-in-and-instance.ts';
import * as jobLeases from './0018-job-leases.ts';
import * as recentSignIn from './0019-recent-sign-in.ts';
import * as questionBankSearch from './0020-question-bank-search.ts';
import * as questionDefaults from './0021-question-defaults.ts';
import * as organisationEmailTemplates from './0022-organisation-email-templates.ts';

/** Migrations listed in code (not read from a folder) so they work the same under tsx, tests and bundles. */
const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-interviews': interviews,
  '0003-invitations': invitations,
  '0004-invitation-links': invitationLinks,
  '0005-api-keys': apiKeys,
  '0006-consents': consents,
  '0007-takes': takes,
  '0008-candidate-answers': candidateAnswers,
  '0009-media': media,
  '0010-reviews': reviews,
  '0011-interview-logo': interviewLogo,
  '0012-prompt-videos': promptVideos,
  '0013-take-media-recoveries': takeMediaRecoveries,
  '0014-recording-faults': recordingFaults,
  '0015-data-lifecycle': dataLifecycle,
  '0016-review-workflow': reviewWorkflow,
  '0017-sign-in-and-instance': signInAndInstance,
  '0018-job-leases': jobLeases,
  '0019-recent-sign-in': recentSignIn,
  '0020-question-bank-search': questionBankSearch,
  '0021-question-defaults': questionDefaults,
  '0022-organisation-email-templates': organisationEmailTemplates,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
