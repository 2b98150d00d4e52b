import * as z from 'zod/mini';

// zod/mini: the candidate's pages import these shapes, and the candidate route's JavaScript is kept small.

/** null = untimed: no think or answer limit at all (WCAG 2.2.1). */
export const timeMultiplierSchema = z.union([
  z.literal(1),
  z.literal(1.5),
  z.literal(2),
  z.literal(3),
  z.null(),
]);

/** What an employer grants one candidate; reviewers see only that accommodations applied, never why. */
export const accommodationsSchema = z.strictObject({
  timeMultiplier: z._default(timeMultiplierSchema, 1),
  extraTakes: z._default(z.int().check(z.gte(0), z.lte(10)), 0),
  /** Answer every question this way instead of by video. */
  answerFormat: z._default(z.nullable(z.enum(['audio', 'text'])), null),
});
export type Accommodations = z.infer<typeof accommodationsSchema>;

export const noAccommodations: Accommodations = { timeMultiplier: 1, extraTakes: 0, answerFormat: null };

export const hasAccommodations = (a: Accommodations): boolean =>
  a.timeMultiplier !== 1 || a.extraTakes > 0 || a.answerFormat !== null;

/** A limit in seconds after the multiplier; null means no limit. */
export function applyTimeMultiplier(seconds: number | null, a: Accommodations): number | null {
  if (seconds === null || a.timeMultiplier === null) return null;
  return Math.round(seconds * a.timeMultiplier);
}
