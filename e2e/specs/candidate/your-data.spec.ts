import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Page } from '@playwright/test';
import { createOrganisationName, createPerson, signUpViaApi } from '../../fixtures/accounts.ts';
import { expectNoSeriousA11yViolations } from '../../fixtures/axe.ts';
import { createCandidate, waitForCandidateLink } from '../../fixtures/candidates.ts';
import { findLinks, type Mailbox } from '../../fixtures/mailbox.ts';
import { expect, test } from '../../fixtures/test.ts';
import { readZipEntries } from '../../fixtures/zip.ts';

const candidateHeaders = { 'x-requested-with': 'oneway' };

/** An interview of one written question and one invited candidate, made through the API; returns its question. */
async function inviteToWrittenInterview(
  request: APIRequestContext,
  mailbox: Mailbox,
  candidate: { name: string; email: string },
) {
  await signUpViaApi(request, createPerson('owner'), createOrganisationName(), mailbox);
  const me = await request.get('/api/v1/auth/me');
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const post = async (path: string, data: object) => {
    const res = await request.post(`/api/v1${path}`, { headers: { 'x-csrf-token': csrfToken }, data });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as { id: string };
  };
  const { id } = await post('/interviews', { title: `Data analyst ${randomUUID().slice(0, 6)}` });
  const question = await post(`/interviews/${id}/questions`, {
    promptText: 'Why this role?',
    answerType: 'text',
    think: { mode: 'none' },
    answerSeconds: null,
    textMaxChars: 500,
    takes: 1,
    startMode: 'ready',
  });
  await post(`/interviews/${id}/invitations`, candidate);
  return question.id;
}

/** The candidate agrees, answers in writing and submits, through their session (the page's cookies). */
async function answerAndSubmit(page: Page, questionId: string, text: string) {
  const call = async (method: 'get' | 'post' | 'put', path: string, data?: object) => {
    const res = await page.request[method](`/api/v1${path}`, { headers: candidateHeaders, data });
    expect(res.ok(), await res.text()).toBe(true);
    return res;
  };
  const notice = (await (await call('get', '/candidate/consent-notice')).json()) as {
    version: string;
    hash: string;
  };
  await call('post', '/candidate/consent', { noticeVersion: notice.version, noticeHash: notice.hash });
  await call('post', `/candidate/questions/${questionId}/reveal`);
  await call('put', `/candidate/answers/${questionId}`, { text });
  await call('post', '/candidate/submit');
}

async function waitForLinkMatching(mailbox: Mailbox, to: string, pattern: RegExp): Promise<string> {
  const find = () =>
    mailbox
      .readAll()
      .filter((mail) => mail.recipients.includes(to.toLowerCase()))
      .reverse()
      .flatMap(findLinks)
      .find((link) => pattern.test(new URL(link).pathname));
  await expect
    .poll(find, { message: `an e-mail to ${to} with a link like ${pattern}`, timeout: 15_000 })
    .toBeDefined();
  return find()!;
}

test('a candidate downloads their data and asks for erasure through the e-mailed link', async ({
  page,
  browser,
  mailbox,
}) => {
  test.setTimeout(90_000);
  const candidate = createCandidate('Dana');
  const answer = `I like turning numbers into decisions (${randomUUID().slice(0, 6)}).`;
  const questionId = await inviteToWrittenInterview(page.request, mailbox, candidate);
  const link = await waitForCandidateLink(mailbox, candidate.email);
  // Every candidate e-mail links to "Your data" too, through a link token of its own.
  const dataLink = await waitForLinkMatching(mailbox, candidate.email, /^\/i\/[^/]+\/your-data$/);

  await page.goto(link);
  await expect(page).toHaveURL(/\/interview$/);
  await answerAndSubmit(page, questionId, answer);
  await page.reload();
  await page.getByRole('link', { name: 'Your data: see, download or erase it' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();
  const facts = page.getByRole('region', { name: /What .* holds/ }).or(page.locator('.your-data__facts'));
  await expect(facts.first()).toContainText(candidate.email);
  await expect(facts.first()).toContainText(candidate.name);
  await expectNoSeriousA11yViolations(page);

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download everything (ZIP)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('your-data.zip');
  const entries = readZipEntries(fs.readFileSync(await download.path()));
  expect(entries.get('answers/question-01.txt')?.toString('utf8')).toBe(answer);
  expect(entries.get('your-data.json')?.toString('utf8')).toContain(candidate.email);
  expect([...entries.keys()]).toContain('consent/notice-1.txt');

  await page.getByRole('button', { name: 'E-mail me a confirmation link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'We sent a confirmation link' })).toContainText(
    candidate.email,
  );
  const eraseLink = await waitForLinkMatching(mailbox, candidate.email, /^\/your-data\/erase\/[\w-]+$/);

  // The link works in any browser: the candidate may read their e-mail elsewhere.
  const elsewhere = await browser.newContext();
  try {
    const other = await elsewhere.newPage();
    await other.goto(eraseLink);
    await expect(other.getByRole('heading', { level: 1, name: 'Erase your data' })).toBeVisible();
    await other.getByRole('button', { name: 'Yes, erase my data' }).click();
    await expect(other.getByRole('heading', { level: 1, name: 'Your request is confirmed' })).toBeVisible();
    await expect(other.getByRole('status')).toContainText('Your data will be erased by');
    await expectNoSeriousA11yViolations(other);
    // A second use says so clearly.
    await other.reload();
    await other.getByRole('button', { name: 'Yes, erase my data' }).click();
    await expect(other.getByRole('alert')).toContainText(
      'This link has been used already: your request is confirmed.',
    );

    // The "Your data" link of an e-mail opens the page in a fresh browser as well.
    await other.goto(dataLink);
    await expect(other).toHaveURL(/\/your-data$/);
    await expect(other.getByRole('status').filter({ hasText: 'You confirmed your request' })).toContainText(
      'Your data will be erased by',
    );
  } finally {
    await elsewhere.close();
  }
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'You confirmed your request' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'E-mail me a confirmation link' })).toHaveCount(0);
});
