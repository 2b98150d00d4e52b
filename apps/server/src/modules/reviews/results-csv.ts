import type { ReviewCandidate } from '@oneway/shared';
import type { DecisionsTable } from '../../db/schema/decisions.ts';
import { toCsvDocument, type CsvValue } from '../../lib/csv-export.ts';
import type { RatingSetData } from './review-scores.ts';

/** Who the candidate is outside Oneway; left out entirely when names are hidden from the viewer. */
export interface CandidateContact {
  email: string;
  phone: string | null;
  /** The candidate's id in the team's ATS or spreadsheet, as given at invitation. */
  externalId: string | null;
}

export interface ResultsRow {
  card: ReviewCandidate;
  /** Null when the viewer sees the interview anonymised. */
  contact: CandidateContact | null;
  /** Per question of `questions`, the team's average (null when none or hidden). */
  questionAverages: (number | null)[];
  decision: DecisionsTable | null;
}

const promptLabel = (prompt: string): string => (prompt.length > 60 ? `${prompt.slice(0, 57)}...` : prompt);

const contactHeader = ['email', 'phone', 'external_id'];
const contactCells = (contact: CandidateContact | null): CsvValue[] =>
  contact ? [contact.email, contact.phone, contact.externalId] : [];

/**
 * The interview's results, one row per candidate. The contact columns (e-mail, phone, external id) are left out
 * entirely when names are hidden from the viewer (whose name column then holds "Candidate 7").
 */
export function buildResultsCsv(options: {
  includeContact: boolean;
  questions: { prompt_text: string }[];
  rows: ResultsRow[];
}): string {
  const header = [
    'candidate_number',
    'name',
    ...(options.includeContact ? contactHeader : []),
    'status',
    'completed_at',
    'average_score',
    'ratings',
    ...options.questions.map((q, i) => `Q${i + 1} average: ${promptLabel(q.prompt_text)}`),
    'decision',
    'decision_note',
  ];
  const rows = options.rows.map(({ card, contact, questionAverages, decision }) => [
    card.candidateNumber,
    card.name,
    ...contactCells(contact),
    card.status,
    card.completedAt,
    card.averageScore,
    card.ratingCount,
    ...questionAverages,
    decision?.decision ?? null,
    decision?.note ?? null,
  ]);
  return toCsvDocument(header, rows);
}

export interface RaterRow {
  card: ReviewCandidate;
  contact: CandidateContact | null;
  set: RatingSetData;
}

/**
 * One row per rater per candidate, for a calibration meeting: who gave which score and note to each current
 * question, and their overall rating. Guests who rated through a share link are marked as such.
 */
export function buildRaterCsv(options: {
  includeContact: boolean;
  questions: { id: string; prompt_text: string }[];
  rows: RaterRow[];
}): string {
  const header = [
    'candidate_number',
    'name',
    ...(options.includeContact ? contactHeader : []),
    'rater',
    'rater_type',
    'rated_at',
    'overall',
    ...options.questions.flatMap((q, i) => [
      `Q${i + 1} score: ${promptLabel(q.prompt_text)}`,
      `Q${i + 1} note`,
    ]),
  ];
  const rows = options.rows.map(({ card, contact, set }) => [
    card.candidateNumber,
    card.name,
    ...contactCells(contact),
    set.raterName,
    set.shareLinkId === null ? 'member' : 'guest',
    set.updatedAt,
    set.overall,
    ...options.questions.flatMap((q) => {
      const scored = set.questionScores.find((s) => s.questionId === q.id);
      return [scored?.score ?? null, scored?.note ?? null];
    }),
  ]);
  return toCsvDocument(header, rows);
}
