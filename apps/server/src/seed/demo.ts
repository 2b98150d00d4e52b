import { createQuestionSchema } from '@oneway/shared';
import { createToken } from '../lib/tokens.ts';
import { hashPassword } from '../modules/accounts/passwords.ts';
import { seedCompletedCandidate } from './demo-answers.ts';
import type { Runtime } from '../runtime.ts';
import {
  demoCandidate,
  demoCompletedCandidate,
  demoInterview,
  demoOrganisationName,
  demoOwner,
  demoQuestions,
} from './demo-content.ts';

/**
 * On the first start (no organisation yet), creates the demo organisation, its owner with a random password,
 * and the demo interview, and prints the sign-in details once. Later starts do nothing.
 */
export async function seedDemo(runtime: Runtime): Promise<void> {
  const { db, services, logger } = runtime;
  const existing = await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  if (existing) return;

  const password = createToken().slice(0, 16);
  const { info } = await services.accounts.createOrganisationWithOwner({
    organisationName: demoOrganisationName,
    name: demoOwner.name,
    email: demoOwner.email,
    passwordHash: await hashPassword(password),
    client: { ip: null, userAgent: 'oneway-seed' },
  });
  const owner = { organisationId: info.organisation.id, userId: info.user.id };
  const interview = await services.interviews.createInterview({ ...owner, input: demoInterview });
  for (const question of demoQuestions) {
    await services.interviews.addQuestion({
      organisationId: owner.organisationId,
      interviewId: interview.id,
      input: createQuestionSchema.parse(question),
    });
  }
  await services.invitations.createInvitation({
    ...owner,
    interviewId: interview.id,
    input: { name: demoCandidate.name, email: demoCandidate.email },
  });
  const answered = await seedCompletedCandidate(runtime, owner, {
    id: interview.id,
    questionCount: demoQuestions.length,
  });
  // The link exists only in the invitation e-mail (its token is stored hashed), so read it from the outbox.
  const invitationMail = await db
    .selectFrom('outbox_emails')
    .select('text_body')
    .where('to_address', '=', demoCandidate.email)
    .executeTakeFirst();
  const candidateLink = /https?:\/\/\S+\/i\/\S+/.exec(invitationMail?.text_body ?? '')?.[0];
  // Sessions made by seeding are of no use to anyone.
  await db.deleteFrom('sessions').where('user_id', '=', owner.userId).execute();

  const lines = [
    'Demo organisation created. Sign in with:',
    `  e-mail:   ${demoOwner.email}`,
    `  password: ${password}`,
    '(shown only this once; use "Forgot password?" and the Outbox if you lose it)',
    `Demo candidate link (${demoCandidate.name}): ${candidateLink ?? 'see the Outbox'}`,
    ...(answered
      ? [`${demoCompletedCandidate.name} has already answered: review her under Interviews.`]
      : []),
  ];
  logger.info({ email: demoOwner.email }, 'demo organisation seeded');
  console.log(`\n${lines.join('\n')}\n`);
}
