import { expect, request as playwrightRequest, test } from '@playwright/test';
import {
  createOrganisationName,
  createPerson,
  signInInBrowser,
  signUpViaApi,
} from '../../fixtures/accounts.ts';
import { expectNoSeriousA11yViolations } from '../../fixtures/axe.ts';
import { createCandidate, createInterviewWithCandidates } from '../../fixtures/candidates.ts';
import { startDedicatedServer, type DedicatedServer } from '../../fixtures/dedicated-server.ts';
import { saveScreenshot } from '../../fixtures/screenshots.ts';

// A mail server, and an install that lets each organisation write two e-mails a day.
let server: DedicatedServer;
test.beforeAll(async () => {
  server = await startDedicatedServer('daily-mail-limit', {
    env: { SEED_DEMO: 'false', MAIL_DAILY_LIMIT: '2' },
  });
});
test.afterAll(async () => {
  await server?.stop();
});
test.use({ viewport: { width: 1280, height: 900 } });

test('past the daily e-mail limit the app says the invitation is held until tomorrow, never "sent"', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const api = await playwrightRequest.newContext({ baseURL: server.url });
  const owner = createPerson('owner');
  await signUpViaApi(api, owner, createOrganisationName(), server.mailbox);
  const interviewId = await createInterviewWithCandidates(api, `Limited ${Date.now()}`, []);
  await api.dispose();

  await signInInBrowser(page, owner, server.url);
  await page.goto(`${server.url}/interviews/${interviewId}/candidates`);
  const limitBanner = page.getByRole('region', { name: 'Today’s e-mail limit is reached' });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(limitBanner).toHaveCount(0);

  const invite = async (name: string) => {
    const candidate = createCandidate(name);
    await page.getByLabel('Name', { exact: true }).fill(candidate.name);
    await page.getByLabel('E-mail', { exact: true }).fill(candidate.email);
    await page.getByRole('button', { name: /^(Send invitation|Invite)$/ }).click();
    return page.getByRole('status').filter({ hasText: candidate.name });
  };
  // Within the limit: sent, and the mail server has them.
  await expect(await invite('Ana')).toContainText('Invitation sent to');
  await expect(await invite('Ben')).toContainText('Invitation sent to');
  await expect.poll(() => server.mailbox.readAll().length).toBeGreaterThanOrEqual(2);

  // The limit is reached: the page says so before anything else is written, and the next invitation is held.
  await expect(limitBanner).toBeVisible();
  await expect(limitBanner).toContainText('tomorrow (UTC)');
  const held = await invite('Cleo');
  await expect(held).toContainText(/held in the Outbox.*goes out tomorrow/);
  await expect(held).not.toContainText(/\bsent\b/);
  await saveScreenshot(page, 'candidates-daily-mail-limit');
  await expectNoSeriousA11yViolations(page);

  const outbox = (await (await page.request.get(`${server.url}/api/v1/outbox`)).json()) as {
    messages: { to: string; status: string; heldReason: string | null }[];
  };
  expect(outbox.messages.filter((m) => m.status === 'held')).toEqual([
    expect.objectContaining({ heldReason: 'daily_limit' }),
  ]);
});
