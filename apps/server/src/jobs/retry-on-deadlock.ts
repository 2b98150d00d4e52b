/** PostgreSQL's SQLSTATE for "deadlock detected": it aborted one of two transactions that waited on each other. */
const deadlockDetected = '40P01';

const isDeadlock = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === deadlockDetected;

/**
 * Runs `work` again when PostgreSQL ended it as a deadlock's victim, up to `attempts` tries in all, waiting a short
 * randomised back-off in between (50, 100, 200… ms, each between half and one and a half times that, so two
 * victims do not collide again). pg-boss creates a queue by attaching a partition to its job table, which can
 * deadlock with another process creating a queue or sending a job at the same moment; trying again then succeeds.
 */
export async function retryOnDeadlock<T>(
  work: () => Promise<T>,
  options: {
    attempts?: number;
    firstDelayMs?: number;
    onRetry?: (err: unknown, attempt: number) => void;
  } = {},
): Promise<T> {
  const { attempts = 5, firstDelayMs = 50 } = options;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (err) {
      if (!isDeadlock(err) || attempt >= attempts) throw err;
      options.onRetry?.(err, attempt);
      const delay = firstDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
