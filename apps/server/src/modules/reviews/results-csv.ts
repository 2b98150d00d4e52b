import type { ReviewCandidate } from '@oneway/shared';
import type { DecisionsTable } from '../../db/schema/decisions.ts';
import { toCsvCell } from '../invitations/invitation-export.ts';

export interface ResultsRow {
  card: ReviewCandidate;
  /** Per question of `questions`, the team's average (null when none or hidden). */
  questionAverages: (number | null)[];
  decision: DecisionsTable | null;
}

const promptLabel = (prompt: string): string => (prompt.length > 60 ? `${prompt.slice(0, 57)}...` : prompt);

/**
 * The interview's results, one row per candidate (UTF-8 with a byte-order mark, CRLF lines). Every cell, the
 * question headers included, goes through the same formula guard as the invitations export. The e-mail column is
 * left out entirely when names are hidden from the viewer (whose name column then holds "Candidate 7").
 */
export function buildResultsCsv(options: {
  includeEmail: boolean;
  questions: { prompt_text: string }[];
  rows: ResultsRow[];
}): string {
  const header = [
    'candidate_number',
    'name',
    ...(options.includeEmail ? ['email'] : []),
    'status',
    'completed_at',
    'average_score',
    'ratings',
    ...options.questions.map((q, i) => `Q${i + 1} average: ${promptLabel(q.prompt_text)}`),
    'decision',
    'decision_note',
  ];
  const lines = options.rows.map(({ card, questionAverages, decision }) =>
    [
      card.candidateNumber,
      card.name,
      ...(options.includeEmail ? [card.email] : []),
      card.status,
      card.completedAt,
      card.averageScore,
      card.ratingCount,
      ...questionAverages,
      decision?.decision ?? null,
      decision?.note ?? null,
    ]
      .map(toCsvCell)
      .join(','),
  );
  return `\uFEFF${[header.map(toCsvCell).join(','), ...lines].join('\r\n')}\r\n`;
}
