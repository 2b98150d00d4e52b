import { expect, test, type Page } from '@playwright/test';
import { startDedicatedServer, type DedicatedServer } from '../../../fixtures/dedicated-server.ts';
import {
  expectOneTakeSavedWhole,
  openQuestion,
  recLabel,
  recordMore,
  recordUntil,
  startRecording,
  stopRecording,
} from '../../../fixtures/faults/candidate.ts';
import { inviteToOneVideoQuestion } from '../../../fixtures/faults/interview.ts';
import { faultLaunchOptions } from '../../../fixtures/faults/media.ts';
import { megabit, throttleUplink } from '../../../fixtures/faults/network.ts';
import { waitForServerToReceive } from '../../../fixtures/faults/server-files.ts';
import { UploadWatcher } from '../../../fixtures/faults/uploads.ts';

// The server stops under the candidate: its own server, restarted and killed. The noisy camera records at a real
// camera's bitrate, so a slow uplink makes the last upload request long enough to be interrupted.
test.use({ launchOptions: faultLaunchOptions({ noisy: true }), permissions: ['camera', 'microphone'] });

let server: DedicatedServer;
test.beforeAll(async () => {
  server = await startDedicatedServer('faults-server-crash');
});
test.afterAll(async () => {
  await server?.stop();
});

// Two minutes to answer: a restart takes half a minute on a loaded machine, and the answer must not reach its
// limit meanwhile.
const answerSeconds = 120;

async function startAnswer(page: Page) {
  const { link, employer } = await inviteToOneVideoQuestion(server, { answerSeconds });
  await employer.dispose();
  await openQuestion(page, link);
  const uploads = new UploadWatcher(page);
  await startRecording(page);
  return uploads;
}

test('the server is killed (SIGKILL) mid-answer and started again: recording goes on and the answer is saved whole', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const uploads = await startAnswer(page);
  await recordUntil(page, 2);
  await waitForServerToReceive(server.dataDir, 1);
  await server.crash();
  await recordMore(page, 3);
  await expect(recLabel(page)).toBeVisible();
  await server.start();
  await recordMore(page, 2);
  await stopRecording(page);
  await expectOneTakeSavedWhole(page, server, { uploads });
});

test('a clean restart of the server mid-answer: the answer is saved whole', async ({ page }) => {
  test.setTimeout(120_000);
  const uploads = await startAnswer(page);
  await recordUntil(page, 2);
  await server.restart();
  await recordMore(page, 2);
  await stopRecording(page);
  await expectOneTakeSavedWhole(page, server, { uploads });
});

test('the server is killed during the last upload request (0.5 Mbit/s): the answer is still saved whole', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const { link, employer } = await inviteToOneVideoQuestion(server, { answerSeconds });
  await employer.dispose();
  await openQuestion(page, link);
  await throttleUplink(page, 0.5 * megabit);
  const uploads = new UploadWatcher(page);
  await startRecording(page);
  await recordUntil(page, 5);
  const lastPatch = uploads.nextLastPatch();
  await stopRecording(page);
  await lastPatch;
  // Part of the last request's bytes are on the server's disk, the rest still on their way.
  await waitForServerToReceive(server.dataDir, 64 * 1024);
  await server.crash();
  await server.start();
  await expectOneTakeSavedWhole(page, server, { uploads, timeout: 120_000 });
});
