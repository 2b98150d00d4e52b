export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobsTable {
  id: string;
  name: string;
  payload: string;
  dedupe_key: string | null;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  run_at: string;
  locked_at: string | null;
  locked_by: string | null;
  /** While running: the worker renews this; a job whose lease ran out has lost its worker and is reclaimed. */
  lease_expires_at: string | null;
  /** How long one try may run, decided when the job was queued; null means its kind's default. */
  timeout_ms: number | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}
