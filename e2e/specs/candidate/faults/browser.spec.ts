import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { savedTakesOf } from '../../../fixtures/candidate-flow.ts';
import {
  expectOneTakeSavedWhole,
  expectShown,
  openQuestion,
  recLabel,
  recordMore,
  recordUntil,
  startRecording,
  startRecordingFromReady,
  stopRecording,
  storedSeconds,
} from '../../../fixtures/faults/candidate.ts';
import { inviteToOneVideoQuestion, sharedServer } from '../../../fixtures/faults/interview.ts';
import { faultLaunchOptions } from '../../../fixtures/faults/media.ts';
import { SmallDisk } from '../../../fixtures/faults/disk.ts';
import { launchOwnBrowser, type OwnBrowser } from '../../../fixtures/faults/own-browser.ts';
import {
  localCopyFailing,
  otherTab,
  recordingElsewhere,
  takeOverButton,
  takenOver,
} from '../../../fixtures/faults/sentences.ts';
import { UploadWatcher } from '../../../fixtures/faults/uploads.ts';

// What happens in the candidate's browser: it crashes, its storage fills up, a second tab or a second device
// joins in. The server is the run's shared one: nothing here stops or breaks it, and each test has its own
// candidate.
const launchOptions = faultLaunchOptions();
test.use({ launchOptions, permissions: ['camera', 'microphone'] });
test.describe.configure({ mode: 'parallel' });

const server = sharedServer();

/**
 * Writes 64 KB to an IndexedDB database of its own, opened for it (a write to a database opened before the disk
 * filled can still pass: checked). Resolves with the error's name, 'ok', or 'no answer' when neither the opening nor
 * the write answers within 10 s: on a full disk Chromium at times never answers the opening (seen in CI).
 */
function tryWritingToIndexedDb(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        setTimeout(() => resolve('no answer'), 10_000);
        const opening = indexedDB.open('oneway-e2e-quota-probe', 1);
        opening.onupgradeneeded = () => opening.result.createObjectStore('probe');
        opening.onerror = () => resolve(opening.error?.name ?? 'error');
        opening.onsuccess = () => {
          const tx = opening.result.transaction('probe', 'readwrite');
          tx.objectStore('probe').put(new Uint8Array(64 * 1024), 'bytes');
          tx.oncomplete = () => resolve('ok');
          tx.onabort = () => resolve(tx.error?.name ?? 'aborted');
        };
      }),
  );
}

async function openNewQuestion(page: Page, answerSeconds = 60) {
  const interview = await inviteToOneVideoQuestion(server, { answerSeconds });
  await interview.employer.dispose();
  await openQuestion(page, interview.link);
  return interview;
}

