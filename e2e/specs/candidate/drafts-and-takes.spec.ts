import { expect, test, type Page } from '@playwright/test';
import config from '../../playwright.config.ts';
import {
  inviteToInterview,
  openLinkAndPassChecks,
  recordFor,
  savedTakesOf,
  type QuestionPlan,
} from '../../fixtures/candidate-flow.ts';
import { signedInApi } from '../../fixtures/review-world.ts';
import { startDedicatedServer, type DedicatedServer } from '../../fixtures/dedicated-server.ts';
import { fakeMediaArgs, makeFakeMediaFiles } from '../../fixtures/media.ts';
import { saveScreenshot } from '../../fixtures/screenshots.ts';

const baseLaunch = config.use?.launchOptions ?? {};
test.use({
  launchOptions: {
    ...baseLaunch,
    args: [...(baseLaunch.args ?? []), ...fakeMediaArgs(makeFakeMediaFiles(), { grant: true })],
  },
  permissions: ['camera', 'microphone'],
});

let server: DedicatedServer;
test.beforeAll(async () => {
  server = await startDedicatedServer('drafts-and-takes');
});
test.afterAll(async () => {
  await server?.stop();
});
test.use({ baseURL: undefined });

const textPlan: QuestionPlan[] = [
  {
    promptText: 'Write the first two lines of a cold e-mail to a CFO.',
    answerType: 'text',
    think: { mode: 'none' },
    answerSeconds: null,
    textMaxChars: 500,
    takes: 1,
    startMode: 'ready',
  },
];

/** The written answer the server holds, as the candidate's own page would load it. */
async function serverTextOf(page: Page): Promise<string | null> {
  const res = await page.request.get(`${server.url}/api/v1/candidate/interview`);
  const interview = (await res.json()) as { questions: { answer: { text?: string } | null }[] };
  return interview.questions[0]?.answer?.text ?? null;
}

test('a written answer is saved as it is typed and survives a reload, even one before the server has it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { link } = await inviteToInterview(server, textPlan);
  await openLinkAndPassChecks(page, link);
  await page.getByRole('button', { name: 'Continue to the questions' }).click();
  await page.getByRole('button', { name: 'Start question 1' }).click();
  const box = page.getByRole('textbox', { name: 'Your answer' });
  const status = page.getByRole('status').filter({ hasText: /Saved|Saving|Not saved/ });

  const first = 'Dear Ms Lee, your team closed the quarter early; we help finance teams do that every month.';
  await box.fill(first);
  await expect(status).toHaveText('Saved', { timeout: 20_000 });
  await expect.poll(() => serverTextOf(page)).toBe(first);
  await saveScreenshot(page, 'text-answer-saved');

  // The server cannot be reached: the page says so, keeps the text, and asks before a reload.
  await page.route('**/api/v1/candidate/answers/**', (route) => route.abort());
  const more = `${first} Could we talk on Thursday?`;
  await box.fill(more);
  await expect(status).toContainText('Not saved yet', { timeout: 20_000 });
  let askedBeforeLeaving = false;
  page.on('dialog', (dialog) => {
    askedBeforeLeaving = dialog.type() === 'beforeunload';
    void dialog.accept();
  });
  await page.reload();
  expect(askedBeforeLeaving).toBe(true);
  await expect(box).toHaveValue(more);
  expect(await serverTextOf(page)).toBe(first);

  // Once the server can be reached, what was typed before the reload reaches it and the page says Saved.
  await page.unroute('**/api/v1/candidate/answers/**');
  await expect(status).toHaveText('Saved', { timeout: 20_000 });
  await expect.poll(() => serverTextOf(page)).toBe(more);
  await page.reload();
  await expect(page.getByText(more)).toBeVisible();
});

const twoTakesPlan: QuestionPlan[] = [
  {
    promptText: 'Tell us about a deal you are proud of.',
    answerType: 'video',
    think: { mode: 'none' },
    answerSeconds: 180,
    textMaxChars: null,
    takes: 2,
    startMode: 'ready',
  },
];

interface CandidateView {
  questions: {
    answer: { kind: string; takeId?: string } | null;
    savedTakes: { takeId: string; takeNumber: number; durationSeconds: number | null }[];
  }[];
}

async function candidateViewOf(page: Page): Promise<CandidateView> {
  const res = await page.request.get(`${server.url}/api/v1/candidate/interview`);
  expect(res.status()).toBe(200);
  return (await res.json()) as CandidateView;
}

const answerTakeIdOf = async (page: Page) => (await candidateViewOf(page)).questions[0]?.answer?.takeId;

