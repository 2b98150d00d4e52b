import {
  accommodationsSchema,
  applyAccommodationsToQuestion,
  applyThinkAccommodation,
  noAccommodations,
  type Accommodations,
  type CandidateLanding,
  type CandidateRequest,
  type InterviewSnapshot,
} from '@oneway/shared';
import type { InvitationsTable } from '../../db/schema/invitations.ts';
import type { LandingContext } from './candidate.repository.ts';

/** The invitation's accommodations; a stored value that no longer parses counts as none rather than failing. */
export function parseAccommodations(json: string): Accommodations {
  try {
    const parsed = accommodationsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : noAccommodations;
  } catch {
    return noAccommodations;
  }
}

/** Everything the landing page shows, with the candidate's accommodations applied and no question prompts. */
export function buildCandidateLanding(options: {
  invitation: InvitationsTable;
  context: LandingContext;
  pendingRequests: CandidateRequest[];
  /** Past the deadline and any grace of an answer started before it (see isInvitationPastGrace). */
  expired: boolean;
  /** The interview's retention in days (privacy module); null when it keeps data until erased. */
  retentionDays?: number | null;
  recordingElsewhere: CandidateLanding['recordingElsewhere'];
}): CandidateLanding {
  const { invitation, context } = options;
  const snapshot = JSON.parse(context.snapshot) as InterviewSnapshot;
  const accommodations = parseAccommodations(invitation.accommodations);
  const practice = snapshot.practiceQuestion;
  return {
    companyName: context.companyName,
    candidateName: invitation.candidate_name,
    interviewTitle: snapshot.title,
    roleTitle: snapshot.roleTitle,
    introText: snapshot.introText,
    instructions: snapshot.instructions,
    language: snapshot.language,
    accentColour: snapshot.accentColour,
    // The logo is the interview's current one, not frozen with the version: it is branding, not content.
    logoUrl:
      context.logoUpdatedAt === null
        ? null
        : `/api/v1/candidate/logo?v=${encodeURIComponent(context.logoUpdatedAt)}`,
    deadline: new Date(invitation.deadline_at).toISOString(),
    deadlineTimeZone: context.deadlineMode === 'fixed' ? context.deadlineTimeZone : null,
    candidateTimeZone: invitation.candidate_time_zone,
    expired: options.expired,
    status: invitation.status,
    questions: snapshot.questions.map((q, i) => applyAccommodationsToQuestion(q, i + 1, accommodations)),
    practiceQuestion: {
      enabled: practice.enabled,
      think: applyThinkAccommodation(practice.think, accommodations),
      answerSeconds:
        accommodations.timeMultiplier === null
          ? null
          : Math.round(practice.answerSeconds * accommodations.timeMultiplier),
    },
    accommodationsApplied: accommodations,
    retention: { days: options.retentionDays ?? null },
    contactEmail: context.contactEmail,
    pendingRequests: options.pendingRequests,
    recordingElsewhere: options.recordingElsewhere,
  };
}
