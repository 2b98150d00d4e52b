import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import {
  createOrganisationName,
  createPerson,
  signInInBrowser,
  signUpViaApi,
} from '../../fixtures/accounts.ts';
import { expectNoSeriousA11yViolations } from '../../fixtures/axe.ts';
import { createCandidate, createInterviewWithCandidates, toCsv } from '../../fixtures/candidates.ts';
import { startDedicatedServer, type DedicatedServer } from '../../fixtures/dedicated-server.ts';
import { saveScreenshot } from '../../fixtures/screenshots.ts';

let server: DedicatedServer;
test.beforeAll(async () => {
  server = await startDedicatedServer('no-smtp', { smtp: false, env: { SEED_DEMO: 'false' } });
});
test.afterAll(async () => {
  await server?.stop();
});
test.use({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });

/** Nothing the page says may claim an e-mail went out. */
async function expectNoSentClaim(page: Page) {
  await expect(page.getByText(/\bsent\b|Each gets an e-mail/i)).toHaveCount(0);
}

test('without a mail server the app never says sent, says what to do, and a link is one click from the row', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const api = await playwrightRequest.newContext({ baseURL: server.url });
  const owner = createPerson('owner');
  // The first account of this fresh server is signed in at once: no confirmation e-mail needed.
  await signUpViaApi(api, owner, createOrganisationName(), server.mailbox);
  const title = `No mail ${Date.now()}`;
  const interviewId = await createInterviewWithCandidates(api, title, []);
  await api.dispose();

  await signInInBrowser(page, owner, server.url);
  await page.goto(`${server.url}/interviews/${interviewId}/candidates`);
  const banner = page.getByRole('region', { name: 'E-mail is not being delivered' });
  await expect(banner).toContainText('SMTP_URL');
  await expect(banner).toContainText('Copy link');

  // Invite by hand: kept in the Outbox, not delivered.
  const ana = createCandidate('Ana');
  await page.getByLabel('Name', { exact: true }).fill(ana.name);
  await page.getByLabel('E-mail', { exact: true }).fill(ana.email);
  await page.getByRole('button', { name: /^(Send invitation|Invite)$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: ana.name })).toContainText(
    /kept in the Outbox.*not delivered/,
  );
  await expectNoSentClaim(page);

  // Import: the same.
  const csv = toCsv([createCandidate('Ben'), createCandidate('Cleo')]);
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'c.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Check file' }).click();
  await page.getByRole('button', { name: 'Import 2 candidates' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 candidates invited' })).toContainText(
    /kept in the Outbox.*not delivered/,
  );
  await expectNoSentClaim(page);
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, 'candidates-no-smtp');

  // One click on the row copies a working link.
  await page.getByRole('button', { name: `Copy link for ${ana.name}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Link for ${ana.name} copied` })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/i\/[\w-]{20,}$/);
  const candidate = await (await browser.newContext()).newPage();
  await candidate.goto(link);
  await expect(candidate.getByRole('heading', { level: 1 })).toContainText(title);

  // The Outbox says the same, badge and API alike.
  await page.goto(`${server.url}/outbox`);
  await expect(page.getByText('Not delivered').first()).toBeVisible();
  await expect(page.getByText(/^Sent$/)).toHaveCount(0);
  type OutboxList = { messages: { status: string }[] };
  await expect
    .poll(async () => {
      const fresh = (await (await page.request.get(`${server.url}/api/v1/outbox`)).json()) as OutboxList;
      return fresh.messages.map((m) => m.status).filter((s) => s !== 'queued');
    })
    .toEqual(expect.arrayContaining(['kept']));
  const latest = (await (await page.request.get(`${server.url}/api/v1/outbox`)).json()) as OutboxList;
  expect(latest.messages.map((m) => m.status)).not.toContain('sent');
  await saveScreenshot(page, 'outbox-no-smtp');
  await expectNoSeriousA11yViolations(page);
});
