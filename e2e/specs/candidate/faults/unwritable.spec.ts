import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { savedTakesOf } from '../../../fixtures/candidate-flow.ts';
import {
  expectOneTakeSavedWhole,
  openQuestion,
  recordMore,
  recordUntil,
  saveAndSubmit,
  startRecording,
  stopRecording,
} from '../../../fixtures/faults/candidate.ts';
import { inviteToOneVideoQuestion, type FaultInterview } from '../../../fixtures/faults/interview.ts';
import { faultLaunchOptions } from '../../../fixtures/faults/media.ts';
import { waitForServerToReceive } from '../../../fixtures/faults/server-files.ts';
import { useServerWithUploadDisk } from '../../../fixtures/faults/upload-disk-server.ts';
import { UploadWatcher } from '../../../fixtures/faults/uploads.ts';

// The server cannot write for a while: its upload folder (media/tmp, a small disk of its own) turns read-only,
// or its database stops taking writes.
test.use({ launchOptions: faultLaunchOptions(), permissions: ['camera', 'microphone'] });

const serverWithDisk = useServerWithUploadDisk('faults-unwritable');
const smallDisk = () => serverWithDisk().disk;

async function inviteAndOpen(page: Page): Promise<FaultInterview> {
  const interview = await inviteToOneVideoQuestion(serverWithDisk().server, { answerSeconds: 120 });
  await openQuestion(page, interview.link);
  return interview;
}

const failedWrites = (uploads: UploadWatcher) => uploads.count((e) => e.status >= 500);

test('the upload folder is read-only for 15 s mid-answer: the answer is saved whole', async ({ page }) => {
  test.setTimeout(120_000);
  const { employer } = await inviteAndOpen(page);
  await employer.dispose();
  const { server } = serverWithDisk();
  const uploads = new UploadWatcher(page);
  await startRecording(page);
  await recordUntil(page, 2);
  await waitForServerToReceive(server.dataDir, 1);
  // New files and records fail; the upload file the server already holds open keeps taking bytes, as it would.
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
  const { server } = serverWithDisk();
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
  const { server } = serverWithDisk();
  const uploads = new UploadWatcher(page);
  await startRecording(page);
  await recordUntil(page, 3);
  await stopRecording(page);
  const saved = await expectOneTakeSavedWhole(page, server, { uploads });

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
  await saveAndSubmit(page);
  expect(await savedTakesOf(page)).toEqual([saved]);
});
