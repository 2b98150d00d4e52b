import { signInInBrowser } from '../../fixtures/accounts.ts';
import { findLinks } from '../../fixtures/mailbox.ts';
import { completeByApi, setUpTeam } from '../../fixtures/review-world.ts';
import { expect, test } from '../../fixtures/test.ts';

test('each role opens its completion e-mail link and lands on a page it may use', async ({
  browser,
  mailbox,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const world = await setUpTeam(baseURL ?? '', mailbox, { questions: 1 });
  const candidate = await completeByApi(world, mailbox, 'Fay');
  const subject = `${candidate.name} completed the interview ${world.title}`;
  const linkFor = (email: string) =>
    mailbox
      .readAll()
      .filter((m) => m.recipients.includes(email.toLowerCase()) && m.subject === subject)
      .flatMap(findLinks)[0];

  for (const person of [world.owner, world.recruiter, world.reviewer]) {
    await expect
      .poll(() => linkFor(person.email), { message: `${person.email} gets the e-mail` })
      .toBeDefined();
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await signInInBrowser(page, person);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await page.goto(linkFor(person.email) ?? '');
    await expect(page.getByRole('heading', { level: 1, name: candidate.name })).toBeVisible();
    await expect(page.getByText(/permission|not assigned/i)).toHaveCount(0);
    await expect(page.getByRole('group', { name: 'Your score for question 1' })).toBeVisible();
    await context.close();
  }
  // The reviewer who is not assigned to the interview hears nothing of it.
  expect(
    mailbox
      .readAll()
      .filter((m) => m.recipients.includes(world.unassigned.email.toLowerCase()) && m.subject === subject),
  ).toEqual([]);
});
