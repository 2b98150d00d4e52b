import { expect, test, type Page } from '@playwright/test';
import config from '../../playwright.config.ts';
import { signInInBrowser } from '../../fixtures/accounts.ts';
import { startDedicatedServer, type DedicatedServer } from '../../fixtures/dedicated-server.ts';
import { fakeMediaArgs, makeFakeMediaFiles } from '../../fixtures/media.ts';
import { completeInterview, setUpReviewInterview } from '../../fixtures/review-flow.ts';

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

/** Short enough to pass while the test watches, long enough for a page to load a player. */
const lifetimeSeconds = 15;

let server: DedicatedServer;
test.beforeAll(async () => {
  server = await startDedicatedServer('media-renewal', {
    env: { MEDIA_URL_LIFETIME_SECONDS: String(lifetimeSeconds), SEED_DEMO: 'false' },
  });
});
test.afterAll(async () => {
  await server?.stop();
});

const videoOf = (page: Page) => page.getByRole('region', { name: 'Answer to question 1' }).locator('video');
const mediaTime = (page: Page) => videoOf(page).evaluate((v: HTMLVideoElement) => v.currentTime);

test('a player left open past the lifetime of its address still plays, from where it was', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const setup = await setUpReviewInterview(server, 1);
  const [ana] = setup.candidates;
  const candidate = await browser.newContext({ permissions: ['camera', 'microphone'], baseURL: server.url });
  await completeInterview(await candidate.newPage(), ana?.link ?? '', 'Dear CFO, one line.');
  await candidate.close();

  const reviewer = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
  const owner = await reviewer.newPage();
  const issued: { url: string; expiresAt: string }[] = [];
  owner.on('response', (res) => {
    if (/\/takes\/[^/]+\/playback$/.test(new URL(res.url()).pathname) && res.ok()) {
      void res.json().then((body: { url: string; expiresAt: string }) => issued.push(body));
    }
  });
  await signInInBrowser(owner, setup.owner);
  await expect(owner.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await owner.goto(`/interviews/${setup.interviewId}/review`);
  await owner.getByRole('link', { name: ana?.candidate.name ?? '' }).click();
  await expect(videoOf(owner)).toBeVisible({ timeout: 90_000 });
  await expect.poll(() => videoOf(owner).evaluate((v: HTMLVideoElement) => v.duration)).toBeGreaterThan(3);
  await videoOf(owner).evaluate((v: HTMLVideoElement) => {
    v.currentTime = 2;
  });
  await expect.poll(() => mediaTime(owner)).toBeGreaterThanOrEqual(1.9);

  // Leave the page alone until the first address has run out.
  await expect.poll(() => issued.length).toBeGreaterThan(0);
  const first = issued[0] ?? { url: '', expiresAt: '' };
  await expect
    .poll(() => Date.now() > Date.parse(first.expiresAt) + 1000, { timeout: (lifetimeSeconds + 15) * 1000 })
    .toBe(true);

  // The player holds an address issued after the first, and is still at 0:02.
  await expect
    .poll(() => videoOf(owner).evaluate((v: HTMLVideoElement) => new URL(v.currentSrc).pathname))
    .not.toBe(first.url);
  expect(await mediaTime(owner)).toBeGreaterThanOrEqual(1.9);

  // Play: it goes on from 0:02, with no error.
  await owner.getByRole('region', { name: 'Answer to question 1' }).focus();
  await owner.keyboard.press('k');
  await expect.poll(() => mediaTime(owner), { timeout: 15_000 }).toBeGreaterThan(2.5);
  expect(await videoOf(owner).evaluate((v: HTMLVideoElement) => v.error)).toBeNull();
  await expect(owner.getByRole('alert')).toHaveCount(0);
  await reviewer.close();
});
