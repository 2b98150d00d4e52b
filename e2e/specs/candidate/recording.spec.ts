import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import config from '../../playwright.config.ts';
import { expectNoSeriousA11yViolations } from '../../fixtures/axe.ts';
import {
  expectStoredAsRecorded,
  inviteToInterview,
  openLinkAndPassChecks,
  recordFor,
  savedTakesOf,
  threeQuestionPlan,
} from '../../fixtures/candidate-flow.ts';
import { startDedicatedServer, type DedicatedServer } from '../../fixtures/dedicated-server.ts';
import { fakeMediaArgs, makeFakeMediaFiles } from '../../fixtures/media.ts';
import { makeSpeechFile, speechCorrelation } from '../../fixtures/speech.ts';

const sentence = 'I closed a two year contract with a logistics company after six weeks of careful work.';
const speech = makeSpeechFile('answer-speech', sentence);
const otherSpeech = makeSpeechFile('other-speech', 'The weather by the sea was calm and bright all weekend.');
const baseLaunch = config.use?.launchOptions ?? {};
test.use({
  launchOptions: {
    ...baseLaunch,
    args: [
      ...(baseLaunch.args ?? []),
      ...fakeMediaArgs({ video: makeFakeMediaFiles().video, audio: speech }, { grant: true }),
    ],
  },
  permissions: ['camera', 'microphone'],
});

// Its own server: the test reads the files it stored. (Faults mid-answer: specs/candidate/faults/.)
let server: DedicatedServer;
test.beforeAll(async () => {
  server = await startDedicatedServer('recording');
});
test.afterAll(async () => {
  await server?.stop();
});
test.use({ baseURL: undefined });

async function startQuestion(page: Page, position: number, total: number) {
  const heading = page.getByRole('heading', { level: 1, name: `Question ${position} of ${total}` });
  await expect(heading).toBeVisible();
  await page.getByRole('button', { name: `Start question ${position}` }).click();
}

/** The audio of a stored take, remuxed as the server's processing would, compared with the speech fed in. */
function correlationOfStoredTake(takeFile: string, source: string): number {
  const remuxed = path.join(os.tmpdir(), `oneway-e2e-${path.basename(takeFile)}.webm`);
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', takeFile, '-c', 'copy', remuxed]);
  try {
    return speechCorrelation(remuxed, source);
  } finally {
    fs.rmSync(remuxed, { force: true });
  }
}

test('a candidate practises, answers a video (with a retake), an audio and a text question, and submits', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const { candidate, link } = await inviteToInterview(server, threeQuestionPlan);
  await openLinkAndPassChecks(page, link);

  // Practice: the real timers; the recording never leaves the browser.
  await expect(page.getByRole('heading', { level: 1, name: 'Practice question' })).toBeVisible();
  // The tip names the practice's own limit (15 s in this plan), not a fixed length.
  await expect(
    page.getByText('A tight answer leads with the outcome and fits well within your time (15 seconds).'),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // Its rules first: the prompt (and its think time) only once the candidate starts it.
  await expect(page.getByText('Practice: say hello.')).toHaveCount(0);
  await page.getByRole('button', { name: 'Start the practice question' }).click();
  await expect(page.getByText('Practice: say hello.')).toBeVisible();
  await page.getByRole('button', { name: "I'm ready" }).click();
  await page.getByRole('button', { name: 'Start recording' }).click();
  await expect(page.getByText('REC', { exact: true })).toBeVisible({ timeout: 15_000 });
  await page.waitForTimeout(2_000);
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await expect(
    page.getByText('Nothing was sent: this practice recording stays in this browser, and nobody sees it.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Continue to the questions' }).click();

  // 1: video, think time then "ready", one retake.
  await expect(page.getByRole('heading', { level: 1, name: 'Question 1 of 3' })).toBeVisible();
  await expect(page.getByText('2 takes left', { exact: true })).toBeVisible();
  await startQuestion(page, 1, 3);
  await expect(page.getByText(threeQuestionPlan[0]!.promptText)).toBeVisible();
  await page.getByRole('button', { name: "I'm ready" }).click();
  await page.getByRole('button', { name: 'Start recording' }).click();
  await expect(page.getByText('REC', { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await recordFor(page, 3);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: /^Record again/ }).click();
  await page.getByRole('button', { name: 'Start recording' }).click();
  await recordFor(page, 6);
  await expect(page.getByRole('button', { name: /^Record again/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Save and continue' }).click();

  // 2: audio only, no think time: recording starts when the question is shown.
  await startQuestion(page, 2, 3);
  await expect(page.getByText(threeQuestionPlan[1]!.promptText)).toBeVisible();
  await recordFor(page, 6);
  await page.getByRole('button', { name: 'Save and continue' }).click();

  // 3: text.
  // A written answer can be changed until the interview is sent: no takes are counted for it.
  await expect(page.getByRole('heading', { level: 1, name: 'Question 3 of 3' })).toBeVisible();
  await expect(page.getByText(/\btakes? left\b/)).toHaveCount(0);
  await startQuestion(page, 3, 3);
  await page.getByRole('button', { name: "I'm ready" }).click();
  await page.getByLabel('Your answer').fill('Dear Ana, your close takes nine days. Ours takes two.');
  await page.getByRole('button', { name: 'Save answer' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Review your answers' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const saved = await savedTakesOf(page);
  await page.getByRole('button', { name: 'Submit interview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your interview has been sent' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Two takes of question 1 and one of question 2 (practice sent nothing), each stored byte for byte as recorded.
  expect(saved).toHaveLength(3);
  expectStoredAsRecorded(server, saved);
  // The voice in the answers is the sentence the microphone heard, not just any sound.
  const [, video, audio] = saved;
  for (const take of [video!, audio!]) {
    const file = server.findTakeFile(take.takeId) as string;
    expect(correlationOfStoredTake(file, speech)).toBeGreaterThan(0.85);
    expect(correlationOfStoredTake(file, otherSpeech)).toBeLessThan(0.8);
  }
  await expect
    .poll(() =>
      server.mailbox
        .readAll()
        .filter((m) => m.recipients.includes(candidate.email.toLowerCase()))
        .map((m) => m.subject),
    )
    .toContainEqual(expect.stringMatching(/^Thank you: your answers have reached/));
});
