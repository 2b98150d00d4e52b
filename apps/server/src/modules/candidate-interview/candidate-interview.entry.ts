import type { FastifyPluginAsync } from 'fastify';
import type { ServiceDeps } from '../../services.ts';
import type { CandidateService } from '../candidate/candidate.service.ts';
import type { ConsentService } from '../consent/consent.service.ts';
import type { InvitationEventsService } from '../invitation-events/invitation-events.service.ts';
import type { InvitationsService } from '../invitations/invitations.service.ts';
import type { MailService } from '../mail/mail.service.ts';
import { createAnswersService } from './answers.service.ts';
import { candidateInterviewRoutes } from './candidate-interview.routes.ts';
import { createCandidateInterviewService } from './candidate-interview.service.ts';
import { continueCodeRoutes } from './continue-code.routes.ts';
import { createContinueCodesService } from './continue-codes.service.ts';

/** The candidate's interview (view, reveals, submit), its answers and continue codes, wired together. */
export function createCandidateInterviewServices(
  deps: ServiceDeps & {
    mail: MailService;
    invitationEvents: InvitationEventsService;
    invitations: InvitationsService;
    candidate: CandidateService;
    consent: ConsentService;
  },
) {
  return {
    candidateInterview: createCandidateInterviewService(deps),
    answers: createAnswersService(deps),
    continueCodes: createContinueCodesService(deps),
  };
}

/** The candidate's interview routes and the continue-code routes, under /api/v1. */
export const candidateInterviewEntryRoutes: FastifyPluginAsync = async (app) => {
  await app.register(candidateInterviewRoutes);
  await app.register(continueCodeRoutes);
};
