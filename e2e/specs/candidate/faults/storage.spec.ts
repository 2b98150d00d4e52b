import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { savedTakesOf } from '../../../fixtures/candidate-flow.ts';
import { startDedicatedServer, type DedicatedServer } from '../../../fixtures/dedicated-server.ts';
import {
  describePage,
  expectOneTakeSavedWhole,
  openQuestion,
  recordMore,
  recordUntil,
  saveAndSubmit,
  startRecording,
  stopRecording,
} from '../../../fixtures/faults/candidate.ts';
import { SmallDisk } from '../../../fixtures/faults/disk.ts';
import { inviteToOneVideoQuestion, type FaultInterview } from '../../../fixtures/faults/interview.ts';
import { faultLaunchOptions } from '../../../fixtures/faults/media.ts';
import { megabit, throttleUplink } from '../../../fixtures/faults/network.ts';
import { serverBusy } from '../../../fixtures/faults/sentences.ts';
import { waitForServerToReceive } from '../../../fixtures/faults/server-files.ts';
import { UploadWatcher } from '../../../fixtures/faults/uploads.ts';

// The server's storage fails under the candidate: its upload folder (media/tmp) is a small disk of its own that
// fills up or turns read-only, and its database stops taking writes for a while. The noisy camera records at a
// real camera's bitrate, so a slow uplink makes the last upload request long.
test.use({ launchOptions: faultLaunchOptions({ noisy: true }), permissions: ['camera', 'microphone'] });

let server: DedicatedServer;
let disk: SmallDisk | null = null;
test.beforeAll(async () => {
  server = await startDedicatedServer('faults-storage', {
    prepareDataDir: (dataDir) => {
      disk = SmallDisk.mount(path.join(dataDir, 'media', 'tmp'), 64);
    },
    releaseDataDir: () => disk?.unmount(),
  });
});
test.afterEach(() => disk?.reset());
test.afterAll(async () => {
  // Unmounted by releaseDataDir once the server has stopped; here too in case it never started.
  await server?.stop();
  disk?.unmount();
});

function smallDisk(): SmallDisk {
  if (!disk) throw new Error('the upload folder is not mounted');
  return disk;
}

async function inviteAndOpen(page: Page): Promise<FaultInterview> {
  const interview = await inviteToOneVideoQuestion(server, { answerSeconds: 120 });
  await openQuestion(page, interview.link);
  return interview;
}

const failedWrites = (uploads: UploadWatcher) => uploads.count((e) => e.status >= 500);

test('the upload folder fills up mid-answer and is freed later: the answer is saved whole', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { employer } = await inviteAndOpen(page);
  await employer.dispose();
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
  const { employer } = await inviteAndOpen(page);
  await employer.dispose();
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
  const { employer } = await inviteAndOpen(page);
  await employer.dispose();
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

test('the upload folder is read-only for 15 s mid-answer: the answer is saved whole', async ({ page }) => {
  test.setTimeout(120_000);
  const { employer } = await inviteAndOpen(page);
  await employer.dispose();
  const uploads = new UploadWatcher(page);
  await startRecording(page);
  await recordUntil(page, 2);
  await waitForServerToReceive(server.dataDir, 1);
  smallDisk().makeReadOnly();
  await recordMore(page, 15);
  smallDisk().makeWritable();
  await recordMore(page, 2);
  await stopRecording(page);
  await expectOneTakeSavedWhole(page, server, { uploads });
});

test('the upload folder is read-only as recording starts, for 15 s: the answer is saved whole', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { employer } = await inviteAndOpen(page);
  await employer.dispose();
  const uploads = new UploadWatcher(page);
  smallDisk().makeReadOnly();
  await startRecording(page);
  await expect.poll(() => failedWrites(uploads), { message: 'the server fails a write' }).toBeGreaterThan(0);
  // The folder stays read-only for the first 15 s of the answer.
  await recordUntil(page, 15);
  smallDisk().makeWritable();
  await recordMore(page, 2);
  await stopRecording(page);
  await expectOneTakeSavedWhole(page, server, { uploads });
});

test("the database cannot write for a while: the server's error does not end the candidate's session", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const interview = await inviteAndOpen(page);
  const uploads = new UploadWatcher(page);
  await startRecording(page);
  await recordUntil(page, 3);
  await stopRecording(page);
  const [saved] = [await expectOneTakeSavedWhole(page, server, { uploads })];

  // A later deadline makes the server renew the candidate's session on their next request: a database write.
  const later = new Date(Date.now() + 10 * 86_400_000).toISOString();
  await interview.employerPost(`/invitations/${interview.invitationId}/extend`, { deadline: later });
  await interview.employer.dispose();
  const cookieNames = async () => (await context.cookies()).map((cookie) => cookie.name);
  expect(await cookieNames()).toContain('oneway_candidate');

  // Another process holds the database's write lock longer than the server waits for it (5 s).
  const database = new Database(path.join(server.dataDir, 'oneway.sqlite'));
  try {
    database.exec('BEGIN IMMEDIATE');
    const answered = page.waitForResponse((res) => res.url().includes('/api/v1/candidate/answers/'));
    await page.getByRole('button', { name: 'Save and continue' }).click();
    expect((await answered).status(), 'the server fails to save the answer').toBeGreaterThanOrEqual(500);
    await expect(page.getByRole('alert')).toBeVisible();
  } finally {
    database.exec('ROLLBACK');
    database.close();
  }
  expect(await cookieNames(), "a server error cleared the candidate's session cookie").toContain(
    'oneway_candidate',
  );

  // The database writes again: trying again works, in the same session.
  await saveAndSubmit(page).catch(async (error: unknown) => {
    throw new Error(`${String(error)}\nThe page says: ${await describePage(page)}`);
  });
  expect(await savedTakesOf(page)).toEqual([saved]);
});
