import { expect, test, type Page } from '@playwright/test';
import {
  expectOneTakeSavedWhole,
  openQuestion,
  recordMore,
  recordUntil,
  startRecording,
  stopRecording,
} from '../../../fixtures/faults/candidate.ts';
import { inviteToOneVideoQuestion } from '../../../fixtures/faults/interview.ts';
import { faultLaunchOptions } from '../../../fixtures/faults/media.ts';
import { megabit, throttleUplink } from '../../../fixtures/faults/network.ts';
import { serverBusy } from '../../../fixtures/faults/sentences.ts';
import { waitForServerToReceive } from '../../../fixtures/faults/server-files.ts';
import { useServerWithUploadDisk } from '../../../fixtures/faults/upload-disk-server.ts';
import { UploadWatcher } from '../../../fixtures/faults/uploads.ts';

// The server's upload folder (media/tmp) is a small disk of its own that fills up under the candidate. The noisy
// camera records at a real camera's bitrate, so a slow uplink makes the last upload request long.
test.use({ launchOptions: faultLaunchOptions({ noisy: true }), permissions: ['camera', 'microphone'] });

const serverWithDisk = useServerWithUploadDisk('faults-full-disk');
const smallDisk = () => serverWithDisk().disk;

async function inviteAndOpen(page: Page): Promise<void> {
  const { server } = serverWithDisk();
  const interview = await inviteToOneVideoQuestion(server, { answerSeconds: 120 });
  await interview.employer.dispose();
  await openQuestion(page, interview.link);
}

const failedWrites = (uploads: UploadWatcher) => uploads.count((e) => e.status >= 500);

test('the upload folder fills up mid-answer and is freed later: the answer is saved whole', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await inviteAndOpen(page);
  const { server } = serverWithDisk();
  const uploads = new UploadWatcher(page);
  await startRecording(page);
  await recordUntil(page, 2);
  smallDisk().fill();
  await expect.poll(() => failedWrites(uploads), { message: 'the server fails a write' }).toBeGreaterThan(0);
  await recordMore(page, 2);
  smallDisk().free();
  await recordMore(page, 2);
  await stopRecording(page);
  await expectOneTakeSavedWhole(page, server, { uploads });
});

test('a full upload folder: the candidate is told the server is busy and the answer is kept, then saved once there is room', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await inviteAndOpen(page);
  const { server } = serverWithDisk();
  const uploads = new UploadWatcher(page);
  await startRecording(page);
  await recordUntil(page, 2);
  smallDisk().fill();
  await expect.poll(() => failedWrites(uploads), { message: 'the server fails a write' }).toBeGreaterThan(0);
  await expect(page.getByRole('status').filter({ hasText: serverBusy })).toHaveText(serverBusy, {
    timeout: 20_000,
  });
  smallDisk().free();
  await recordMore(page, 2);
  await stopRecording(page);
  await expectOneTakeSavedWhole(page, server, { uploads });
  await expect(page.getByText(serverBusy)).toHaveCount(0);
});

test('the upload folder fills up during the last upload request (0.5 Mbit/s) and is freed later: the answer is saved whole', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await inviteAndOpen(page);
  const { server } = serverWithDisk();
  await throttleUplink(page, 0.5 * megabit);
  const uploads = new UploadWatcher(page);
  await startRecording(page);
  await recordUntil(page, 5);
  const lastPatch = uploads.nextLastPatch();
  await stopRecording(page);
  await lastPatch;
  await waitForServerToReceive(server.dataDir, 64 * 1024);
  smallDisk().fill();
  await expect.poll(() => failedWrites(uploads), { message: 'the server fails a write' }).toBeGreaterThan(0);
  smallDisk().free();
  await expectOneTakeSavedWhole(page, server, { uploads, timeout: 120_000 });
});
