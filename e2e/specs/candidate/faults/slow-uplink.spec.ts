import { expect, test } from '@playwright/test';
import {
  expectOneTakeSavedWhole,
  openQuestion,
  recordUntil,
  startRecording,
  stopRecording,
} from '../../../fixtures/faults/candidate.ts';
import { inviteToOneVideoQuestion, sharedServer } from '../../../fixtures/faults/interview.ts';
import { faultLaunchOptions } from '../../../fixtures/faults/media.ts';
import { megabit, throttleUplink } from '../../../fixtures/faults/network.ts';
import { UploadWatcher } from '../../../fixtures/faults/uploads.ts';

// Slow uplinks: the camera records at a real camera's bitrate (about 2.5 Mbit/s), so the upload falls behind.
test.use({ launchOptions: faultLaunchOptions({ noisy: true }), permissions: ['camera', 'microphone'] });
test.describe.configure({ mode: 'parallel' });

const server = sharedServer();

for (const uplink of [1, 0.5]) {
  test(`a ${uplink} Mbit/s uplink: the answer is saved whole once the upload catches up`, async ({
    page,
  }) => {
    test.setTimeout(150_000);
    const { link, employer } = await inviteToOneVideoQuestion(server, { answerSeconds: 30 });
    await employer.dispose();
    await openQuestion(page, link);
    await throttleUplink(page, uplink * megabit);
    const uploads = new UploadWatcher(page);
    await startRecording(page);
    await recordUntil(page, 6);
    await stopRecording(page);
    await expect(page.getByText('Saving…', { exact: true })).toBeVisible();
    await expectOneTakeSavedWhole(page, server, { uploads, timeout: 100_000 });
  });
}

test('at 0.5 Mbit/s the progress shown moves with the bytes sent during the last upload request, then "Saved"', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const { link, employer } = await inviteToOneVideoQuestion(server, { answerSeconds: 30 });
  await employer.dispose();
  await openQuestion(page, link);
  await throttleUplink(page, 0.5 * megabit);
  const uploads = new UploadWatcher(page);
  await startRecording(page);
  await recordUntil(page, 5);
  const lastPatch = uploads.nextLastPatch();
  await stopRecording(page);
  const progress = page.getByRole('progressbar', { name: 'Upload progress' });
  await expect(progress).toBeVisible();
  // Every value the bar takes, noted by the page itself as it changes.
  await progress.evaluate((bar: HTMLProgressElement) => {
    const seen: number[] = [];
    (window as unknown as { progressSeen: number[] }).progressSeen = seen;
    const note = () => {
      if (seen[seen.length - 1] !== bar.value) seen.push(bar.value);
    };
    note();
    new MutationObserver(note).observe(bar, { attributes: true });
  });
  const seenSoFar = () => page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);

  const request = await lastPatch;
  const before = (await seenSoFar()).length;
  await request.response();
  const during = (await seenSoFar()).slice(before).filter((value) => value < 100);
  // The last request carries seconds of recording at this speed: the bar moves while it goes, not only at its end.
  expect(
    during.length,
    `values the bar took while the last request was sent: ${during.join(', ')}`,
  ).toBeGreaterThanOrEqual(3);
  await expectOneTakeSavedWhole(page, server, { uploads, timeout: 100_000 });
});
