import { expect, test, type Page } from '@playwright/test';
import {
  expectOneTakeSavedWhole,
  openQuestion,
  recLabel,
  recordMore,
  recordUntil,
  saveAndSubmit,
  startRecording,
  stopRecording,
  storedSeconds,
} from '../../../fixtures/faults/candidate.ts';
import { inviteToOneVideoQuestion, sharedServer } from '../../../fixtures/faults/interview.ts';
import { faultLaunchOptions } from '../../../fixtures/faults/media.ts';
import { UploadWatcher } from '../../../fixtures/faults/uploads.ts';

// What happens to the page itself: a reload, a tab in the background, a clock that is wrong or jumps. The server
// is the run's shared one: nothing here stops or breaks it, and each test has its own candidate.
test.use({ launchOptions: faultLaunchOptions(), permissions: ['camera', 'microphone'] });
test.describe.configure({ mode: 'parallel' });

const server = sharedServer();
const minute = 60_000;

async function openNewQuestion(page: Page, answerSeconds = 30) {
  const { link, employer } = await inviteToOneVideoQuestion(server, { answerSeconds });
  await employer.dispose();
  await openQuestion(page, link);
}

test('a reload in the middle of an answer offers the recording kept so far, and saves it whole', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openNewQuestion(page);
  await startRecording(page);
  await recordUntil(page, 6);
  await page.reload();
  await expect(page.getByText(/^We kept \d+ seconds? of your last recording\.$/)).toBeVisible({
    timeout: 15_000,
  });
  const uploads = new UploadWatcher(page);
  await page.getByRole('button', { name: 'Use the recovered recording' }).click();
  const take = await expectOneTakeSavedWhole(page, server, { uploads });
  // Every second recorded before the reload but the last one or two (not yet on the device) is there.
  expect(storedSeconds(server, take.takeId)).toBeGreaterThanOrEqual(4);
});

/**
 * Tells the page it is hidden (or visible again) as a browser does for a tab in the background: visibilityState,
 * `hidden`, and the visibilitychange and blur/focus events the page's handlers listen to. A real background tab
 * cannot be had here: headless Chromium keeps every tab visible, and so did a headed one under Xvfb with the
 * test attached (checked), so the browser's own throttling of background timers is not part of this test.
 */
async function setTabHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((isHidden) => {
    if (isHidden) {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    } else {
      // Back to the prototype's getters: the real state (visible).
      Reflect.deleteProperty(document, 'visibilityState');
      Reflect.deleteProperty(document, 'hidden');
    }
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    window.dispatchEvent(new Event(isHidden ? 'blur' : 'focus'));
  }, hidden);
}

test('the tab goes to the background mid-answer and comes back: recording goes on and the answer is saved whole', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openNewQuestion(page);
  const uploads = new UploadWatcher(page);
  await startRecording(page);
  await recordUntil(page, 2);
  await setTabHidden(page, true);
  await recordMore(page, 6);
  // Coming back makes the page ask for the interview again (its focus refresh): it must not touch the recording.
  const refreshed = page.waitForResponse((res) => res.url().endsWith('/api/v1/candidate/interview'));
  await setTabHidden(page, false);
  await refreshed;
  await recordMore(page, 1);
  await expect(recLabel(page)).toBeVisible();
  await stopRecording(page);
  const take = await expectOneTakeSavedWhole(page, server, { uploads });
  expect(storedSeconds(server, take.takeId)).toBeGreaterThanOrEqual(8);
});

test("a clock 10 minutes fast on the candidate's computer: the answer is saved whole and the interview submitted", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.clock.install({ time: Date.now() + 10 * minute });
  await openNewQuestion(page);
  const uploads = new UploadWatcher(page);
  await startRecording(page);
  await recordUntil(page, 5);
  await stopRecording(page);
  await expectOneTakeSavedWhole(page, server, { uploads });
  await saveAndSubmit(page);
});

test("the computer's clock jumps 10 minutes ahead 10 s into an answer: recording goes on to its real limit", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Date.now() is the page's wall clock; performance.now() keeps counting as before (checked: setSystemTime
  // moves the first only), as after an NTP correction or a laptop waking up.
  await page.clock.install();
  await openNewQuestion(page, 30);
  const uploads = new UploadWatcher(page);
  await startRecording(page);
  await recordUntil(page, 10);
  await page.clock.setSystemTime(Date.now() + 10 * minute);
  // The candidate goes on speaking for four seconds (of the 30 s allowed).
  await page.waitForTimeout(4_000);
  await expect(recLabel(page), 'still recording after the clock jumped').toBeVisible();
  await stopRecording(page);
  const take = await expectOneTakeSavedWhole(page, server, { uploads });
  expect(storedSeconds(server, take.takeId)).toBeGreaterThanOrEqual(13);
});
