import { expect, test, type Page } from '@playwright/test';
import config from '../../playwright.config.ts';
import {
  inviteToInterview,
  openLinkAndPassChecks,
  threeQuestionPlan,
} from '../../fixtures/candidate-flow.ts';
import { startDedicatedServer, type DedicatedServer } from '../../fixtures/dedicated-server.ts';
import { fakeMediaArgs, makeFakeMediaFiles } from '../../fixtures/media.ts';
import { saveScreenshot } from '../../fixtures/screenshots.ts';

const baseLaunch = config.use?.launchOptions ?? {};
const speaking = makeFakeMediaFiles();
const argsWith = (audio: string) => [
  ...(baseLaunch.args ?? []),
  ...fakeMediaArgs({ ...speaking, audio }, { grant: true }),
];
// Launch options are per worker: the speaking microphone for the file, a silent one in a browser of its own.
test.use({
  launchOptions: { ...baseLaunch, args: argsWith(speaking.audio) },
  permissions: ['camera', 'microphone'],
});

let server: DedicatedServer;
test.beforeAll(async () => {
  server = await startDedicatedServer('devices');
});
test.afterAll(async () => {
  await server?.stop();
});

const videoQuestion = threeQuestionPlan[0]!;
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** From the practice page to the first question's recording, REC showing. */
async function startFirstQuestion(page: Page) {
  await button(page, 'Continue to the questions').click();
  await button(page, 'Start question 1').click();
  await button(page, "I'm ready").click();
  await button(page, 'Start recording').click();
  await expect(page.getByText('REC', { exact: true })).toBeVisible({ timeout: 15_000 });
}

/** The element lies wholly inside the viewport, with no scrolling. */
async function expectInView(
  page: Page,
  what: string,
  box: { x: number; y: number; width: number; height: number } | null,
) {
  const viewport = page.viewportSize()!;
  const scrollY = await page.evaluate(() => window.scrollY);
  expect(box, what).not.toBeNull();
  expect(scrollY, `the page is not scrolled (${what})`).toBe(0);
  expect(box!.y, `${what} starts inside the viewport`).toBeGreaterThanOrEqual(0);
  expect(
    box!.y + box!.height,
    `${what} ends inside ${viewport.width}x${viewport.height}`,
  ).toBeLessThanOrEqual(viewport.height);
  expect(box!.x + box!.width, `${what} fits the width`).toBeLessThanOrEqual(viewport.width);
}

test.describe('with a microphone that hears the candidate', () => {
  test('the question, REC, the timer and Stop are all in view while recording, on laptops and phones', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    const { link } = await inviteToInterview(server, [videoQuestion]);
    await openLinkAndPassChecks(page, link);
    await startFirstQuestion(page);
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1366, height: 768 },
      { width: 1280, height: 800 },
      { width: 375, height: 667 },
    ]) {
      await page.setViewportSize(size);
      await page.evaluate(() => window.scrollTo(0, 0));
      const parts = {
        question: page.getByText(videoQuestion.promptText),
        REC: page.getByText('REC', { exact: true }),
        timer: page.locator('.interview-clock'),
        Stop: button(page, 'Stop recording'),
      };
      for (const [what, locator] of Object.entries(parts)) {
        await expectInView(page, `${what} at ${size.width}x${size.height}`, await locator.boundingBox());
      }
      if (size.width === 1280 && size.height === 720) await saveScreenshot(page, 'recording-1280x720');
      if (size.width === 375) await saveScreenshot(page, 'recording-375x667');
    }
    await button(page, 'Stop recording').click();
  });
});
