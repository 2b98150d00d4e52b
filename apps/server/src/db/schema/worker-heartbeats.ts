/** One row per worker process that has run: readiness checks that some worker was seen lately. */
export interface WorkerHeartbeatsTable {
  /** host/pid/random, as the process names itself. */
  worker_id: string;
  started_at: string;
  /** Renewed every 30 s while the worker runs. */
  seen_at: string;
}
