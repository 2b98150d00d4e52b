import { isoNow } from '../../lib/time.ts';
import type { ClientInfo } from '../accounts/sessions.service.ts';
import { getReviewableInterview } from './review-access.ts';
import { recordReviewEvent } from './review-audit.ts';
import {
  lensFor,
  loadCandidateFacts,
  toReviewCandidate,
  visibleDecisionOf,
  type CandidateFacts,
  type ViewerLens,
} from './review-candidates.ts';
import { listInterviewQuestions } from './review-data.repository.ts';
import { questionAverageOf } from './review-scores.ts';
import type { MemberViewer } from './review-viewer.ts';
import type { ReviewsDeps } from './reviews.context.ts';
import { buildRaterCsv, buildResultsCsv, type CandidateContact } from './results-csv.ts';

const slugOf = (title: string): string =>
  title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'interview';

const contactOf = (facts: CandidateFacts, lens: ViewerLens): CandidateContact | null =>
  lens.anonymised
    ? null
    : {
        email: facts.row.candidate_email,
        phone: facts.row.candidate_phone,
        externalId: facts.row.external_id,
      };

export function createReviewExportFunctions({ db, clock, audit }: ReviewsDeps) {
  /** What both exports start from: the interview as the viewer may see it, its candidates and its questions. */
  async function loadExport(viewer: MemberViewer, interviewId: string) {
    const interview = await getReviewableInterview(db, viewer, interviewId);
    const [facts, questions] = await Promise.all([
      loadCandidateFacts(db, interview),
      listInterviewQuestions(db, interview.id),
    ]);
    return { interview, lens: lensFor(viewer, interview), facts, questions };
  }

  return {
    /**
     * The interview's results as CSV, one row per candidate in invitation order, with the columns of the current
     * questions. Shows the viewer what the list shows them: no e-mail column and "Candidate 7" when anonymised,
     * blank averages, decision and note while the team's view is hidden from them. Audited.
     */
    async exportResults(
      viewer: MemberViewer,
      options: { interviewId: string; client: ClientInfo },
    ): Promise<{ fileName: string; csv: string }> {
      const { interview, lens, facts, questions } = await loadExport(viewer, options.interviewId);
      const rows = facts.map((f) => {
        const card = toReviewCandidate(f, lens);
        return {
          card,
          contact: contactOf(f, lens),
          questionAverages: questions.map((q) =>
            card.ratingsHidden ? null : questionAverageOf(f.sets, q.id),
          ),
          decision: visibleDecisionOf(f, lens),
        };
      });
      await recordReviewEvent(audit, viewer, {
        action: 'review.results_exported',
        targetType: 'interview',
        targetId: interview.id,
        client: options.client,
        details: { candidates: rows.length, anonymised: lens.anonymised },
      });
      return {
        fileName: `results-${slugOf(interview.title)}-${isoNow(clock).slice(0, 10)}.csv`,
        csv: buildResultsCsv({ includeContact: !lens.anonymised, questions, rows }),
      };
    },

    /**
     * Every rater's scores and notes, one row per rater per candidate, for calibrating the team. A candidate whose
     * team view is hidden from the viewer (blind review, not rated yet) shows only the viewer's own row. Audited.
     */
    async exportRaterScores(
      viewer: MemberViewer,
      options: { interviewId: string; client: ClientInfo },
    ): Promise<{ fileName: string; csv: string }> {
      const { interview, lens, facts, questions } = await loadExport(viewer, options.interviewId);
      const rows = facts.flatMap((f) => {
        const card = toReviewCandidate(f, lens);
        const contact = contactOf(f, lens);
        const hidden = lens.hidesTeamViewOf(f);
        return f.sets
          .filter((set) => !hidden || set.raterKey === lens.raterKey)
          .sort((a, b) => a.raterName.localeCompare(b.raterName, 'en', { sensitivity: 'base' }))
          .map((set) => ({ card, contact, set }));
      });
      await recordReviewEvent(audit, viewer, {
        action: 'review.rater_scores_exported',
        targetType: 'interview',
        targetId: interview.id,
        client: options.client,
        details: { rows: rows.length, anonymised: lens.anonymised },
      });
      return {
        fileName: `ratings-by-rater-${slugOf(interview.title)}-${isoNow(clock).slice(0, 10)}.csv`,
        csv: buildRaterCsv({ includeContact: !lens.anonymised, questions, rows }),
      };
    },
  };
}
