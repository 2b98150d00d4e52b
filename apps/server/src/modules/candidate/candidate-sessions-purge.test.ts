import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock, days } from '../../../test/factories/clock.ts';
import { captureInvitationMail } from '../../../test/factories/invitation-api.ts';
import { inviteWithLink, openInvitationLink } from '../../../test/factories/invitations.ts';
import { addQuestion, createInterview } from '../../../test/factories/interviews.ts';
import { signUp } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';

describe('purging candidate sessions', () => {
  let t: TestContext;
  const clock = createTestClock();
  beforeAll(async () => {
    t = await createTestApp({}, { clock });
  });
  afterAll(() => t.close());

  const countSessions = async () =>
    (await t.runtime.db.selectFrom('candidate_sessions').select('id').execute()).length;

  it('keeps live sessions and deletes those past their end', async () => {
    const mail = captureInvitationMail(t.runtime);
    const owner = await signUp(t.app);
    const interview = await createInterview(t.app, owner);
    await addQuestion(t.app, owner, interview.id);
    const invitation = await inviteWithLink(t.app, mail, owner, interview.id, {
      deadline: new Date(clock.now().getTime() + days(3)).toISOString(),
    });
    await openInvitationLink(t.app, invitation.token);

    expect(await t.runtime.services.candidate.purgeExpiredCandidateSessions()).toBe(0);
    expect(await countSessions()).toBe(1);

    clock.advance(days(5));
    expect(await t.runtime.services.candidate.purgeExpiredCandidateSessions()).toBe(1);
    expect(await countSessions()).toBe(0);
  });
});
