import { decisionMakerRoles, expiringSoonHours, type Home, type Role } from '@oneway/shared';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../lib/time.ts';
import type { InvitationRequestsService } from '../invitation-requests/invitation-requests.service.ts';
import type { ProcessingService } from '../media/processing.service.ts';
import { candidateNumberOf, hasRated } from '../reviews/review-candidates.ts';
import { candidateLabel, raterKeyOf, type MemberViewer } from '../reviews/review-viewer.ts';
import {
  listCompletedAnswers,
  listErasedInvitationTimesOf,
  listInvitationsOf,
  listRaterScores,
  listReviewableInterviews,
} from './home.repository.ts';

const listLimit = 20;
const openStatuses = ['invited', 'opened', 'started'] as const;
type OpenStatus = (typeof openStatuses)[number];
const isOpen = (status: string): status is OpenStatus => (openStatuses as readonly string[]).includes(status);

/** The day's work for one member, across the interviews they may see. */
export function createHomeService(deps: {
  db: Db;
  clock: Clock;
  invitationRequests: Pick<InvitationRequestsService, 'countPendingRequests'>;
  processing: Pick<ProcessingService, 'getProcessingOverview'>;
}) {
  const { db, clock } = deps;
  return {
    /** What waits for the member today; see homeSchema for who sees which part. */
    async getHome(viewer: MemberViewer): Promise<Home> {
      const decides = (decisionMakerRoles as readonly Role[]).includes(viewer.role);
      const interviews = await listReviewableInterviews(db, {
        organisationId: viewer.organisationId,
        assignedToUserId: viewer.role === 'reviewer' ? viewer.userId : null,
      });
      const ids = interviews.map((i) => i.id);
      const [invitations, answers, mine, erasures] = await Promise.all([
        listInvitationsOf(db, ids),
        listCompletedAnswers(db, ids),
        listRaterScores(db, { interviewIds: ids, raterKey: raterKeyOf(viewer) }),
        listErasedInvitationTimesOf(db, ids),
      ]);
      const byId = new Map(interviews.map((i) => [i.id, i]));
      const numbers = new Map<string, number>();
      const counters = new Map<string, number>();
      for (const inv of invitations) {
        const index = counters.get(inv.interview_id) ?? 0;
        counters.set(inv.interview_id, index + 1);
        const erased = erasures.filter((e) => e.interview_id === inv.interview_id).map((e) => e.invited_at);
        numbers.set(inv.id, candidateNumberOf(index, inv.created_at, erased));
      }
      const nameOf = (inv: (typeof invitations)[number]) =>
        viewer.role === 'reviewer' && byId.get(inv.interview_id)?.anonymised_review === 1
          ? candidateLabel(numbers.get(inv.id) ?? 0)
          : inv.candidate_name;

      // Rated means what lifts the blind on the team's view: an overall score, or a score for every answer.
      const waiting = invitations
        .filter((inv) => inv.status === 'completed' && inv.completed_at !== null)
        .filter((inv) => {
          const answered = answers.filter((a) => a.invitation_id === inv.id).map((a) => a.question_id);
          return !hasRated(
            mine.find((m) => m.invitationId === inv.id),
            answered,
          );
        })
        .sort((a, b) => (a.completed_at ?? '').localeCompare(b.completed_at ?? ''));
      const perInterview = interviews
        .map((i) => ({
          interviewId: i.id,
          title: i.title,
          toReview: waiting.filter((inv) => inv.interview_id === i.id).length,
        }))
        .filter((i) => i.toReview > 0)
        .sort((a, b) => b.toReview - a.toReview || a.title.localeCompare(b.title));

      const now = clock.now().getTime();
      const soonUntil = now + expiringSoonHours * 3_600_000;
      const expiring = invitations
        .filter((inv) => isOpen(inv.status))
        .filter((inv) => Date.parse(inv.deadline_at) > now && Date.parse(inv.deadline_at) <= soonUntil)
        .sort((a, b) => a.deadline_at.localeCompare(b.deadline_at));
      const canSeeProcessing = viewer.role === 'owner' || viewer.role === 'admin';
      const overview = canSeeProcessing
        ? await deps.processing.getProcessingOverview({ organisationId: viewer.organisationId, limit: 0 })
        : null;

      return {
        toReview: {
          total: waiting.length,
          interviews: perInterview,
          candidates: waiting.slice(0, listLimit).map((inv) => ({
            invitationId: inv.id,
            interviewId: inv.interview_id,
            interviewTitle: byId.get(inv.interview_id)?.title ?? '',
            name: nameOf(inv),
            completedAt: inv.completed_at ?? '',
          })),
        },
        requests: decides ? { pending: await deps.invitationRequests.countPendingRequests(viewer) } : null,
        expiringSoon: decides
          ? {
              total: expiring.length,
              invitations: expiring.slice(0, listLimit).map((inv) => ({
                invitationId: inv.id,
                interviewId: inv.interview_id,
                interviewTitle: byId.get(inv.interview_id)?.title ?? '',
                name: inv.candidate_name,
                status: inv.status as OpenStatus,
                deadline: inv.deadline_at,
              })),
            }
          : null,
        processing: overview ? { failed: overview.counts.failed, stuck: overview.counts.stuck } : null,
      };
    },
  };
}

export type HomeService = ReturnType<typeof createHomeService>;
