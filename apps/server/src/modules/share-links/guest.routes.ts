import {
  candidateReviewSchema,
  guestViewSchema,
  myRatingsSchema,
  playbackSchema,
  putGuestOverallRatingSchema,
  putGuestQuestionRatingSchema,
  putGuestRatingsSchema,
  startGuestSessionSchema,
} from '@oneway/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientInfoOf } from '../../plugins/auth.ts';
import { assertCandidateCsrfHeader } from '../candidate/candidate-cookie.ts';
import { idParams } from '../reviews/review-routes-support.ts';
import { clearGuestCookie, readGuestCookie, setGuestCookie } from './guest-cookie.ts';

const tags = ['sharing'];
// Guests prove who they are with the link's token or their guest cookie; a member's session cookie in the same
// browser must neither help nor get in the way.
const guestConfig = (max: number) => ({ ignoreSession: true, rateLimit: { max, timeWindow: '1 minute' } });

/**
 * A share link's guest, signed out: `POST /shared/session` with the token of `/s/<token>` sets an httpOnly guest
 * cookie (SameSite=Lax); every other route here reads it. State changes need `x-requested-with: oneway`, as the
 * candidate's routes do. A revoked or expired link answers 410 and shows nothing.
 */
export const guestRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.deps;
  const { guests } = app.deps.services;

  app.addHook('onRequest', async (request) => {
    assertCandidateCsrfHeader(request);
    await Promise.resolve();
  });

  app.post(
    '/shared/session',
    {
      config: guestConfig(20),
      schema: {
        tags,
        summary: "Open a share link with its token; answers the guest's view",
        description:
          '404 share_link_invalid for an unknown token; 410 share_link_revoked or share_link_expired. Audited.',
        body: startGuestSessionSchema,
        response: { 200: guestViewSchema },
      },
    },
    async (request, reply) => {
      const started = await guests.startGuestSession({
        token: request.body.token,
        client: clientInfoOf(request),
      });
      setGuestCookie(reply, config, started);
      return started.view;
    },
  );

  app.get(
    '/shared/view',
    {
      config: guestConfig(120),
      schema: {
        tags,
        summary: "The guest's view: the interview, the candidates shared and what the link allows",
        response: { 200: guestViewSchema },
      },
    },
    async (request) =>
      guests.getGuestView(readGuestCookie(request, config), { client: clientInfoOf(request) }),
  );

  app.get(
    '/shared/invitations/:id/review',
    {
      config: guestConfig(120),
      schema: {
        tags,
        summary: 'A shared candidate, read-only (answers, own ratings; anonymised when the link says so)',
        params: idParams,
        response: { 200: candidateReviewSchema },
      },
    },
    async (request) =>
      guests.getGuestCandidateReview(readGuestCookie(request, config), {
        invitationId: request.params.id,
        client: clientInfoOf(request),
      }),
  );

  app.post(
    '/shared/takes/:id/playback',
    {
      config: guestConfig(120),
      schema: {
        tags,
        summary: "A signed address to play a shared candidate's answer",
        description: 'Valid 30 minutes at most, never past the link; refused as soon as the link is revoked.',
        params: idParams,
        response: { 200: playbackSchema },
      },
    },
    async (request) =>
      guests.issueGuestPlayback(readGuestCookie(request, config), {
        takeId: request.params.id,
        client: clientInfoOf(request),
      }),
  );

  app.put(
    '/shared/invitations/:id/ratings',
    {
      config: guestConfig(60),
      schema: {
        tags,
        summary: 'Rate a shared candidate under a name (only when the link allows ratings)',
        description: '403 forbidden when the link does not allow ratings.',
        params: idParams,
        body: putGuestRatingsSchema,
        response: { 200: myRatingsSchema },
      },
    },
    async (request) =>
      guests.putGuestRatings(readGuestCookie(request, config), {
        invitationId: request.params.id,
        input: request.body,
        client: clientInfoOf(request),
      }),
  );

  app.put(
    '/shared/invitations/:id/ratings/questions/:questionId',
    {
      config: guestConfig(120),
      schema: {
        tags,
        summary: "Set my score of one of a shared candidate's answers, under a name",
        description:
          'Saved alone as it is picked; a null score takes it back. 403 when the link does not allow ratings.',
        params: idParams.extend({ questionId: z.string().min(1).max(100) }),
        body: putGuestQuestionRatingSchema,
        response: { 200: myRatingsSchema },
      },
    },
    async (request) =>
      guests.putGuestScore(readGuestCookie(request, config), {
        invitationId: request.params.id,
        questionId: request.params.questionId,
        input: request.body,
        client: clientInfoOf(request),
      }),
  );

  app.put(
    '/shared/invitations/:id/ratings/overall',
    {
      config: guestConfig(120),
      schema: {
        tags,
        summary: 'Set my overall score of a shared candidate, under a name',
        description:
          'Saved alone as it is picked; null takes it back. 403 when the link does not allow ratings.',
        params: idParams,
        body: putGuestOverallRatingSchema,
        response: { 200: myRatingsSchema },
      },
    },
    async (request) =>
      guests.putGuestScore(readGuestCookie(request, config), {
        invitationId: request.params.id,
        questionId: null,
        input: request.body,
        client: clientInfoOf(request),
      }),
  );

  app.delete(
    '/shared/session',
    {
      config: guestConfig(30),
      schema: {
        tags,
        summary: 'Leave the shared view (ends the guest session)',
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await guests.endGuestSession(readGuestCookie(request, config));
      clearGuestCookie(reply, config);
      return reply.status(204).send();
    },
  );
};
