import { canPresign } from './adapters/create-media-storage.ts';
import type { Ffmpeg } from './adapters/ffmpeg.ts';
import type { Mailer } from './adapters/mailer.ts';
import type { MediaStorage } from './adapters/media-storage.ts';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { JobQueue } from './jobs/queue.ts';
import type { Clock } from './lib/time.ts';
import { createApiKeysService } from './modules/api-keys/api-keys.service.ts';
import { createAccountsService } from './modules/accounts/accounts.service.ts';
import { createAuditService } from './modules/audit/audit.service.ts';
import { createInstanceAdminService } from './modules/instance/instance-admin.service.ts';
import { createInstanceInvitationsService } from './modules/instance/instance-invitations.service.ts';
import { createSecondFactorService } from './modules/second-factor/second-factor.service.ts';
import { createSsoService } from './modules/sso/sso.service.ts';
import { createCandidateEntryServices } from './modules/candidate/candidate-entry.ts';
import { createCandidateInterviewServices } from './modules/candidate-interview/candidate-interview.entry.ts';
import { createConsentService } from './modules/consent/consent.service.ts';
import { createInvitationEventsService } from './modules/invitation-events/invitation-events.service.ts';
import { createInterviewsService } from './modules/interviews/interviews.service.ts';
import { createInvitationsService } from './modules/invitations/invitations.service.ts';
import { createHomeService } from './modules/home/home.service.ts';
import { createMailService } from './modules/mail/mail.service.ts';
import { createMediaService } from './modules/media/media.service.ts';
import { createProcessingService } from './modules/media/processing.service.ts';
import { createStorageProblemsService } from './modules/media/storage-problems.service.ts';
import { createNotificationsService } from './modules/notifications/notifications.service.ts';
import { createOutboxService } from './modules/outbox/outbox.service.ts';
import { createPlaybackService } from './modules/playback/playback.service.ts';
import { createPrivacyServices } from './modules/privacy/privacy.entry.ts';
import { createPromptVideosService } from './modules/prompt-videos/prompt-videos.service.ts';
import { createQuestionBankService } from './modules/question-bank/question-bank.service.ts';
import { createReviewsService } from './modules/reviews/reviews.service.ts';
import { createGuestFunctions } from './modules/share-links/guest.service.ts';
import { createShareLinkFunctions } from './modules/share-links/share-links.service.ts';
import { createTakeUploadsService } from './modules/takes/take-uploads.service.ts';
import { createTakesService } from './modules/takes/takes.service.ts';
import { createUploadFinisher } from './modules/takes/upload-finisher.ts';
import { createUploadStore } from './modules/takes/upload-store.ts';

export interface ServiceDeps {
  db: Db;
  config: Config;
  queue: JobQueue;
  mailer: Mailer;
  clock: Clock;
  mediaStorage: MediaStorage;
  ffmpeg: Ffmpeg;
  logger: Logger;
}

/** The one place where services are wired to their dependencies. */
export function createServices(deps: ServiceDeps) {
  const audit = createAuditService(deps);
  const invitationEvents = createInvitationEventsService(deps);
  const mail = createMailService(deps);
  const outbox = createOutboxService(deps);
  const media = createMediaService(deps);
  const storageProblems = createStorageProblemsService({ ...deps, mail });
  const processing = createProcessingService({ ...deps, audit, storageProblems });
  const secondFactor = createSecondFactorService({ ...deps, audit });
  const instanceInvitations = createInstanceInvitationsService({ ...deps, mail, audit });
  const accounts = createAccountsService({ ...deps, mail, audit, secondFactor, instanceInvitations });
  const instanceAdmin = createInstanceAdminService({ ...deps, mail, audit });
  const sso = createSsoService({ ...deps, audit, accounts });
  const apiKeys = createApiKeysService({ ...deps, audit });
  const interviews = createInterviewsService({ ...deps, audit });
  const questionBank = createQuestionBankService({ ...deps, interviews });
  const notifications = createNotificationsService({ ...deps, mail });
  const invitations = createInvitationsService({
    ...deps,
    mail,
    invitationEvents,
    interviews,
    accounts,
    teamNotices: notifications,
  });
  const { candidate, invitationRequests } = createCandidateEntryServices({
    ...deps,
    mail,
    invitationEvents,
    invitations,
    teamNotices: notifications,
  });
  const consent = createConsentService({ ...deps, candidate });
  const { candidateInterview, answers, continueCodes } = createCandidateInterviewServices({
    ...deps,
    mail,
    invitationEvents,
    invitations,
    candidate,
    consent,
  });
  // Where tus keeps uploads in progress (an adapter like media storage): the upload routes and the take state share it.
  const uploadStore = createUploadStore(deps.config);
  const takeUploads = createTakeUploadsService({ ...deps, invitationEvents, answers, media });
  const uploadFinisher = createUploadFinisher({
    ...deps,
    takeUploads,
    uploads: uploadStore,
    onStored: (take) => storageProblems.reportStorageWorks(take.organisation_id),
  });
  const reviews = createReviewsService({ ...deps, audit, outcomeMail: invitations });
  const playback = createPlaybackService({
    ...deps,
    audit,
    reviews,
    // S3: players fetch bytes from the bucket through short-lived presigned URLs, not through Node.
    redirects: canPresign(deps.mediaStorage) ? deps.mediaStorage : undefined,
  });
  const takes = createTakesService({
    ...deps,
    invitations,
    invitationEvents,
    consent,
    takeUploads,
    uploadFinisher,
    uploadStore,
    playback,
  });
  const promptVideos = createPromptVideosService({ ...deps, audit, playback });
  const shareLinks = createShareLinkFunctions({ ...deps, audit });
  const guests = createGuestFunctions({ ...deps, audit, reviews, playback });
  const { erasure, retention, privacy, yourData, uploads, storageCleanup, purgePracticeTakes } =
    createPrivacyServices({
      ...deps,
      audit,
      invitationEvents,
      mail,
    });
  const home = createHomeService({ ...deps, invitationRequests, processing });
  return {
    audit,
    invitationEvents,
    mail,
    outbox,
    accounts,
    secondFactor,
    instanceInvitations,
    instanceAdmin,
    sso,
    apiKeys,
    interviews,
    questionBank,
    invitations,
    candidate,
    invitationRequests,
    consent,
    takes,
    takeUploads,
    uploadStore,
    uploadFinisher,
    media,
    processing,
    storageProblems,
    candidateInterview,
    answers,
    continueCodes,
    notifications,
    reviews,
    playback,
    promptVideos,
    shareLinks,
    guests,
    erasure,
    retention,
    privacy,
    yourData,
    uploadLeftovers: uploads,
    storageCleanup,
    purgePracticeTakes,
    home,
  };
}

export type Services = ReturnType<typeof createServices>;
