import fs from 'node:fs';
import { signInInBrowser } from '../../fixtures/accounts.ts';
import { expectNoSeriousA11yViolations } from '../../fixtures/axe.ts';
import { createCandidate, toCsv } from '../../fixtures/candidates.ts';
import { setUpTeam, signedInApi } from '../../fixtures/review-world.ts';
import { saveScreenshot } from '../../fixtures/screenshots.ts';
import { expect, test } from '../../fixtures/test.ts';

test.use({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Madrid' });

const pad = (n: number) => String(n).padStart(2, '0');
/** A calendar day `days` from now, as YYYY-MM-DD. */
function dayFromNow(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

test('the example CSV imports as it is, and the form and the CSV read a deadline in the interview time zone', async ({
  page,
  mailbox,
  baseURL,
}) => {
  test.setTimeout(120_000);
  // The recruiter's browser is in Madrid; the interview is run from New York.
  const world = await setUpTeam(baseURL ?? '', mailbox, {
    questions: 1,
    interview: { timeZone: 'America/New_York' },
  });
  await signInInBrowser(page, world.recruiter);
  await page.goto(`/interviews/${world.interviewId}/candidates`);
  await expect(page.getByRole('heading', { level: 1, name: `Candidates: ${world.title}` })).toBeVisible();

  // The example file, downloaded and imported unchanged.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download an example CSV' }).click(),
  ]);
  await page.getByLabel('CSV file').setInputFiles(await download.path());
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Import 2 candidates' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 candidates invited' })).toBeVisible();

  // One rule for both paths, said next to each field.
  const deadlineField = page.getByLabel('Deadline (optional)');
  await expect(page.getByText(/America\/New York/).first()).toBeVisible();
  await expect(page.locator('#import-heading').locator('..')).toContainText('America/New York');
  const day = dayFromNow(10);
  const byHand = createCandidate('Mo');
  await page.getByLabel('Name', { exact: true }).fill(byHand.name);
  await page.getByLabel('E-mail', { exact: true }).fill(byHand.email);
  await deadlineField.fill(`${day}T17:00`);
  await page.getByRole('button', { name: /^(Send invitation|Invite)$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: byHand.name })).toBeVisible();

  const byCsv = createCandidate('Ny');
  const csv = toCsv([byCsv])
    .replace('external_id', 'external_id,deadline')
    .replace(/\n(.*)$/, `\n$1,${day} 17:00`);
  fs.writeFileSync(test.info().outputPath('one.csv'), csv);
  await page.getByLabel('CSV file').setInputFiles(test.info().outputPath('one.csv'));
  await page.getByRole('button', { name: 'Check file' }).click();
  await page.getByRole('button', { name: 'Import 1 candidate' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 candidate invited' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, 'candidates-recruiter');

  const { api } = await signedInApi(world.baseURL, world.owner);
  const list = (await (await api.get(`/api/v1/interviews/${world.interviewId}/invitations`)).json()) as {
    invitations: { email: string; deadline: string }[];
  };
  await api.dispose();
  const deadlineOf = (email: string) => list.invitations.find((i) => i.email === email)?.deadline;
  expect(deadlineOf(byHand.email)).toBeDefined();
  expect(deadlineOf(byHand.email)).toBe(deadlineOf(byCsv.email));
  // 17:00 in New York is 21:00 or 22:00 UTC, never Madrid's 15:00 or 16:00.
  expect(new Date(deadlineOf(byHand.email) ?? '').getUTCHours()).toBeGreaterThanOrEqual(21);

  // The time zone is the interview's to see and set.
  await page.goto(`/interviews/${world.interviewId}/edit`);
  await expect(page.getByLabel('Interview time zone')).toHaveValue('America/New_York');
  await saveScreenshot(page, 'interview-settings-recruiter');
});
