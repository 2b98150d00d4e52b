import { expect, test, type Page } from '@playwright/test';
import config from '../../playwright.config.ts';
import {
  inviteToInterview,
  openLinkAndPassChecks,
  type QuestionPlan,
} from '../../fixtures/candidate-flow.ts';
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
