import { signInInBrowser } from '../../fixtures/accounts.ts';
import { expectNoSeriousA11yViolations } from '../../fixtures/axe.ts';
import { completeByApi, setUpTeam, type TeamWorld } from '../../fixtures/review-world.ts';
import { saveScreenshot } from '../../fixtures/screenshots.ts';
import { expect, test } from '../../fixtures/test.ts';
import type { Page } from '@playwright/test';

test.use({ viewport: { width: 1280, height: 900 } });

const questionRegion = (page: Page, n: number) =>
  page.getByRole('region', { name: `Question ${n}`, exact: true });
const scoreGroup = (page: Page, n: number) =>
  page.getByRole('group', { name: `Your score for question ${n}` });
const pick = (page: Page, n: number, score: number) =>
  scoreGroup(page, n)
    .getByRole('radio', { name: new RegExp(`^${score}\\b`) })
    .check();

async function openReview(page: Page, world: TeamWorld, invitationId: string, name: string) {
  await page.goto(`/interviews/${world.interviewId}/review/${invitationId}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('scores are saved as they are picked and survive a reload and "Next candidate"', async ({
  page,
  mailbox,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const world = await setUpTeam(baseURL ?? '', mailbox, { questions: 3 });
  const first = await completeByApi(world, mailbox, 'Ana');
  const second = await completeByApi(world, mailbox, 'Ben');
  await signInInBrowser(page, world.reviewer);
  await openReview(page, world, first.invitationId, first.name);

  // No separate save button: each score says "Saved" once the server has it.
  await expect(page.getByRole('button', { name: 'Save ratings' })).toHaveCount(0);
  await pick(page, 1, 4);
  await pick(page, 2, 3);
  await pick(page, 3, 5);
  for (const n of [1, 2, 3])
    await expect(questionRegion(page, n).getByText('Saved', { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, 'review-reviewer-scored');

  // "Saved" means the server has it: a second tab opened now shows the same scores.
  const otherTab = await page.context().newPage();
  await openReview(otherTab, world, first.invitationId, first.name);
  for (const [n, score] of [
    [1, 4],
    [2, 3],
    [3, 5],
  ] as const)
    await expect(
      scoreGroup(otherTab, n).getByRole('radio', { name: new RegExp(`^${score}\\b`) }),
    ).toBeChecked();
  await otherTab.close();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: first.name })).toBeVisible();
  await expect(scoreGroup(page, 1).getByRole('radio', { name: /^4\b/ })).toBeChecked();
  await expect(scoreGroup(page, 2).getByRole('radio', { name: /^3\b/ })).toBeChecked();
  await expect(scoreGroup(page, 3).getByRole('radio', { name: /^5\b/ })).toBeChecked();

  // Mid-scoring the next candidate, straight on to another page and back: the score is kept.
  await page
    .getByRole('link', { name: /Next candidate|Previous candidate/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: second.name })).toBeVisible();
  await pick(page, 1, 2);
  await page
    .getByRole('link', { name: /Next candidate|Previous candidate/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: first.name })).toBeVisible();
  await openReview(page, world, second.invitationId, second.name);
  await expect(scoreGroup(page, 1).getByRole('radio', { name: /^2\b/ })).toBeChecked();

  // The overall score too.
  await page
    .getByRole('group', { name: 'Overall score (optional)' })
    .getByRole('radio', { name: '4' })
    .check();
  await expect(
    page.getByRole('region', { name: 'Your rating' }).getByText('Saved', { exact: true }),
  ).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole('group', { name: 'Overall score (optional)' }).getByRole('radio', { name: '4' }),
  ).toBeChecked();
});

test('a score the server did not take says "Not saved" and saves on retry', async ({
  page,
  mailbox,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const world = await setUpTeam(baseURL ?? '', mailbox, { questions: 2 });
  const candidate = await completeByApi(world, mailbox, 'Cleo');
  await signInInBrowser(page, world.reviewer);
  await openReview(page, world, candidate.invitationId, candidate.name);

  // The network drops the save: the page must not pretend it was kept.
  await page.route('**/ratings/questions/**', (route) => route.abort('internetdisconnected'));
  await pick(page, 2, 4);
  const region = questionRegion(page, 2);
  await expect(region.getByText(/Not saved/)).toBeVisible();
  await saveScreenshot(page, 'review-not-saved');
  await expect(region.getByText('Saved', { exact: true })).toHaveCount(0);
  await page.unroute('**/ratings/questions/**');
  await region.getByRole('button', { name: /Retry/ }).click();
  await expect(region.getByText('Saved', { exact: true })).toBeVisible();
  await page.reload();
  await expect(scoreGroup(page, 2).getByRole('radio', { name: /^4\b/ })).toBeChecked();
});

test("a decider's note is kept as a draft while they think, through a reload", async ({
  page,
  mailbox,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const world = await setUpTeam(baseURL ?? '', mailbox, { questions: 1 });
  const candidate = await completeByApi(world, mailbox, 'Dara');
  await signInInBrowser(page, world.recruiter);
  await openReview(page, world, candidate.invitationId, candidate.name);
  await pick(page, 1, 4);
  await expect(questionRegion(page, 1).getByText('Saved', { exact: true })).toBeVisible();

  const note = page.getByLabel('Note (optional)');
  await note.fill('Strong on numbers; check references.');
  await expect(page.getByRole('region', { name: 'Decision' }).getByText('Draft saved')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Note (optional)')).toHaveValue('Strong on numbers; check references.');
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, 'review-recruiter-decision');
});

test('a decision saved while its note is still being typed leaves no draft behind', async ({
  page,
  mailbox,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const world = await setUpTeam(baseURL ?? '', mailbox, { questions: 1 });
  const candidate = await completeByApi(world, mailbox, 'Eli');
  await signInInBrowser(page, world.recruiter);
  // The page's own clock, so the draft's delay passes when the test says and not before.
  await page.clock.install();
  await openReview(page, world, candidate.invitationId, candidate.name);
  await pick(page, 1, 3);
  await page.clock.runFor(1_000);
  await expect(questionRegion(page, 1).getByText('Saved', { exact: true })).toBeVisible();

  const drafts: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/decision-draft')) drafts.push(request.method());
  });
  const decision = page.getByRole('region', { name: 'Decision' });
  await decision.getByLabel('Advance').check();
  await decision.getByLabel('Note (optional)').fill('Advance: clear and kind.');
  await decision.getByRole('button', { name: 'Save decision' }).click();
  await expect(page.getByText('Decision saved: Advance.')).toBeVisible();
  // The draft's delay passes after the decision: nothing more is sent, and the server holds no draft.
  await page.clock.runFor(5_000);
  await expect(decision.getByText(/Saving draft|Draft saved/)).toHaveCount(0);
  expect(drafts).toEqual([]);
  await page.reload();
  await expect(page.getByLabel('Note (optional)')).toHaveValue('Advance: clear and kind.');
  const review = await page.request.get(`/api/v1/invitations/${candidate.invitationId}/review`);
  expect(review.status()).toBe(200);
  expect(((await review.json()) as { myDecisionDraft: unknown }).myDecisionDraft).toBeNull();
});
