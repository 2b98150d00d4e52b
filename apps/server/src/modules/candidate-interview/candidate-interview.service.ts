import type {
  AnswersMissingDetails,
  CandidateInterview,
  RevealedQuestion,
  SubmittedInterview,
} from '@oneway/shared';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { InvitationsTable } from '../../db/schema/invitations.ts';
import { AppError } from '../../errors.ts';
import { isoNow, type Clock } from '../../lib/time.ts';
import { computeGraceUntil } from '../invitations/invitation-grace.ts';
import type { InvitationsService } from '../invitations/invitations.service.ts';
import * as repo from './candidate-interview.repository.ts';
import { assertConsentGiven, type ConsentReader } from './consent-gate.ts';
import { getQuestionOrThrow, loadInterviewFacts } from './interview-facts.ts';
import { buildCandidateInterview } from './interview-view.ts';

export type InterviewLifecycle = Pick<
  InvitationsService,
  | 'assertInvitationOpen'
  | 'assertInvitationOpenOrInGrace'
  | 'isInvitationExpired'
  | 'markInvitationStarted'
  | 'submitCompletion'
  | 'sendCompletionEmails'
>;

const iso = (value: string): string => new Date(value).toISOString();

/** The candidate's way through the interview: what they see, revealing each question, and submitting. */
export function createCandidateInterviewService(deps: {
  db: Db;
  config: Config;
  clock: Clock;
  invitations: InterviewLifecycle;
  consent: ConsentReader;
}) {
  const { db, clock } = deps;

  return {
    /**
     * The interview as the candidate's pages show it: rules, prompts already revealed, takes and answers, the
     * server's time, and the grace after the deadline for answers started before it (see computeGraceUntil).
     */
    async getCandidateInterview(invitation: InvitationsTable): Promise<CandidateInterview> {
      const facts = await loadInterviewFacts(db, invitation);
      const [takes, answers, reveals, notice] = await Promise.all([
        repo.listQuestionTakes(db, invitation.id),
        repo.listAnswers(db, invitation.id),
        repo.listReveals(db, invitation.id),
        deps.consent.getConsentNotice(invitation),
      ]);
      const graceUntil = computeGraceUntil({
        deadline: invitation.deadline_at,
        ...facts,
        takes,
        reveals,
        mediaMaxSeconds: deps.config.mediaMaxSeconds,
      });
      const now = clock.now();
      const inGrace =
        invitation.status !== 'expired' && graceUntil !== null && Date.parse(graceUntil) > now.getTime();
      return buildCandidateInterview({
        invitation,
        ...facts,
        takes,
        answers,
        reveals,
        consentedAt: notice.consentedAt,
        expired: deps.invitations.isInvitationExpired(invitation) && !inGrace,
        graceUntil,
        serverTime: now.toISOString(),
      });
    },

    /**
     * Shows a question's prompt, which starts its think time: the time is recorded the first time only, so a
     * reload shows the same time. Needs consent and an open invitation; the practice question needs no reveal.
     */
    async revealQuestion(options: {
      invitation: InvitationsTable;
      questionId: string;
    }): Promise<RevealedQuestion> {
      const { invitation } = options;
      deps.invitations.assertInvitationOpen(invitation);
      const { question } = getQuestionOrThrow(await loadInterviewFacts(db, invitation), options.questionId);
      await assertConsentGiven(deps.consent, invitation);
      const revealedAt = await repo.insertRevealOnce(db, {
        invitation_id: invitation.id,
        organisation_id: invitation.organisation_id,
        question_id: question.id,
        revealed_at: isoNow(clock),
      });
      // Seeing the first real question is starting, also for interviews answered in writing (no takes).
      await deps.invitations.markInvitationStarted({ invitationId: invitation.id });
      return { prompt: question.promptText, revealedAt: iso(revealedAt) };
    },

    /**
     * Hands the answers in: every question needs one (answers_missing lists those without). The invitation is
     * completed and the candidate and the hiring team are e-mailed. Refused when done, and after the deadline once
     * the grace of an answer started before it is over.
     */
    async submitInterview(invitation: InvitationsTable): Promise<SubmittedInterview> {
      await deps.invitations.assertInvitationOpenOrInGrace(invitation);
      const { snapshot } = await loadInterviewFacts(db, invitation);
      const answered = new Set((await repo.listAnswers(db, invitation.id)).map((a) => a.question_id));
      const missing = snapshot.questions
        .map((q, i) => ({ questionId: q.id, position: i + 1 }))
        .filter((q) => !answered.has(q.questionId));
      if (missing.length > 0) {
        const details: AnswersMissingDetails = {
          positions: missing.map((q) => q.position),
          questionIds: missing.map((q) => q.questionId),
        };
        throw new AppError('answers_missing', {
          message: `Answer every question before you submit. Still without an answer: question ${details.positions.join(', ')}.`,
          details,
        });
      }
      const { row: completed, changed } = await deps.invitations.submitCompletion({
        invitationId: invitation.id,
      });
      // A second submit that raced this one is answered as any later submit is; the e-mails go once.
      if (!changed)
        throw new AppError('invitation_completed', { message: 'You have already completed this interview.' });
      await deps.invitations.sendCompletionEmails({ invitationId: invitation.id });
      return { submittedAt: iso(completed.completed_at ?? isoNow(clock)) };
    },
  };
}

export type CandidateInterviewService = ReturnType<typeof createCandidateInterviewService>;
