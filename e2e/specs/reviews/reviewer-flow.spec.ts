import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import config from '../../playwright.config.ts';
import { signInInBrowser, type Person } from '../../fixtures/accounts.ts';
import { expectNoSeriousA11yViolations } from '../../fixtures/axe.ts';
import { startDedicatedServer, type DedicatedServer } from '../../fixtures/dedicated-server.ts';
import { fakeMediaArgs, makeFakeMediaFiles } from '../../fixtures/media.ts';
import {
  completeInterview,
  rubricLevels,
  setUpReviewInterview,
  textPrompt,
  videoPrompt,
  type ReviewSetup,
} from '../../fixtures/review-flow.ts';

const baseLaunch = config.use?.launchOptions ?? {};
test.use({
  launchOptions: {
    ...baseLaunch,
    args: [...(baseLaunch.args ?? []), ...fakeMediaArgs(makeFakeMediaFiles(), { grant: true })],
  },
  permissions: ['camera', 'microphone'],
  viewport: { width: 1280, height: 900 },
  baseURL: undefined,
});

const screenshotDir = path.resolve(import.meta.dirname, '../../../.tmp/e2e/screenshots');

let server: DedicatedServer;
test.beforeAll(async () => {
  server = await startDedicatedServer('reviews');
});
test.afterAll(async () => {
  await server?.stop();
});

async function signedInPage(browser: Browser, person: Person): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInInBrowser(page, person);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  return page;
}

const videoOf = (page: Page) => page.getByRole('region', { name: 'Answer to question 1' }).locator('video');
const mediaTime = (page: Page) => videoOf(page).evaluate((v: HTMLVideoElement) => v.currentTime);

async function openReview(page: Page, setup: ReviewSetup, name: string) {
  await page.goto(`/interviews/${setup.interviewId}/review`);
  await expect(page.getByRole('heading', { level: 1, name: `Review: ${setup.title}` })).toBeVisible();
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeFocused();
  // Processing runs in the server's worker; the page checks again on its own until the player is there.
  await expect(videoOf(page)).toBeVisible({ timeout: 90_000 });
}

