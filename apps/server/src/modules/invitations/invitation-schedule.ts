import { jobNames } from '@oneway/shared';
import type { JobQueue } from '../../jobs/queue.ts';
import type { Clock } from '../../lib/time.ts';

const hourMs = 3_600_000;

export const expireDedupeKey = (invitationId: string, deadline: string) =>
  `invitation/${invitationId}/expire/${deadline}`;
export const remindDedupeKey = (invitationId: string, hours: number, deadline: string) =>
  `invitation/${invitationId}/remind/${hours}/${deadline}`;

/**
 * Queues the expiry at the deadline and a reminder `h` hours before it for each reminder hour still ahead. The
 * deadline is in every key and payload, so a new deadline gets jobs of its own and the old ones, finding the deadline
 * changed, do nothing: nothing has to be cancelled. Completed or withdrawn invitations are skipped by the handlers.
 */
export async function scheduleInvitationJobs(
  queue: JobQueue,
  clock: Clock,
  options: { invitationId: string; deadline: string; reminderHours: number[] },
): Promise<void> {
  const { invitationId, deadline } = options;
  const deadlineMs = Date.parse(deadline);
  const now = clock.now().getTime();
  // Independent jobs: sent together, which on PostgreSQL saves round trips when a thousand invitations are imported.
  await Promise.all([
    queue.enqueue(
      jobNames.invitationExpire,
      { invitationId, deadline },
      { runAt: new Date(deadlineMs), dedupeKey: expireDedupeKey(invitationId, deadline) },
    ),
    ...options.reminderHours
      .filter((hours) => deadlineMs - hours * hourMs > now)
      .map((hours) =>
        queue.enqueue(
          jobNames.invitationRemind,
          { invitationId, hours, deadline },
          {
            runAt: new Date(deadlineMs - hours * hourMs),
            dedupeKey: remindDedupeKey(invitationId, hours, deadline),
          },
        ),
      ),
  ]);
}
