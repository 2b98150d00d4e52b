import { signInInBrowser } from '../../fixtures/accounts.ts';
import { expectNoSeriousA11yViolations } from '../../fixtures/axe.ts';
import { completeByApi, setUpTeam, signedInApi } from '../../fixtures/review-world.ts';
import { saveScreenshot } from '../../fixtures/screenshots.ts';
import { expect, test } from '../../fixtures/test.ts';

test.use({ viewport: { width: 1280, height: 900 } });

test('the review pages say only true things: no "Rate first" where nobody can rate, no "Share 0"', async ({
  page,
  browser,
  mailbox,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const world = await setUpTeam(baseURL ?? '', mailbox, { questions: 1 });
  const done = await completeByApi(world, mailbox, 'Nia');
  const unstarted = await completeByApi(world, mailbox, 'Oz', { submit: false });

  await signInInBrowser(page, world.owner);
  await page.goto(`/interviews/${world.interviewId}/review`);
  const row = (name: string) => page.getByRole('row', { name: new RegExp(name) });
  await expect(row(unstarted.name)).toBeVisible();
  await expect(row(unstarted.name)).not.toContainText('Rate first');
  await expect(page.getByRole('button', { name: /^Share 0/ })).toHaveCount(0);
  await expect(page.getByText(/mean of each rater.s score/)).toBeVisible();
  await saveScreenshot(page, 'review-list-owner');
  await expectNoSeriousA11yViolations(page);

  // A guest of a link without ratings is never told to rate first.
  const { api, headers } = await signedInApi(world.baseURL, world.owner);
  const link = await api.post('/api/v1/share-links', {
    headers,
    data: { invitationIds: [done.invitationId] },
  });
  expect(link.status(), await link.text()).toBe(201);
  const { url } = (await link.json()) as { url: string };
  await api.dispose();
  const guest = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await guest.goto(url);
  await expect(guest.getByRole('heading', { level: 2, name: done.name })).toBeVisible();
  await expect(guest.getByText(/Rate first/)).toHaveCount(0);
  await expect(guest.getByText(/not shared through this link/).first()).toBeVisible();
  await saveScreenshot(guest, 'shared-guest');
  await expectNoSeriousA11yViolations(guest);

  // The unassigned reviewer is not invited to create an interview they may not create.
  const reviewerPage = await (await browser.newContext({ baseURL })).newPage();
  await signInInBrowser(reviewerPage, world.unassigned);
  await reviewerPage.goto('/interviews');
  await expect(reviewerPage.getByRole('heading', { level: 2, name: /No interviews/ })).toBeVisible();
  await expect(reviewerPage.getByText('Create your first interview')).toHaveCount(0);
  await saveScreenshot(reviewerPage, 'interviews-unassigned-reviewer');
});

test('the interview and candidate pages: counts that say what they count, answers named on the timeline', async ({
  page,
  mailbox,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const world = await setUpTeam(baseURL ?? '', mailbox, { questions: 2 });
  const done = await completeByApi(world, mailbox, 'Pia');
  await completeByApi(world, mailbox, 'Quin', { submit: false });
  await signInInBrowser(page, world.owner);

  await page.goto('/interviews');
  const card = page.getByRole('listitem').filter({ hasText: world.title });
  await expect(card.getByText(/2 candidates in all/)).toBeVisible();
  await expect(card.getByText('Invited', { exact: true })).toHaveCount(0);
  await saveScreenshot(page, 'interviews-owner');

  await page.goto(`/interviews/${world.interviewId}/candidates/${done.invitationId}`);
  await expect(page.getByText(/Answer to question 1 saved/)).toBeVisible();
  await expect(page.getByText(/Answer to question 2 saved/)).toBeVisible();
  await expect(page.getByText(/^Answer saved$/)).toHaveCount(0);
  await saveScreenshot(page, 'candidate-timeline');

  // Editing a question of an interview with invited candidates says what happens to them.
  await page.goto(`/interviews/${world.interviewId}`);
  await page.getByRole('button', { name: 'Edit question 1' }).click();
  await expect(page.getByText(/2 candidates are invited already/)).toBeVisible();
  await saveScreenshot(page, 'question-edit-warning');
  await page
    .getByRole('textbox', { name: 'Prompt' })
    .fill('Question 1: tell us about a customer you won back.');
  await page.getByRole('button', { name: 'Save question' }).click();
  await expect(page.getByText('Question 1 saved.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit question 1' })).toBeFocused();
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
  await expectNoSeriousA11yViolations(page);

  // A new question too.
  await page.getByRole('button', { name: 'Add question' }).click();
  await page.getByRole('textbox', { name: 'Prompt' }).fill('What would you change in our support?');
  await page.getByRole('button', { name: 'Save question' }).click();
  await expect(page.getByText('Question 3 added.')).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
});

test('the invitations CSV keeps phone numbers as they are', async ({ mailbox, baseURL }) => {
  const world = await setUpTeam(baseURL ?? '', mailbox, { questions: 1 });
  const { api, headers } = await signedInApi(world.baseURL, world.owner);
  const invited = await api.post(`/api/v1/interviews/${world.interviewId}/invitations`, {
    headers,
    data: { name: 'Ray Phone', email: `ray-${Date.now()}@example.com`, phone: '+44 20 7946 0000' },
  });
  expect(invited.status()).toBe(201);
  const csv = await (await api.get(`/api/v1/interviews/${world.interviewId}/invitations/export.csv`)).text();
  expect(csv).toContain(',+44 20 7946 0000,');
  expect(csv).not.toContain("'+44");
  await api.dispose();
});
