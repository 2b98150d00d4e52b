import type { InterviewReviewer } from '@oneway/shared';
import { notFound, validationFailed } from '../../errors.ts';
import { isoNow } from '../../lib/time.ts';
import { findInterviewRow } from './review-access.repository.ts';
import { recordReviewEvent } from './review-audit.ts';
import {
  findMemberIds,
  listInterviewReviewers,
  replaceInterviewReviewers,
  type ReviewerRow,
} from './reviewers.repository.ts';
import type { MemberViewer } from './review-viewer.ts';
import type { ReviewsDeps } from './reviews.context.ts';

const toReviewer = (row: ReviewerRow): InterviewReviewer => ({
  userId: row.user_id,
  name: row.name,
  email: row.email,
  role: row.role,
  assignedAt: row.assigned_at,
});

export function createReviewerFunctions({ db, clock, audit }: ReviewsDeps) {
  async function getInterviewOrThrow(viewer: MemberViewer, interviewId: string) {
    const interview = await findInterviewRow(db, { organisationId: viewer.organisationId, interviewId });
    if (!interview) throw notFound('Interview');
    return interview;
  }

  async function listReviewers(viewer: MemberViewer, options: { interviewId: string }) {
    const interview = await getInterviewOrThrow(viewer, options.interviewId);
    const rows = await listInterviewReviewers(db, {
      organisationId: viewer.organisationId,
      interviewId: interview.id,
    });
    return rows.map(toReviewer);
  }

  return {
    /** The members assigned to review the interview. */
    listReviewers,

    /**
     * Sets who is assigned to the interview (replacing the list). Members with the reviewer role see only the
     * interviews they are assigned to; others see every interview anyway, but assigned ones hear of completions.
     */
    async setReviewers(
      viewer: MemberViewer,
      options: { interviewId: string; userIds: string[] },
    ): Promise<InterviewReviewer[]> {
      const interview = await getInterviewOrThrow(viewer, options.interviewId);
      const userIds = [...new Set(options.userIds)];
      const members = await findMemberIds(db, { organisationId: viewer.organisationId, userIds });
      const unknown = options.userIds.flatMap((id, i) =>
        members.has(id) ? [] : [{ field: `userIds.${i}`, message: 'Not a member of this organisation' }],
      );
      if (unknown.length > 0) throw validationFailed(unknown);
      const now = isoNow(clock);
      await replaceInterviewReviewers(db, {
        interviewId: interview.id,
        rows: userIds.map((userId) => ({
          interview_id: interview.id,
          organisation_id: viewer.organisationId,
          user_id: userId,
          assigned_by_user_id: viewer.userId,
          assigned_at: now,
        })),
      });
      await recordReviewEvent(audit, viewer, {
        action: 'interview.reviewers_changed',
        targetType: 'interview',
        targetId: interview.id,
        details: { userIds },
      });
      return listReviewers(viewer, options);
    },
  };
}
