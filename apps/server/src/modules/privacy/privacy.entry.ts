import type { FastifyPluginAsync } from 'fastify';
import type { ServiceDeps } from '../../services.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { InvitationEventsService } from '../invitation-events/invitation-events.service.ts';
import type { MailService } from '../mail/mail.service.ts';
import { createErasureService } from './erasure.service.ts';
import { purgePracticeTakes as purgePracticeTakesOf } from './practice-purge.ts';
import { privacyRoutes } from './privacy.routes.ts';
import { createPrivacyService } from './privacy.service.ts';
import { createRetentionService } from './retention.service.ts';
import { createStorageCleanup } from './storage-cleanup.ts';
import { createUploadLeftovers } from './upload-leftovers.ts';
import { yourDataRoutes } from './your-data.routes.ts';
import { createYourDataService } from './your-data.service.ts';

/** The data lifecycle: erasure, retention, the employer's controls and the candidate's "Your data". */
export function createPrivacyServices(
  deps: ServiceDeps & { audit: AuditService; invitationEvents: InvitationEventsService; mail: MailService },
) {
  const uploads = createUploadLeftovers({ mediaDir: deps.config.mediaDir, storage: deps.mediaStorage });
  const erasure = createErasureService({ ...deps, uploads });
  const retention = createRetentionService({ ...deps, erasure });
  const privacy = createPrivacyService({ ...deps, erasure });
  const yourData = createYourDataService({ ...deps, erasure });
  const storageCleanup = createStorageCleanup({ ...deps, mediaDir: deps.config.mediaDir, uploads });
  const purgePracticeTakes = () => purgePracticeTakesOf({ ...deps, uploads });
  return { erasure, retention, privacy, yourData, uploads, storageCleanup, purgePracticeTakes };
}

/** The employer's and the candidate's routes, under /api/v1. */
export const privacyEntryRoutes: FastifyPluginAsync = async (app) => {
  await app.register(privacyRoutes);
  await app.register(yourDataRoutes);
};
