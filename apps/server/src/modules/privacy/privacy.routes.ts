import {
  candidatePrivacySchema,
  eraseCandidateSchema,
  eraseInterviewCandidatesSchema,
  erasureResultSchema,
  interviewRetentionSchema,
  placeLegalHoldSchema,
  privacySettingsSchema,
  updateInterviewRetentionSchema,
  updatePrivacySettingsSchema,
} from '@oneway/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientInfoOf, requireMember } from '../../plugins/auth.ts';
import { privacyManagerRoles, privacyReaderRoles, type PrivacyActor } from './privacy.service.ts';

const tags = ['privacy'];
const security = [{ session: [] }];
const idParams = z.object({ id: z.string().min(1).max(100) });

const actorOf = (request: FastifyRequest, roles: typeof privacyManagerRoles): PrivacyActor => {
  const auth = requireMember(request, roles);
  return {
    organisationId: auth.organisationId,
    userId: auth.userId,
    role: auth.role,
    client: clientInfoOf(request),
  };
};

/** Retention, legal holds and erasure now: owners and admins change, recruiters read. */
export const privacyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { privacy } = app.deps.services;

  app.get(
    '/organisation/privacy',
    {
      schema: {
        tags,
        security,
        summary: "The organisation's retention default and erasure window",
        response: { 200: privacySettingsSchema },
      },
    },
    async (request) => privacy.getPrivacySettings(actorOf(request, privacyReaderRoles)),
  );

  app.put(
    '/organisation/privacy',
    {
      schema: {
        tags,
        security,
        summary: 'Set the retention default and the erasure window (owners and admins)',
        body: updatePrivacySettingsSchema,
        response: { 200: privacySettingsSchema },
      },
    },
    async (request) => privacy.updatePrivacySettings(actorOf(request, privacyManagerRoles), request.body),
  );

  app.get(
    '/interviews/:id/retention',
    {
      schema: {
        tags,
        security,
        summary: "The interview's retention and what will be erased when",
        params: idParams,
        response: { 200: interviewRetentionSchema },
      },
    },
    async (request) => privacy.getInterviewRetention(actorOf(request, privacyReaderRoles), request.params.id),
  );

  app.put(
    '/interviews/:id/retention',
    {
      schema: {
        tags,
        security,
        summary: "Choose the interview's retention (owners and admins)",
        params: idParams,
        body: updateInterviewRetentionSchema,
        response: { 200: interviewRetentionSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request, privacyManagerRoles);
      await privacy.updateInterviewRetention(actor, request.params.id, request.body.choice);
      return privacy.getInterviewRetention(actor, request.params.id);
    },
  );

  app.post(
    '/interviews/:id/erase-candidates',
    {
      schema: {
        tags,
        security,
        summary:
          'Erase every candidate of the interview now, except those under a legal hold (owners and admins)',
        description:
          "The confirmation must be the interview's title. Files are deleted by a job right after.",
        params: idParams,
        body: eraseInterviewCandidatesSchema,
        response: { 200: erasureResultSchema },
      },
    },
    async (request) =>
      privacy.eraseInterviewCandidates(
        actorOf(request, privacyManagerRoles),
        request.params.id,
        request.body.confirmation,
      ),
  );

  app.get(
    '/invitations/:id/privacy',
    {
      schema: {
        tags,
        security,
        summary: "A candidate's legal hold, erasure request and retention date",
        params: idParams,
        response: { 200: candidatePrivacySchema },
      },
    },
    async (request) => privacy.getCandidatePrivacy(actorOf(request, privacyReaderRoles), request.params.id),
  );

  app.put(
    '/invitations/:id/legal-hold',
    {
      schema: {
        tags,
        security,
        summary:
          'Place a legal hold: nothing of the candidate is erased until it is lifted (owners and admins)',
        params: idParams,
        body: placeLegalHoldSchema,
        response: { 200: candidatePrivacySchema },
      },
    },
    async (request) => {
      const actor = actorOf(request, privacyManagerRoles);
      await privacy.placeLegalHold(actor, request.params.id, request.body.reason || null);
      return privacy.getCandidatePrivacy(actor, request.params.id);
    },
  );

  app.delete(
    '/invitations/:id/legal-hold',
    {
      schema: {
        tags,
        security,
        summary: 'Lift a legal hold (owners and admins)',
        params: idParams,
        response: { 200: candidatePrivacySchema },
      },
    },
    async (request) => {
      const actor = actorOf(request, privacyManagerRoles);
      await privacy.liftLegalHold(actor, request.params.id);
      return privacy.getCandidatePrivacy(actor, request.params.id);
    },
  );

  app.post(
    '/invitations/:id/erase',
    {
      schema: {
        tags,
        security,
        summary:
          'Erase a candidate now: recordings, answers, personal data, ratings and comments (owners and admins)',
        description: "The confirmation must be the candidate's e-mail address. Refused under a legal hold.",
        params: idParams,
        body: eraseCandidateSchema,
        response: { 200: erasureResultSchema },
      },
    },
    async (request) =>
      privacy.eraseCandidateNow(
        actorOf(request, privacyManagerRoles),
        request.params.id,
        request.body.confirmation,
      ),
  );
};