test('the browser is killed mid-answer: started again on the same profile, it offers the recording kept and saves it whole', async ({
  browserName,
}, testInfo) => {
  test.setTimeout(150_000);
  expect(browserName).toBe('chromium');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'oneway-e2e-profile-'));
  const log = testInfo.outputPath('chromium.log');
  let own = await launchOwnBrowser(profile, launchOptions, log);
  try {
    const first = await own.context.newPage();
    const { link } = await openNewQuestion(first);
    await startRecording(first);
    await recordUntil(first, 6);
    await own.crash();

    own = await launchOwnBrowser(profile, launchOptions, log);
    const page = await own.context.newPage();
    // The session may or may not have survived the crash: the e-mailed link opens the interview either way.
    await page.goto(link);
    await page.goto(new URL('/interview/questions/1', link).href);
    await expectShown(page, page.getByText(/^We kept \d+ seconds? of your last recording\.$/), 45_000);
    const uploads = new UploadWatcher(page);
    await page.getByRole('button', { name: 'Use the recovered recording' }).click();
    const take = await expectOneTakeSavedWhole(page, server, { uploads });
    expect(storedSeconds(server, take.takeId)).toBeGreaterThanOrEqual(4);
  } finally {
    await own.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test("the device's storage fills up mid-answer: the candidate is told the copy on the device stopped, and the answer is still saved whole", async ({
  browserName,
}, testInfo) => {
  test.setTimeout(150_000);
  expect(browserName).toBe('chromium');
  // The browser's profile (IndexedDB with it) on a small disk of its own, filled once recording runs. Chromium's
  // quota override (Storage.overrideQuotaForOrigin) changes nothing in this version: checked, writes still pass.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'oneway-e2e-profile-'));
  const disk = SmallDisk.mount(profile, 256);
  let own: OwnBrowser | null = null;
  try {
    own = await launchOwnBrowser(
      path.join(profile, 'chromium'),
      launchOptions,
      testInfo.outputPath('chromium.log'),
    );
    const page = await own.context.newPage();
    await openNewQuestion(page);
    const uploads = new UploadWatcher(page);
    await startRecording(page);
    await recordUntil(page, 2);
    // Kept full: Chromium frees room on the same disk when a write fails (its disk cache), and an IndexedDB write
    // then passed (seen in CI) — a full disk that empties itself is not the fault under test.
    const stopFilling = disk.keepFull();
    try {
      await expect
        .poll(() => tryWritingToIndexedDb(page), { message: 'a write to IndexedDB now', timeout: 30_000 })
        .not.toBe('ok');
      await expectShown(page, page.getByRole('alert').filter({ hasText: localCopyFailing }), 15_000);
      await expect(page.getByRole('alert').filter({ hasText: localCopyFailing })).toHaveText(
        localCopyFailing,
      );
    } finally {
      // The copy on the device stays off for the rest of the take: the disk need not stay full.
      stopFilling();
    }
    await expect(recLabel(page)).toBeVisible();
    await recordMore(page, 3);
    await stopRecording(page);
    await expectOneTakeSavedWhole(page, server, { uploads });
  } finally {
    await own?.close();
    disk.unmount();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test('a second tab opens the question while the first records: it says so and touches nothing; the first saves its take whole', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const { link } = await openNewQuestion(page);
  const uploads = new UploadWatcher(page);
  await startRecording(page);
  await recordUntil(page, 3);

  const second = await context.newPage();
  await second.goto(new URL('/interview/questions/1', link).href);
  const sentence = second.getByText(otherTab, { exact: true });
  const start = second.getByRole('button', { name: 'Start recording' });
  await expectShown(second, sentence.or(start).first(), 45_000);
  // Said before starting, or when "Start recording" is refused.
  if (!(await sentence.isVisible())) await start.click();
  await expectShown(second, sentence, 10_000);
  await expect(second.getByText('REC', { exact: true })).toHaveCount(0);

  await expect(recLabel(page), 'the first tab is still recording').toBeVisible();
  await recordMore(page, 2);
  await stopRecording(page);
  const take = await expectOneTakeSavedWhole(page, server, { uploads });
  expect(storedSeconds(server, take.takeId)).toBeGreaterThanOrEqual(4);
  await second.close();
});

test('continuing on another device while recording: the new device warns and takes over, the first is told its take did not count', async ({
  page: deviceA,
  browser,
}) => {
  test.setTimeout(150_000);
  const { link, candidate } = await openNewQuestion(deviceA);
  // Device A asks for a code before it starts recording (the panel is not shown while recording).
  await deviceA.getByRole('button', { name: 'Continue on another device' }).click();
  await expect(deviceA.getByText(/^We sent a 6-digit code to your e-mail\./)).toBeVisible();
  const code = await server.mailbox.waitForContinueCode(candidate.email);
  await startRecording(deviceA);
  await recordUntil(deviceA, 3);

  const contextB = await browser.newContext({ permissions: ['camera', 'microphone'] });
  try {
    const deviceB = await contextB.newPage();
    await deviceB.goto(new URL('/continue', link).href);
    await deviceB.getByLabel('E-mail address', { exact: true }).fill(candidate.email);
    await deviceB.getByLabel('Code', { exact: true }).fill(code);
    await deviceB.getByRole('button', { name: 'Continue' }).click();
    // The continue page says at once that A is recording, and offers to stop it (A records on until a take opens
    // here: the choice is spent by B's next take).
    await expectShown(deviceB, deviceB.getByText(recordingElsewhere, { exact: true }), 45_000);
    await expect(recLabel(deviceA), 'device A records while B only continued').toBeVisible();
    await deviceB.getByRole('button', { name: takeOverButton, exact: true }).click();
    await expect(deviceB).toHaveURL(/\/interview$/);
    // Opened afresh (the choice lived in that page), the question warns again before B records.
    await deviceB.goto(new URL('/interview/questions/1', link).href);

    const warning = deviceB.getByText(recordingElsewhere, { exact: true });
    const start = deviceB.getByRole('button', { name: 'Start recording' });
    await expectShown(deviceB, warning.or(start).first(), 45_000);
    // Said before starting, or when "Start recording" is refused because A records.
    if (!(await warning.isVisible())) await start.click();
    await expectShown(deviceB, warning, 10_000);
    await expect(recLabel(deviceA), 'device A records until B takes over').toBeVisible();

    await deviceB.getByRole('button', { name: takeOverButton, exact: true }).click();
    // Taking over starts B's take (or, on the ready step, leaves "Start recording" to press): wait for either.
    const startB = deviceB.getByRole('button', { name: 'Start recording' });
    await expectShown(deviceB, recLabel(deviceB).or(startB).first(), 45_000);
    if (!(await recLabel(deviceB).isVisible())) await startRecordingFromReady(deviceB);
    await expect(deviceA.getByText(takenOver, { exact: true })).toBeVisible({ timeout: 45_000 });

    const uploadsB = new UploadWatcher(deviceB);
    await recordMore(deviceB, 3);
    await stopRecording(deviceB);
    await expectOneTakeSavedWhole(deviceB, server, { uploads: uploadsB });
    expect(await savedTakesOf(deviceA), 'device A saved nothing').toEqual([]);
  } finally {
    await contextB.close();
  }
});
