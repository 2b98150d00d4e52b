import type { FastifyPluginAsync } from 'fastify';
import type { ServiceDeps } from '../../services.ts';
import type { InvitationEventsService } from '../invitation-events/invitation-events.service.ts';
import type { InvitationLifecycle } from '../invitation-requests/invitation-lifecycle.ts';
import { createInvitationRequestsService } from '../invitation-requests/invitation-requests.service.ts';
import { invitationRequestsRoutes } from '../invitation-requests/invitation-requests.routes.ts';
import type { MailService } from '../mail/mail.service.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import { candidateRoutes } from './candidate.routes.ts';
import { createCandidateService } from './candidate.service.ts';

/** The candidate entry (link, landing, requests) and the employer's decisions on requests, wired together. */
export function createCandidateEntryServices(
  deps: ServiceDeps & {
    mail: MailService;
    invitationEvents: InvitationEventsService;
    invitations: InvitationLifecycle;
    teamNotices: Pick<NotificationsService, 'listRequestNoticeRecipients'>;
  },
) {
  const invitationRequests = createInvitationRequestsService(deps);
  const candidate = createCandidateService({ ...deps, invitationRequests });
  return { candidate, invitationRequests };
}

/** The candidate routes and the employer's request routes, under /api/v1. */
export const candidateEntryRoutes: FastifyPluginAsync = async (app) => {
  await app.register(candidateRoutes);
  await app.register(invitationRequestsRoutes);
};
