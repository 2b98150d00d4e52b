/**
 * Performance marks of a take's way from stop to "saved" (`take:<step>`, with details), so the time can be split
 * into its parts: the upload benchmark reads them with performance.getEntriesByName. Each take clears the marks of
 * the one before, so they never pile up.
 */
const prefix = 'take:';

export function markTake(step: string, detail?: Record<string, unknown>): void {
  try {
    performance.mark(`${prefix}${step}`, detail ? { detail } : undefined);
  } catch {
    // Marks are only ever read by the benchmark; a browser without them records the same.
  }
}

export function clearTakeMarks(): void {
  try {
    for (const entry of performance.getEntriesByType('mark')) {
      if (entry.name.startsWith(prefix)) performance.clearMarks(entry.name);
    }
  } catch {
    // See markTake.
  }
}
