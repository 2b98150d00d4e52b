import { expect, test } from '@playwright/test';
import {
  expectOneTakeSavedWhole,
  openQuestion,
  recordUntil,
  startRecording,
  stopRecording,
  storedSeconds,
} from '../../../fixtures/faults/candidate.ts';
import { inviteToOneVideoQuestion, sharedServer } from '../../../fixtures/faults/interview.ts';
import { faultLaunchOptions } from '../../../fixtures/faults/media.ts';
import { UploadWatcher } from '../../../fixtures/faults/uploads.ts';

// A long untimed answer (90 s here; the first round tried 8 minutes, too long for CI) by a candidate with no time
// limits (an accommodation): the upload keeps up for the whole recording and the file is whole. Its own file so
// it runs beside the shorter faults.
test.use({ launchOptions: faultLaunchOptions(), permissions: ['camera', 'microphone'] });

const server = sharedServer();

test('a 90 s untimed answer is saved whole', async ({ page }) => {
  test.setTimeout(240_000);
  const { link, employer } = await inviteToOneVideoQuestion(server, { answerSeconds: 30, untimed: true });
  await employer.dispose();
  await openQuestion(page, link);
  const uploads = new UploadWatcher(page);
  await startRecording(page);
  await expect(page.getByText('There is no time limit. Stop when you have finished.')).toBeVisible();
  await recordUntil(page, 90);
  await stopRecording(page);
  const take = await expectOneTakeSavedWhole(page, server, { uploads });
  expect(storedSeconds(server, take.takeId)).toBeGreaterThanOrEqual(88);
});
