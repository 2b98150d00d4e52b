import { expect, type Page } from '@playwright/test';
import { createOrganisationName, createPerson, signUpViaApi } from '../../fixtures/accounts.ts';
import { expectNoSeriousA11yViolations } from '../../fixtures/axe.ts';
import type { Mailbox } from '../../fixtures/mailbox.ts';
import { test } from '../../fixtures/test.ts';

/** An interview with two video questions and a written one, each with rules of its own, made through the API. */
async function createInterview(page: Page, mailbox: Mailbox): Promise<string> {
  await signUpViaApi(page.request, createPerson('recruiter'), createOrganisationName(), mailbox);
  const { csrfToken } = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  const post = async (path: string, data: object) => {
    const res = await page.request.post(`/api/v1${path}`, { headers: { 'x-csrf-token': csrfToken }, data });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as { id: string };
  };
  const { id } = await post('/interviews', {
    title: 'Support lead',
    roleTitle: 'Support lead',
    practiceQuestion: { enabled: false },
  });
  await post(`/interviews/${id}/questions`, {
    promptText: 'Tell us about a customer you calmed down.',
    think: { mode: 'timed', seconds: 45 },
    answerSeconds: 150,
    takes: 3,
    startMode: 'auto',
  });
  await post(`/interviews/${id}/questions`, { promptText: 'Why support?', answerSeconds: 60, takes: 1 });
  await post(`/interviews/${id}/questions`, {
    promptText: 'Write the first line of a reply to an angry customer.',
    answerType: 'text',
    answerSeconds: null,
    textMaxChars: 400,
  });
  return id;
}

/** The rules list of question `n` as "term: value" lines. */
async function rulesOf(page: Page, n: number): Promise<string[]> {
  const item = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: `Question ${n}` }) });
  const terms = await item.locator('.rules__item').allInnerTexts();
  return terms.map((t) => t.replace(/\s*\n\s*/, ': '));
}

test('a recruiter gives every question the rules of one, asked first, with prompts and limits kept', async ({
  page,
  mailbox,
}) => {
  const id = await createInterview(page, mailbox);
  await page.goto(`/interviews/${id}`);
  await expect(page.getByRole('heading', { name: 'Question 3' })).toBeVisible();
  expect(await rulesOf(page, 2)).toContain('Takes: 1');

  // Changing nothing on cancel.
  await page.getByRole('button', { name: 'Use the rules of question 1 for all questions' }).click();
  const confirm = page.getByRole('group', { name: /Give every other question the think time/ });
  await expect(confirm).toContainText('answer time to the other recorded questions');
  await expectNoSeriousA11yViolations(page);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(
    page.getByRole('button', { name: 'Use the rules of question 1 for all questions' }),
  ).toBeFocused();
  expect(await rulesOf(page, 2)).toContain('Takes: 1');

  await page.getByRole('button', { name: 'Use the rules of question 1 for all questions' }).click();
  await page.getByRole('button', { name: "Yes, use question 1's rules for all" }).click();
  await expect(page.getByText("Every question now has question 1's rules.")).toBeVisible();
  await expect
    .poll(() => rulesOf(page, 2))
    .toEqual([
      'Answer: Video',
      'Think time: 45 seconds',
      'Answer time: 2 minutes 30 seconds',
      'Takes: 3',
      'Recording starts: Automatically when think time ends',
    ]);
  const written = await rulesOf(page, 3);
  expect(written).toContain('Character limit: 400');
  expect(written).toContain('Think time: 45 seconds');
  await expect(page.getByText('Why support?')).toBeVisible();

  // Kept after a reload: it was saved, not only shown.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Question 3' })).toBeVisible();
  expect(await rulesOf(page, 2)).toContain('Takes: 3');
});

test('an owner sets the rules new questions start with, and a new question starts with them', async ({
  page,
  mailbox,
}) => {
  const id = await createInterview(page, mailbox);
  await page.goto('/settings');
  const panel = page.getByRole('region', { name: 'Rules for new questions' });
  await panel.getByRole('radio', { name: 'Audio only' }).check();
  await panel.getByRole('radio', { name: 'Unlimited' }).check();
  await panel.getByRole('textbox', { name: 'Answer time limit (video and audio) Minutes' }).fill('0');
  await panel.getByRole('textbox', { name: 'Answer time limit (video and audio) Seconds' }).fill('5');
  await panel.getByLabel('Takes').selectOption('4');
  await panel.getByRole('button', { name: 'Save rules for new questions' }).click();
  // Bad input is named and nothing is saved.
  await expect(panel.getByText('The answer time is at least 15 seconds').first()).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Use the built-in rules' })).toHaveCount(0);
  await panel.getByRole('textbox', { name: 'Answer time limit (video and audio) Minutes' }).fill('1');
  await panel.getByRole('textbox', { name: 'Answer time limit (video and audio) Seconds' }).fill('30');
  await panel.getByRole('button', { name: 'Save rules for new questions' }).click();
  await expect(page.getByText('Rules for new questions saved.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto(`/interviews/${id}`);
  await page.getByRole('button', { name: 'Add question' }).click();
  const form = page.getByRole('form', { name: 'New question 4' });
  await expect(form.getByRole('radio', { name: 'Audio only' })).toBeChecked();
  await expect(form.getByRole('radio', { name: 'Unlimited' })).toBeChecked();
  await expect(form.getByLabel('Takes')).toHaveValue('4');
  await form.getByLabel('Prompt').fill('What would you change in our support in your first month?');
  await form.getByRole('button', { name: 'Save question' }).click();
  await expect(page.getByRole('heading', { name: 'Question 4' })).toBeVisible();
  expect(await rulesOf(page, 4)).toEqual([
    'Answer: Audio only',
    'Think time: Unlimited',
    'Answer time: 1 minute 30 seconds',
    'Takes: 4',
    'Recording starts: When the candidate is ready',
  ]);

  // Back to the built-in rules: said, and the form shows them again.
  await page.goto('/settings');
  const settings = page.getByRole('region', { name: 'Rules for new questions' });
  await settings.getByRole('button', { name: 'Use the built-in rules' }).click();
  await expect(page.getByText('Back to the built-in rules for new questions.')).toBeVisible();
  await expect(settings.getByRole('radio', { name: 'Video' })).toBeChecked();
  await expect(settings.getByLabel('Takes')).toHaveValue('2');
  await page.reload();
  await expect(
    page.getByRole('region', { name: 'Rules for new questions' }).getByRole('radio', { name: 'Video' }),
  ).toBeChecked();
});
