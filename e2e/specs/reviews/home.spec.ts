import { signInInBrowser } from '../../fixtures/accounts.ts';
import { expectNoSeriousA11yViolations } from '../../fixtures/axe.ts';
import { completeByApi, setUpTeam } from '../../fixtures/review-world.ts';
import { saveScreenshot } from '../../fixtures/screenshots.ts';
import { expect, test } from '../../fixtures/test.ts';

test.use({ viewport: { width: 1280, height: 900 } });

test('the home page lists what waits for the signed-in reviewer, and is where sign-in lands', async ({
  page,
  mailbox,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const world = await setUpTeam(baseURL ?? '', mailbox, { questions: 1 });
  const [a, b] = [await completeByApi(world, mailbox, 'Gus'), await completeByApi(world, mailbox, 'Hal')];
  await completeByApi(world, mailbox, 'Ida', { submit: false });

  await signInInBrowser(page, world.reviewer);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  const waiting = page.getByRole('region', { name: /Waiting for your review/ });
  await expect(waiting.getByRole('link', { name: a.name })).toBeVisible();
  await expect(waiting.getByRole('link', { name: b.name })).toBeVisible();
  await expect(waiting.getByText(/Ida/)).toHaveCount(0);
  await expect(waiting.getByText(`${world.title}: 2 to review`)).toBeVisible();
  // Reviewers do not handle requests or expiring invitations.
  await expect(page.getByRole('region', { name: /Requests/ })).toHaveCount(0);
  await saveScreenshot(page, 'home-reviewer');
  await expectNoSeriousA11yViolations(page);

  // The interview card counts it too.
  await page.getByRole('link', { name: 'Interviews', exact: true }).click();
  await expect(
    page.getByRole('listitem').filter({ hasText: world.title }).getByText('2 to review'),
  ).toBeVisible();
  await saveScreenshot(page, 'interviews-reviewer');

  // Rating one takes it off the list.
  await page.getByRole('link', { name: 'Home', exact: true }).click();
  await waiting.getByRole('link', { name: a.name }).click();
  await page
    .getByRole('group', { name: 'Your score for question 1' })
    .getByRole('radio', { name: /^4\b/ })
    .check();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Home', exact: true }).click();
  await expect(waiting.getByRole('link', { name: b.name })).toBeVisible();
  await expect(waiting.getByRole('link', { name: a.name })).toHaveCount(0);
  await expect(waiting.getByText(`${world.title}: 1 to review`)).toBeVisible();
});

test('owners see requests waiting and invitations about to expire on their home page', async ({
  page,
  mailbox,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const world = await setUpTeam(baseURL ?? '', mailbox, {
    questions: 1,
    interview: { deadlinePolicy: { mode: 'relative', days: 1 } },
  });
  const pending = await completeByApi(world, mailbox, 'Jo', { submit: false });
  await signInInBrowser(page, world.owner);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  const expiring = page.getByRole('region', { name: /About to expire/ });
  await expect(expiring.getByRole('link', { name: pending.name })).toBeVisible();
  await expect(page.getByRole('region', { name: /Requests/ })).toContainText(/No requests|0/);
  await expect(page.getByRole('region', { name: /Processing/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, 'home-owner');
});