test('a team reviews, rates, decides, compares, exports and shares a completed interview', async ({
  page,
  browser,
}) => {
  test.setTimeout(360_000);
  const setup = await setUpReviewInterview(server, 2);
  const [ana, ben] = setup.candidates as [ReviewSetup['candidates'][0], ReviewSetup['candidates'][0]];
  await completeInterview(page, ana.link, 'Dear Ana, your close takes nine days. Ours takes two.');
  const second = await browser.newContext({ permissions: ['camera', 'microphone'] });
  await completeInterview(await second.newPage(), ben.link, 'Dear Ben, one line is all it takes.');
  await second.close();

  // The owner assigns the reviewer on the interview page, then opens the review list.
  const owner = await signedInPage(browser, setup.owner);
  await owner.goto(`/interviews/${setup.interviewId}`);
  await owner.getByRole('checkbox', { name: new RegExp(setup.reviewer.name) }).check();
  await owner.getByRole('button', { name: 'Save reviewers' }).click();
  await expect(owner.getByText('Reviewers saved.')).toBeVisible();
  await owner.getByRole('link', { name: 'Review candidates' }).click();
  await expect(owner.getByRole('row', { name: new RegExp(ana.candidate.name) })).toBeVisible();
  await expect(owner.getByRole('row', { name: new RegExp(ben.candidate.name) })).toBeVisible();
  await expectNoSeriousA11yViolations(owner);

  // Play the answer: it has a duration and time moves on (k toggles play in the focused player region).
  await openReview(owner, setup, ana.candidate.name);
  await expect(owner.getByText(videoPrompt)).toBeVisible();
  await expect(owner.getByText('Dear Ana, your close takes nine days. Ours takes two.')).toBeVisible();
  await expect.poll(() => videoOf(owner).evaluate((v: HTMLVideoElement) => v.duration)).toBeGreaterThan(0);
  await owner.getByRole('region', { name: 'Answer to question 1' }).focus();
  await owner.keyboard.press('k');
  await expect.poll(() => mediaTime(owner), { timeout: 10_000 }).toBeGreaterThan(0.5);
  await owner.keyboard.press('k');
  await expect.poll(() => videoOf(owner).evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
  await expectNoSeriousA11yViolations(owner);

  // A comment at 0:03, then a click on it seeks back there.
  await videoOf(owner).evaluate((v: HTMLVideoElement) => {
    v.currentTime = 3;
  });
  await owner.getByLabel('Comment on question 1').fill('Strong opening.');
  await owner.getByRole('button', { name: 'Add comment' }).first().click();
  const stamp = owner.getByRole('button', { name: /^Play from 0:03/ });
  await expect(stamp).toBeVisible();
  await videoOf(owner).evaluate((v: HTMLVideoElement) => {
    v.currentTime = 0;
  });
  await stamp.click();
  await expect.poll(() => mediaTime(owner)).toBeGreaterThanOrEqual(2.9);
  expect(await mediaTime(owner)).toBeLessThan(3.5);

  // Rate against the rubric; the team's ratings are hidden until then. Each score is saved as it is picked.
  const hiddenUntilRated = /show once you have rated/;
  await expect(owner.getByText(hiddenUntilRated).first()).toBeVisible();
  const q1 = owner.getByRole('group', { name: 'Your score for question 1' });
  await expect(q1.getByText(rubricLevels['4'])).toBeVisible();
  await q1.getByRole('radio', { name: new RegExp(rubricLevels['4']) }).check();
  await owner
    .getByRole('group', { name: 'Your score for question 2' })
    .getByRole('radio', { name: '5' })
    .check();
  await owner
    .getByRole('group', { name: 'Overall score (optional)' })
    .getByRole('radio', { name: '4' })
    .check();
  await expect(owner.getByText('Saved', { exact: true })).toHaveCount(3);
  await expect(owner.getByText(hiddenUntilRated)).toHaveCount(0);

  // Decide.
  await owner.getByRole('radio', { name: 'Advance' }).check();
  await owner.getByLabel('Note (optional)').fill('Clear, concrete answer.');
  await owner.getByRole('button', { name: 'Save decision' }).click();
  await expect(owner.getByText('Decision saved: Advance.')).toBeVisible();
  fs.mkdirSync(screenshotDir, { recursive: true });
  await owner.screenshot({ path: path.join(screenshotDir, 'candidate-review-1280.png'), fullPage: true });

  // The reviewer sees the owner's ratings only after rating.
  const reviewer = await signedInPage(browser, setup.reviewer);
  await openReview(reviewer, setup, ana.candidate.name);
  await expect(reviewer.getByText(hiddenUntilRated).first()).toBeVisible();
  await expect(reviewer.getByText(`${setup.owner.name}: 4`)).toHaveCount(0);
  await expect(reviewer.getByRole('button', { name: 'Save decision' })).toHaveCount(0);
  await reviewer
    .getByRole('group', { name: 'Your score for question 1' })
    .getByRole('radio', { name: new RegExp(rubricLevels['3']) })
    .check();
  await reviewer
    .getByRole('group', { name: 'Your score for question 2' })
    .getByRole('radio', { name: '4' })
    .check();
  await expect(reviewer.getByText('Saved', { exact: true })).toHaveCount(2);
  await expect(reviewer.getByText(hiddenUntilRated)).toHaveCount(0);
  await expect(reviewer.getByText(`${setup.owner.name}: 4`).first()).toBeVisible();
  await reviewer.context().close();

  // Compare the two candidates on the video question.
  await owner.goto(`/interviews/${setup.interviewId}/review`);
  await owner.getByRole('checkbox', { name: `Select ${ana.candidate.name}` }).check();
  await owner.getByRole('checkbox', { name: `Select ${ben.candidate.name}` }).check();
  await owner.getByRole('button', { name: 'Compare selected' }).click();
  await expect(owner.getByRole('heading', { level: 1, name: 'Compare candidates' })).toBeVisible();
  await expect(owner.getByRole('heading', { level: 2, name: ana.candidate.name })).toBeVisible();
  await expect(owner.getByRole('heading', { level: 2, name: ben.candidate.name })).toBeVisible();
  await expect(owner.locator('video')).toHaveCount(2, { timeout: 60_000 });
  await owner.getByLabel('Question').selectOption({ label: `2. ${textPrompt}` });
  await expect(owner.getByText('Dear Ben, one line is all it takes.')).toBeVisible();
  await expectNoSeriousA11yViolations(owner);

  // Export the results as CSV, then every rater's scores for calibration.
  await owner.goto(`/interviews/${setup.interviewId}/review`);
  const downloaded = async (link: string) => {
    const [download] = await Promise.all([
      owner.waitForEvent('download'),
      owner.getByRole('link', { name: link }).click(),
    ]);
    return fs
      .readFileSync(await download.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
  };
  const [header, ...rows] = await downloaded('Export results CSV');
  expect(header).toMatch(/^candidate_number,name,email,phone,external_id,status,completed_at,average_score/);
  expect(rows).toHaveLength(2);
  expect(rows.find((r) => r.includes(ana.candidate.name))).toMatch(/advance/);
  const [raterHeader, ...raterRows] = await downloaded('Export scores by rater');
  expect(raterHeader).toMatch(
    /^candidate_number,name,email,phone,external_id,rater,rater_type,rated_at,overall,/,
  );
  expect(raterRows.filter((r) => r.includes(ana.candidate.name))).toHaveLength(2);

  // Share Ana with a signed-out guest, then revoke the link.
  await openReview(owner, setup, ana.candidate.name);
  await owner.getByRole('button', { name: 'Share this candidate' }).click();
  const dialog = owner.getByRole('dialog', { name: 'Share this candidate' });
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const url = await dialog.getByLabel('Share link').inputValue();
  expect(url).toMatch(/\/s\/[\w-]{20,}$/);
  await dialog.getByRole('button', { name: 'Done' }).click();

  const guestContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const guest = await guestContext.newPage();
  await guest.goto(url);
  await expect(guest.getByRole('heading', { level: 1, name: `Shared review: ${setup.title}` })).toBeVisible();
  await expect(guest).toHaveURL(/\/s$/);
  await expect(guest.getByRole('heading', { level: 2, name: ana.candidate.name })).toBeVisible();
  await expect(videoOf(guest)).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => videoOf(guest).evaluate((v: HTMLVideoElement) => v.duration)).toBeGreaterThan(0);
  await expectNoSeriousA11yViolations(guest);

  await owner.getByRole('button', { name: /^Revoke/ }).click();
  await expect(owner.getByText('Share link revoked. It no longer opens.')).toBeVisible();
  await guest.reload();
  await expect(guest.getByRole('heading', { level: 1, name: 'This link does not open' })).toBeVisible();
  await expect(guest.getByText('This share link has been revoked.', { exact: false })).toBeVisible();
  await guest.goto(url);
  await expect(guest.getByText('This share link has been revoked.', { exact: false })).toBeVisible();
  await guestContext.close();
});
