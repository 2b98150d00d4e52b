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
