import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestClock, minutes } from '../../../test/factories/clock.ts';
import { createTestRuntime } from '../../../test/runtime.ts';
import type { Runtime } from '../../runtime.ts';

describe('sweeping the outbox for messages that never got their job', () => {
  let runtime: Runtime;
  const clock = createTestClock();
  beforeAll(async () => {
    runtime = await createTestRuntime({}, { clock });
  });
  afterAll(() => runtime.close());

  it('queues email.send again, with the same dedupe key, only for messages queued over 10 minutes ago', async () => {
    const enqueue = vi.spyOn(runtime.queue, 'enqueue');
    // The first enqueue fails, as if the queue were unreachable: the message stays queued in the outbox.
    enqueue.mockRejectedValueOnce(new Error('queue unreachable'));
    await expect(
      runtime.services.mail.queueEmail({
        organisationId: null,
        to: 'ada@example.com',
        subject: 'Hi',
        text: 'Hello',
      }),
    ).rejects.toThrow('queue unreachable');
    const lost = await runtime.db
      .selectFrom('outbox_emails')
      .select(['id', 'status'])
      .executeTakeFirstOrThrow();
    expect(lost.status).toBe('queued');

    expect(await runtime.services.mail.requeueStaleEmails()).toBe(0);
    clock.advance(minutes(11));
    const fresh = await runtime.services.mail.queueEmail({
      organisationId: null,
      to: 'grace@example.com',
      subject: 'Hi',
      text: 'Hello',
    });
    enqueue.mockClear();

    expect(await runtime.services.mail.requeueStaleEmails()).toBe(1);
    expect(enqueue).toHaveBeenCalledTimes(1);
    expect(enqueue).toHaveBeenCalledWith(
      'email.send',
      { messageId: lost.id },
      { dedupeKey: `email/${lost.id}` },
    );
    expect(enqueue).not.toHaveBeenCalledWith('email.send', { messageId: fresh }, expect.anything());
  });
});
