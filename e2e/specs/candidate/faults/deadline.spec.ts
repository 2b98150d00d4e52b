import { expect, test, type Locator } from '@playwright/test';
import {
  expectOneTakeSavedWhole,
  openQuestion,
  recordUntil,
  saveAndSubmit,
  startRecordingFromReady,
  stopRecording,
  storedSeconds,
} from '../../../fixtures/faults/candidate.ts';
import { inviteToOneVideoQuestion, sharedServer } from '../../../fixtures/faults/interview.ts';
import { faultLaunchOptions } from '../../../fixtures/faults/media.ts';
import { deadlineStillCounts, deadlineWarning } from '../../../fixtures/faults/sentences.ts';
import { UploadWatcher } from '../../../fixtures/faults/uploads.ts';

// The deadline passes while the candidate records. The server is the run's shared one (the deadline is the
// invitation's own), and the candidate is new.
test.use({ launchOptions: faultLaunchOptions(), permissions: ['camera', 'microphone'] });

const server = sharedServer();

/** Waits up to `ms` for `locator` to show; whether it did. */
async function showsWithin(locator: Locator, ms: number): Promise<boolean> {
  return locator.waitFor({ state: 'visible', timeout: ms }).then(
    () => true,
    () => false,
  );
}

test('an answer started 15 s before the deadline: the candidate is warned, it records past the deadline, and is saved and submitted', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // A deadline a minute away: time to open the link and reach the question, even on a loaded machine.
  const deadline = Date.now() + 60_000;
  const { link, employer } = await inviteToOneVideoQuestion(server, {
    answerSeconds: 30,
    deadline: new Date(deadline).toISOString(),
  });
  await employer.dispose();
  await openQuestion(page, link);
  const secondsLeft = (deadline - Date.now()) / 1000;
  expect(secondsLeft, 'time left to start before the deadline (the machine is too slow)').toBeGreaterThan(20);
  // The candidate starts the question 15 s before the deadline, with a 30 s answer.
  await page.waitForTimeout(deadline - 15_000 - Date.now());

  const warning = page.getByText(deadlineWarning, { exact: true });
  const warnedOnIntro = await showsWithin(warning, 2_000);
  await page.getByRole('button', { name: 'Start question 1' }).click();
  const warnedWhenReady = await showsWithin(warning, 2_000);
  // Soft: the rest of the answer is worth checking even when the warning is missing.
  expect.soft(warnedOnIntro || warnedWhenReady, `"${deadlineWarning}" before starting`).toBe(true);
  if (warnedOnIntro || warnedWhenReady) {
    expect.soft(await page.getByText(deadlineStillCounts, { exact: true }).isVisible()).toBe(true);
  }

  const uploads = new UploadWatcher(page);
  await startRecordingFromReady(page);
  expect(Date.now(), 'recording started before the deadline').toBeLessThan(deadline);
  // Ten seconds past the deadline, by the recording's own clock.
  await recordUntil(page, 25);
  expect(Date.now()).toBeGreaterThan(deadline);
  await stopRecording(page);
  const take = await expectOneTakeSavedWhole(page, server, { uploads });
  expect(storedSeconds(server, take.takeId)).toBeGreaterThanOrEqual(24);
  await saveAndSubmit(page);
});
