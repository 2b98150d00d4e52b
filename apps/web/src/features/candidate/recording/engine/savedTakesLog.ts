export interface SavedTakeRecord {
  takeId: string;
  sha256: string;
  bytes: number;
}

/** sessionStorage key of the takes saved in this tab; end-to-end tests compare it with the server's files. */
export const savedTakesKey = 'oneway.savedTakes';

/** Every take this tab saved with its SHA-256 and size. Harmless to keep: it is the candidate's own data. */
export function readSavedTakes(): SavedTakeRecord[] {
  try {
    const data: unknown = JSON.parse(sessionStorage.getItem(savedTakesKey) ?? '[]');
    return Array.isArray(data) ? (data as SavedTakeRecord[]) : [];
  } catch {
    return [];
  }
}

export function recordSavedTake(record: SavedTakeRecord): void {
  try {
    const others = readSavedTakes().filter((saved) => saved.takeId !== record.takeId);
    sessionStorage.setItem(savedTakesKey, JSON.stringify([...others, record]));
  } catch {
    // Storage full or blocked: only the tests would miss it.
  }
}
