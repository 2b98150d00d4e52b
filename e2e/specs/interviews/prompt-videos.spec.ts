import { expect, type Locator, type Page } from '@playwright/test';
import config from '../../playwright.config.ts';
import { createOrganisationName, createPerson, signUpViaApi } from '../../fixtures/accounts.ts';
import { expectNoSeriousA11yViolations } from '../../fixtures/axe.ts';
import { openLinkAndPassChecks } from '../../fixtures/candidate-flow.ts';
import { createCandidate, waitForCandidateLink } from '../../fixtures/candidates.ts';
import { fakeMediaArgs, makeFakeMediaFiles } from '../../fixtures/media.ts';
import type { Mailbox } from '../../fixtures/mailbox.ts';
import { makePromptVideoFiles } from '../../fixtures/prompt-video-files.ts';
import { test } from '../../fixtures/test.ts';

const introSeconds = 3;
const upload = makePromptVideoFiles(introSeconds);
const baseLaunch = config.use?.launchOptions ?? {};
test.use({
  launchOptions: {
    ...baseLaunch,
    args: [...(baseLaunch.args ?? []), ...fakeMediaArgs(makeFakeMediaFiles(), { grant: true })],
  },
  permissions: ['camera', 'microphone'],
});

const prompt = 'Tell us about a customer you won back.';
// Long enough that the think step is still there whatever a loaded machine takes over the checks before it.
const thinkSeconds = 120;

/** An interview with one timed video question, made through the API as its recruiter. */
async function createInterview(page: Page, mailbox: Mailbox): Promise<{ id: string; csrfToken: string }> {
  await signUpViaApi(page.request, createPerson('recruiter'), createOrganisationName(), mailbox);
  const { csrfToken } = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  const post = async (path: string, data: object) => {
    const res = await page.request.post(`/api/v1${path}`, { headers: { 'x-csrf-token': csrfToken }, data });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as { id: string };
  };
  const { id } = await post('/interviews', {
    title: 'Customer success manager',
    roleTitle: 'Customer success manager',
    introText: 'Welcome! We are a small team that cares about our customers. This takes about ten minutes.',
    practiceQuestion: { enabled: false },
  });
  await post(`/interviews/${id}/questions`, {
    promptText: prompt,
    answerType: 'video',
    think: { mode: 'timed', seconds: thinkSeconds },
    answerSeconds: 30,
    textMaxChars: null,
    takes: 1,
    startMode: 'ready',
  });
  return { id, csrfToken };
}

const videoField = (page: Page, title: string) => page.getByRole('group', { name: `${title} (optional)` });

async function expectReady(field: Locator) {
  await expect(field.getByText('Ready', { exact: true })).toBeVisible({ timeout: 45_000 });
}

test('a recruiter uploads an intro video and records a video prompt; the candidate watches both before thinking', async ({
  page,
  browser,
  mailbox,
}) => {
  // About 40 s on an idle machine; processing two videos with ffmpeg takes longer on a busy one.
  test.setTimeout(180_000);
  const { id, csrfToken } = await createInterview(page, mailbox);

  // The intro video: a file, with its captions.
  await page.goto(`/interviews/${id}/edit`);
  const intro = videoField(page, 'Intro video');
  await intro.getByLabel('Upload a video file').setInputFiles(upload.video);
  await expect(intro.getByText('Processing…', { exact: false })).toBeVisible();
  await expectReady(intro);
  await intro.getByLabel('Add captions').setInputFiles(upload.captions);
  await expect(intro.getByText('added, shown by default')).toBeVisible();
  await expect(intro.getByLabel('Intro video preview')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The question's video prompt: recorded with the (fake) camera.
  await page.goto(`/interviews/${id}`);
  await page.getByRole('button', { name: 'Edit question 1' }).click();
  const promptVideo = videoField(page, 'Video prompt');
  await promptVideo.getByRole('button', { name: 'Record with your camera' }).click();
  await promptVideo.getByRole('button', { name: 'Start recording' }).click();
  await expect(promptVideo.getByText(/^REC /)).toBeVisible({ timeout: 10_000 });
  // Three seconds of recording, by the recorder's own clock.
  await expect(promptVideo.getByText(/^REC 0:0[3-9] /)).toBeVisible({ timeout: 15_000 });
  await promptVideo.getByRole('button', { name: 'Stop recording' }).click();
  await expect(promptVideo.getByLabel('Your recording')).toBeVisible();
  await promptVideo.getByRole('button', { name: 'Use this video' }).click();
  await expectReady(promptVideo);
  const recorded = Number(
    (await promptVideo.locator('.prompt-video-status__ready').textContent())?.match(/(\d+) second/)?.[1],
  );
  expect(recorded).toBeGreaterThanOrEqual(2);

  // A candidate invited now gets both videos.
  const candidate = createCandidate('Video');
  const invited = await page.request.post(`/api/v1/interviews/${id}/invitations`, {
    headers: { 'x-csrf-token': csrfToken },
    data: candidate,
  });
  expect(invited.status(), await invited.text()).toBe(201);
  const link = await waitForCandidateLink(mailbox, candidate.email);

  const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
  const candidatePage = await context.newPage();
  await candidatePage.goto(link);
  const introVideo = candidatePage.getByLabel(/^Welcome video from /);
  await expect(introVideo).toBeVisible();
  await expect(introVideo).toHaveJSProperty('paused', true);
  await expect.poll(() => introVideo.evaluate((v: HTMLVideoElement) => v.duration)).toBeGreaterThan(2);
  await expect(introVideo.locator('track[kind="captions"]')).toHaveCount(1);
  await expect(candidatePage.getByText(/We are a small team/)).toBeVisible();
  await expectNoSeriousA11yViolations(candidatePage);

  await openLinkAndPassChecks(candidatePage, link);
  await candidatePage.goto(new URL('/interview/questions/1', link).toString());
  await expect(
    candidatePage.getByText(/^Starts with a video of \d+ seconds?; your think time starts after it/),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(candidatePage);

  await candidatePage.getByRole('button', { name: 'Start question 1' }).click();
  const startedAt = Date.now();
  const questionVideo = candidatePage.getByLabel('The question, on video');
  await expect(questionVideo).toBeVisible();
  await expect.poll(() => questionVideo.evaluate((v: HTMLVideoElement) => v.duration)).toBeGreaterThan(1);
  const videoMs = (await questionVideo.evaluate((v: HTMLVideoElement) => v.duration)) * 1000;
  await expect(candidatePage.getByText(prompt)).toBeVisible();
  await expect(candidatePage.getByRole('heading', { name: 'Watch the question' })).toBeVisible();
  await expect(candidatePage.getByText('until your think time starts')).toBeVisible();
  await expectNoSeriousA11yViolations(candidatePage);
  await expect(candidatePage.getByRole('heading', { name: 'Time to think' })).toBeVisible({
    timeout: 15_000,
  });
  // The server's length may round differently from the browser's by a frame or so.
  expect(Date.now() - startedAt).toBeGreaterThanOrEqual(videoMs - 250);
  await expect(candidatePage.getByText('left to think')).toBeVisible();
  await expect(
    candidatePage.getByRole('status').filter({ hasText: 'Your think time has started.' }),
  ).toHaveCount(1);
  await context.close();
});
