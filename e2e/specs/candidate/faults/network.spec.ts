import { expect, test } from '@playwright/test';
import {
  expectOneTakeSavedWhole,
  expectShown,
  openQuestion,
  recLabel,
  recordMore,
  recordUntil,
  startRecording,
  stopRecording,
  storedSeconds,
} from '../../../fixtures/faults/candidate.ts';
import { inviteToOneVideoQuestion, sharedServer } from '../../../fixtures/faults/interview.ts';
import { faultLaunchOptions } from '../../../fixtures/faults/media.ts';
import { refreshFailed } from '../../../fixtures/faults/sentences.ts';
import { UploadWatcher } from '../../../fixtures/faults/uploads.ts';

// The connection to the server goes away for a while. The server is the run's shared one: nothing here stops or
// breaks it (the page's own requests are cut), and each test has its own candidate.
test.use({ launchOptions: faultLaunchOptions(), permissions: ['camera', 'microphone'] });
test.describe.configure({ mode: 'parallel' });

const server = sharedServer();

test('ten seconds offline in the middle of an answer: recording goes on and the answer is saved whole', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const { link, employer } = await inviteToOneVideoQuestion(server, { answerSeconds: 60 });
  await employer.dispose();
  await openQuestion(page, link);
  const uploads = new UploadWatcher(page);
  await startRecording(page);
  await recordUntil(page, 2);
  await context.setOffline(true);
  await expect(page.getByText(/^You are offline\./)).toBeVisible({ timeout: 5_000 });
  await recordMore(page, 10);
  await expect(recLabel(page)).toBeVisible();
  await context.setOffline(false);
  await recordMore(page, 2);
  await stopRecording(page);
  const take = await expectOneTakeSavedWhole(page, server, { uploads });
  expect(storedSeconds(server, take.takeId)).toBeGreaterThanOrEqual(13);
});

test('the interview cannot be refreshed while recording (server unreachable on reconnecting): recording goes on, the candidate is told, and the answer is saved whole', async ({
  page,
  context,
}) => {
  test.setTimeout(150_000);
  const { link, employer } = await inviteToOneVideoQuestion(server, { answerSeconds: 60 });
  await employer.dispose();
  await openQuestion(page, link);
  const uploads = new UploadWatcher(page);
  await startRecording(page);
  await recordUntil(page, 2);

  // As while the server restarts: asking for the interview again gets no answer. Reconnecting makes the page ask.
  const interviewUrl = `${server.url}/api/v1/candidate/interview`;
  let refused = 0;
  await page.route(interviewUrl, (route) => {
    refused++;
    return route.abort('connectionrefused');
  });
  await context.setOffline(true);
  await expect(page.getByText(/^You are offline\./)).toBeVisible({ timeout: 5_000 });
  await context.setOffline(false);
  await expect.poll(() => refused, { message: 'the page asks for the interview again' }).toBeGreaterThan(0);

  await expect(page.getByRole('status').filter({ hasText: refreshFailed })).toHaveText(refreshFailed, {
    timeout: 20_000,
  });
  await expectShown(page, recLabel(page), 5_000);
  await recordMore(page, 5);

  // The server answers again: the notice goes once the page has asked again, and recording never stopped.
  await page.unroute(interviewUrl);
  await expect(page.getByText(refreshFailed)).toHaveCount(0, { timeout: 45_000 });
  await expect(recLabel(page)).toBeVisible();
  await recordMore(page, 1);
  await stopRecording(page);
  const take = await expectOneTakeSavedWhole(page, server, { uploads });
  expect(storedSeconds(server, take.takeId)).toBeGreaterThanOrEqual(7);
});