test('the candidate plays an earlier take and keeps it as the answer, and the team gets that take', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const { link, owner, interviewId } = await inviteToInterview(server, twoTakesPlan);
  await openLinkAndPassChecks(page, link);
  await page.getByRole('button', { name: 'Continue to the questions' }).click();
  await page.getByRole('button', { name: 'Start question 1' }).click();
  await page.getByRole('button', { name: 'Start recording' }).click();
  await recordFor(page, 2);
  // One take: nothing to choose between.
  await expect(page.getByRole('group', { name: 'Which take is your answer?' })).toHaveCount(0);
  await page.getByRole('button', { name: /^Record again/ }).click();
  await page.getByRole('button', { name: 'Start recording' }).click();
  await recordFor(page, 5);
  const [take1, take2] = await savedTakesOf(page);
  if (!take1 || !take2) throw new Error('the page saw fewer than two takes saved');
  // The take just recorded plays back with its length known (MediaRecorder's WebM carries none).
  const justRecorded = page.getByLabel('Playback of this take', { exact: true });
  const knownLength = () =>
    justRecorded.evaluate((video: HTMLVideoElement) =>
      Number.isFinite(video.duration) ? video.duration : -1,
    );
  await expect.poll(knownLength, { timeout: 20_000 }).toBeGreaterThan(3);
  expect(await knownLength()).toBeLessThan(15);

  // Both takes are listed with their lengths; the new one is chosen unless another is picked.
  const choice = page.getByRole('group', { name: 'Which take is your answer?' });
  const first = choice.getByRole('radio', { name: /^Take 1 / });
  const second = choice.getByRole('radio', { name: /^Take 2 .*just recorded$/ });
  await expect(second).toBeChecked();
  // The last take is not forced on the candidate: the page says they choose.
  await expect(
    page.getByText('That was your last take: choose between the ones you recorded.'),
  ).toBeVisible();
  await expect(page.getByText('That was your last take, so this one is your answer.')).toHaveCount(0);
  await expect(first).not.toBeChecked();
  expect(await answerTakeIdOf(page), 'the newest saved take is the answer until another is chosen').toBe(
    take2.takeId,
  );

  // Take 1 plays from the server once it has been processed (its length then shows as m:ss).
  await expect
    .poll(async () => (await candidateViewOf(page)).questions[0]?.savedTakes[0]?.durationSeconds ?? null, {
      timeout: 60_000,
    })
    .not.toBeNull();
  await choice.getByRole('button', { name: 'Play take 1' }).click();
  const player = choice.getByLabel('Take 1', { exact: true });
  await expect(player).toBeVisible();
  await expect
    .poll(() => player.evaluate((video: HTMLVideoElement) => (video.readyState >= 1 ? video.duration : 0)), {
      timeout: 20_000,
    })
    .toBeGreaterThan(1);
  await saveScreenshot(page, 'take-choice');

  await first.check();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review your answers' })).toBeVisible();
  await expect(page.getByText(/^Recorded answer: take 1 /)).toBeVisible();
  expect(await answerTakeIdOf(page)).toBe(take1.takeId);

  // Back on the question, choosing saves at once, and a reload shows what the server holds.
  await page.getByRole('link', { name: 'Go back to question 1' }).click();
  const again = page.getByRole('group', { name: 'Which take is your answer?' });
  await expect(again.getByRole('radio', { name: /^Take 1 / })).toBeChecked();
  await again.getByRole('radio', { name: /^Take 2 / }).check();
  await expect.poll(() => answerTakeIdOf(page)).toBe(take2.takeId);
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await again.getByRole('radio', { name: /^Take 1 / }).check();
  await expect.poll(() => answerTakeIdOf(page)).toBe(take1.takeId);
  await page.reload();
  await expect(
    page.getByRole('group', { name: 'Which take is your answer?' }).getByRole('radio', { name: /^Take 1 / }),
  ).toBeChecked();

  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await page.getByRole('button', { name: 'Submit interview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your interview has been sent' })).toBeVisible();

  // The team reviews take 1, not the newer take 2.
  const team = await signedInApi(server.url, owner);
  try {
    const list = await team.api.get(`/api/v1/interviews/${interviewId}/reviews`);
    expect(list.status(), await list.text()).toBe(200);
    const { candidates } = (await list.json()) as { candidates: { invitationId: string }[] };
    expect(candidates).toHaveLength(1);
    const review = await team.api.get(`/api/v1/invitations/${candidates[0]!.invitationId}/review`);
    expect(review.status(), await review.text()).toBe(200);
    const { questions } = (await review.json()) as { questions: { answer: { takeId?: string } | null }[] };
    expect(questions[0]?.answer?.takeId).toBe(take1.takeId);
  } finally {
    await team.api.dispose();
  }
});
