import { expect, test, type Page } from '@playwright/test';
import config from '../../playwright.config.ts';
import { expectNoSeriousA11yViolations } from '../../fixtures/axe.ts';
import {
  expectSaved,
  inviteToInterview,
  openLinkAndPassChecks,
  threeQuestionPlan,
} from '../../fixtures/candidate-flow.ts';
import { startDedicatedServer, type DedicatedServer } from '../../fixtures/dedicated-server.ts';
import { fakeMediaArgs, makeFakeMediaFiles, makeSilentAudioFile } from '../../fixtures/media.ts';
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
    await expectSaved(page);
    // The speaking microphone was heard: no warning about a silent take.
    await expect(page.getByText('We could not hear you — record again?')).toHaveCount(0);
  });
});

/** From the e-mailed link through consent to the device check. */
async function openDeviceCheck(page: Page, link: string) {
  await page.goto(link);
  await page.getByRole('link', { name: 'Continue' }).click();
  await page.getByRole('checkbox', { name: 'I agree to be recorded for this interview' }).check();
  await button(page, 'I agree, continue').click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Check your camera and microphone' }),
  ).toBeVisible();
}

test('the device check says the microphone works once it has heard the candidate', async ({ page }) => {
  const { link } = await inviteToInterview(server, [videoQuestion]);
  await openDeviceCheck(page, link);
  await expect(page.getByTestId('microphone-result')).toHaveText('We can hear you.', { timeout: 20_000 });
  await expect(page.getByText('Your camera and microphone are working.')).toBeVisible();
  await expect(button(page, 'Continue')).toBeEnabled();
});

test('a silent microphone is caught in the device check and after a silent answer, without blocking', async ({
  playwright,
}) => {
  test.setTimeout(120_000);
  // A browser of its own, whose fake microphone plays digital silence.
  const browser = await playwright.chromium.launch({
    ...baseLaunch,
    args: argsWith(makeSilentAudioFile()),
  });
  try {
    const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
    const page = await context.newPage();
    const { link } = await inviteToInterview(server, [videoQuestion]);
    await openDeviceCheck(page, link);
    await expect(page.getByTestId('microphone-result')).toContainText('Say something…', { timeout: 20_000 });
    // Said once, where the microphone is; the page's status only points there.
    await expect(page.getByText(/Say something/)).toHaveCount(1);
    const continueAnyway = button(page, 'Continue anyway');
    await expect(continueAnyway).toBeEnabled();
    // Not a wait for work: two seconds of readings in which a wrong "working" would have shown.
    await page.waitForTimeout(2_000);
    await expect(page.getByText('Your camera and microphone are working.')).toHaveCount(0);
    await expect(page.getByText('We can hear you.')).toHaveCount(0);
    await saveScreenshot(page, 'device-check-silent-microphone');
    await expectNoSeriousA11yViolations(page);
    await continueAnyway.click();

    await startFirstQuestion(page);
    await page.waitForTimeout(3_000);
    await button(page, 'Stop recording').click();
    const warning = page.getByRole('alert').filter({ hasText: 'We could not hear you — record again?' });
    await expect(warning).toBeVisible({ timeout: 15_000 });
    await expect(warning).toContainText('Recording again uses one of your takes');
    await expectSaved(page);
    await saveScreenshot(page, 'silent-answer-warning');
    await expectNoSeriousA11yViolations(page);
    // The candidate chooses to go on: the take is kept and is the answer.
    await button(page, 'Keep this take').click();
    await expect(warning).toHaveCount(0);
    await button(page, 'Save and continue').click();
    await expect(page).toHaveURL(/\/interview\/review$/);
  } finally {
    await browser.close();
  }
});

/** The deviceId of the microphone the question page's stream uses (the preview's stream is the one recorded). */
const microphoneInUse = (page: Page) =>
  page.evaluate(() => {
    const video = document.querySelector<HTMLVideoElement>('video.interview-preview');
    const stream = video?.srcObject instanceof MediaStream ? video.srcObject : null;
    return stream?.getAudioTracks()[0]?.getSettings().deviceId ?? null;
  });

test('the microphone chosen on the device check is the one the question records, and can be changed there', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { link } = await inviteToInterview(server, [videoQuestion]);
  await openDeviceCheck(page, link);
  await expect(page.getByTestId('microphone-result')).toHaveText('We can hear you.', { timeout: 20_000 });

  // A choice from an earlier visit whose device is gone: the default opens, and the candidate is told.
  await page.evaluate(() =>
    sessionStorage.setItem('oneway.devices', JSON.stringify({ cameraId: null, microphoneId: 'unplugged' })),
  );
  await page.reload();
  await expect(page.getByText('The camera or microphone you chose is no longer available')).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByTestId('microphone-result')).toHaveText('We can hear you.', { timeout: 20_000 });

  const select = page.getByRole('combobox', { name: 'Microphone', exact: true });
  const ids = await select
    .locator('option')
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  expect(ids.length, 'Chromium’s fake devices list more than one microphone').toBeGreaterThan(1);
  const second = ids[1]!;
  expect(await select.inputValue()).not.toBe(second);
  await select.selectOption(second);
  await expect(page.getByTestId('microphone-result')).toHaveText('We can hear you.', { timeout: 20_000 });
  await button(page, 'Continue').click();

  await button(page, 'Continue to the questions').click();
  await button(page, 'Start question 1').click();
  await button(page, "I'm ready").click();
  await expect(button(page, 'Start recording')).toBeEnabled();
  await expect.poll(() => microphoneInUse(page)).toBe(second);
  const picker = page.getByRole('combobox', { name: 'Microphone', exact: true });
  await expect(picker).toHaveValue(second);
  await saveScreenshot(page, 'question-device-picker');
  await expectNoSeriousA11yViolations(page);

  // Changed on the question page, before recording: the new one is used and kept for the next questions.
  const first = ids[0]!;
  await picker.selectOption(first);
  await expect.poll(() => microphoneInUse(page)).toBe(first);
  expect(await page.evaluate(() => sessionStorage.getItem('oneway.devices'))).toContain(first);

  await button(page, 'Start recording').click();
  await expect(page.getByText('REC', { exact: true })).toBeVisible({ timeout: 15_000 });
  expect(await microphoneInUse(page)).toBe(first);
  // Never while recording: the picker is gone.
  await expect(page.getByRole('combobox', { name: 'Microphone', exact: true })).toHaveCount(0);
  await button(page, 'Stop recording').click();
  await expectSaved(page);
});
