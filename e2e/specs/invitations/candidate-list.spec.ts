import { randomUUID } from 'node:crypto';
import { createOrganisationName, createPerson, signUpViaApi } from '../../fixtures/accounts.ts';
import { expectNoSeriousA11yViolations } from '../../fixtures/axe.ts';
import {
  createCandidate,
  createInterviewWithCandidates,
  subjectsTo,
  waitForCandidateLink,
} from '../../fixtures/candidates.ts';
import { expect, test } from '../../fixtures/test.ts';

test('the candidate list filters, sorts, reminds, withdraws, exports and resends', async ({
  page,
  mailbox,
}) => {
  const title = `Support lead ${randomUUID().slice(0, 6)}`;
  const [zed, amy, max] = [createCandidate('Zed'), createCandidate('Amy'), createCandidate('Max')];
  await signUpViaApi(page.request, createPerson('owner'), createOrganisationName(), mailbox);
  const interviewId = await createInterviewWithCandidates(page.request, title, [zed, amy, max]);
  await page.goto(`/interviews/${interviewId}/candidates`);
  const table = page.getByRole('table', { name: /^Candidates/ });
  const names = table.getByRole('rowheader');

  await test.step('search by e-mail and sort by name', async () => {
    await page.getByLabel('Search candidates').fill(amy.email);
    await page.getByLabel('Search candidates').press('Enter');
    await expect(page.getByRole('status').filter({ hasText: '1 candidate match' })).toBeVisible();
    await expect(names).toHaveText([new RegExp(amy.name)]);
    await page.getByLabel('Search candidates').clear();
    await page.getByLabel('Sort by').selectOption({ label: 'Name, A to Z' });
    await expect(names).toHaveText([amy.name, max.name, zed.name].map((n) => new RegExp(n)));
    await expect(table.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');
  });

  await test.step('remind one candidate and withdraw another after confirming', async () => {
    await page.getByRole('checkbox', { name: `Select ${max.name}` }).check();
    await page.getByRole('button', { name: 'Remind now' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Reminder sent to 1 candidate.' })).toBeVisible();
    await expect.poll(() => subjectsTo(mailbox, max.email).some((s) => s.startsWith('Reminder'))).toBe(true);

    await page.getByRole('checkbox', { name: `Select ${zed.name}` }).check();
    await page.getByRole('button', { name: 'Withdraw', exact: true }).click();
    await page.getByRole('button', { name: 'Yes, withdraw' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Withdrew 1 candidate.' })).toBeVisible();
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Withdrawn' });
    await expect(names).toHaveText([new RegExp(zed.name)]);
    await expect(table.getByRole('row', { name: new RegExp(zed.name) })).toContainText('Withdrawn');
  });

  await test.step('export the list as CSV', async () => {
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'All statuses' });
    const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    const csv = await page.request.get(href!);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const text = await csv.text();
    for (const candidate of [zed, amy, max]) expect(text).toContain(candidate.email);
  });

  await test.step('at 375 px the list has no serious accessibility problems', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await expect(names).toHaveCount(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoSeriousA11yViolations(page);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  await test.step('resend from the candidate page: the new link works and the timeline says so', async () => {
    const firstLink = await waitForCandidateLink(mailbox, amy.email);
    await table.getByRole('link', { name: amy.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: amy.name })).toBeVisible();
    await page.getByRole('button', { name: 'Resend invitation' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: `Invitation sent again to ${amy.email}` }),
    ).toBeVisible();
    await expect(page.getByRole('region', { name: 'Timeline' })).toContainText(
      'Invitation sent again with a new link',
    );
    await expect.poll(() => waitForCandidateLink(mailbox, amy.email)).not.toBe(firstLink);
  });
});
