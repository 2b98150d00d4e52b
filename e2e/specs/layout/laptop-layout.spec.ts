import { request as playwrightRequest, type Page } from '@playwright/test';
import {
  createOrganisationName,
  createPerson,
  signInInBrowser,
  signUpViaApi,
} from '../../fixtures/accounts.ts';
import { expectNoSeriousA11yViolations } from '../../fixtures/axe.ts';
import {
  createCandidate,
  createInterviewWithCandidates,
  toCsv,
  waitForCandidateLink,
} from '../../fixtures/candidates.ts';
import { completeByApi, setUpTeam, signedInApi, type TeamWorld } from '../../fixtures/review-world.ts';
import { saveScreenshot } from '../../fixtures/screenshots.ts';
import { expect, test } from '../../fixtures/test.ts';
import type { Mailbox } from '../../fixtures/mailbox.ts';

/** The employer's main pages, each with the heading that says it has loaded. */
function mainPages(world: TeamWorld): { name: string; path: string; heading: string | RegExp }[] {
  const interview = `/interviews/${world.interviewId}`;
  return [
    { name: 'home', path: '/', heading: 'Home' },
    { name: 'interviews', path: '/interviews', heading: 'Interviews' },
    { name: 'interview', path: interview, heading: world.title },
    { name: 'candidates', path: `${interview}/candidates`, heading: `Candidates: ${world.title}` },
    { name: 'review', path: `${interview}/review`, heading: /^Review/ },
    { name: 'question-bank', path: '/question-bank', heading: 'Question bank' },
    { name: 'team', path: '/team', heading: 'Team' },
    { name: 'requests', path: '/requests', heading: 'Candidate requests' },
    { name: 'outbox', path: '/outbox', heading: 'Outbox' },
    { name: 'processing', path: '/processing', heading: /^Processing/ },
    { name: 'settings', path: '/settings', heading: 'Settings' },
  ];
}

/** A candidate of the world's interview asks for more time, so that the navigation shows a count. */
async function askForMoreTime(world: TeamWorld, mailbox: Mailbox): Promise<void> {
  const candidate = createCandidate('Lou');
  const { api, headers } = await signedInApi(world.baseURL, world.owner);
  const invited = await api.post(`/api/v1/interviews/${world.interviewId}/invitations`, {
    headers,
    data: candidate,
  });
  expect(invited.status(), await invited.text()).toBe(201);
  await api.dispose();
  const link = await waitForCandidateLink(mailbox, candidate.email);
  const candidateApi = await playwrightRequest.newContext({ baseURL: world.baseURL });
  const h = { 'x-requested-with': 'oneway' };
  await candidateApi.post('/api/v1/candidate/session', {
    headers: h,
    data: { token: new URL(link).pathname.split('/').pop() },
  });
  const asked = await candidateApi.post('/api/v1/candidate/requests', {
    headers: h,
    data: { kind: 'extension', days: 5, reason: 'Moving house this week' },
  });
  expect(asked.status(), await asked.text()).toBe(201);
  await candidateApi.dispose();
}

/** How far the page scrolls sideways: 0 when everything fits the window's width. */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
}

/**
 * How the main navigation's links sit: the distinct top offsets (one value: they sit on one row) and how far the
 * links reach past the navigation's own box (0 or less: none runs under the brand or the account button).
 */
async function navigationLayout(page: Page): Promise<{ rows: number[]; overflow: number }> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const box = (await nav.boundingBox())!;
  const links = await nav
    .getByRole('link')
    .evaluateAll((all) => all.map((link) => link.getBoundingClientRect().toJSON() as DOMRect));
  return {
    rows: [...new Set(links.map((link) => Math.round(link.top)))],
    overflow: Math.max(...links.map((link) => Math.max(box.x - link.left, link.right - (box.x + box.width)))),
  };
}

test('on a laptop the main navigation is one row and no main page scrolls sideways', async ({
  page,
  mailbox,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const world = await setUpTeam(baseURL ?? '', mailbox, { questions: 1 });
  await completeByApi(world, mailbox, 'Gus');
  await completeByApi(world, mailbox, 'Hal');
  await askForMoreTime(world, mailbox);
  // A long organisation name must not push the navigation onto a second row.
  const { api, headers } = await signedInApi(world.baseURL, world.owner);
  const renamed = await api.patch('/api/v1/organisation', {
    headers,
    data: { name: `Northwind Recruitment and Talent Partners International ${world.organisationName}` },
  });
  expect(renamed.status(), await renamed.text()).toBe(200);
  await api.dispose();

  await page.setViewportSize({ width: 1280, height: 800 });
  await signInInBrowser(page, world.owner);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Requests, 1 waiting' })).toBeVisible();

  // Each page loads once and is measured at each width (reloading it for each would run into the rate limit).
  for (const { name, path, heading } of mainPages(world)) {
    await test.step(name, async () => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(nav.getByRole('link')).toHaveCount(8);
      for (const width of [1024, 1280, 1440]) {
        await page.setViewportSize({ width, height: 800 });
        // Soft: one run lists every page and width that does not fit.
        const { rows, overflow } = await navigationLayout(page);
        expect.soft(rows, `navigation rows on ${path} at ${width} px`).toHaveLength(1);
        expect.soft(overflow, `navigation past its box on ${path} at ${width} px`).toBeLessThanOrEqual(0);
        expect
          .soft(await sidewaysOverflow(page), `sideways scroll on ${path} at ${width} px`)
          .toBeLessThanOrEqual(0);
        await saveScreenshot(page, `layout-${name}-${width}`);
      }
      // On a phone the links wrap under the brand: the page still fits, and every link is in view.
      await page.setViewportSize({ width: 390, height: 844 });
      expect
        .soft(await sidewaysOverflow(page), `sideways scroll on ${path} at 390 px`)
        .toBeLessThanOrEqual(0);
      await saveScreenshot(page, `layout-${name}-390`);
    });
  }

  await test.step('the account menu shares the navigation row and opens', async () => {
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.goto('/interviews');
    const account = page.getByRole('button', { name: /account menu$/ });
    const [navBox, accountBox] = [await nav.boundingBox(), await account.boundingBox()];
    expect(navBox && accountBox).toBeTruthy();
    // The account button's middle lies within the navigation's height.
    const middle = accountBox!.y + accountBox!.height / 2;
    expect(middle).toBeGreaterThan(navBox!.y);
    expect(middle).toBeLessThan(navBox!.y + navBox!.height);
    await account.click();
    await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  await test.step('on a phone every link of the navigation is in view and the page passes axe', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/settings');
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    for (const link of await nav.getByRole('link').all()) await expect(link).toBeInViewport();
    await expectNoSeriousA11yViolations(page);
  });
});

test('a status message sits below the heading and is dismissed by its button or the keyboard', async ({
  page,
  mailbox,
}) => {
  const owner = createPerson('owner');
  await signUpViaApi(page.request, owner, createOrganisationName(), mailbox);
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.goto('/team');
  const heading = page.getByRole('heading', { level: 1, name: 'Team' });
  await expect(heading).toBeVisible();
  const inviteForm = page.getByRole('form', { name: 'Invite someone' });

  async function invite(): Promise<string> {
    const email = createPerson('recruiter').email;
    await inviteForm.getByLabel('E-mail').fill(email);
    await inviteForm.getByLabel('Role', { exact: true }).selectOption({ label: 'Recruiter' });
    await inviteForm.getByRole('button', { name: 'Send invitation' }).click();
    return email;
  }

  const first = await invite();
  const status = page.getByRole('status').filter({ hasText: `Invitation sent to ${first}.` });
  await expect(status).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  const [headingBox, statusBox] = [await heading.boundingBox(), await status.boundingBox()];
  expect(headingBox && statusBox).toBeTruthy();
  expect(statusBox!.y).toBeGreaterThanOrEqual(headingBox!.y + headingBox!.height);
  await saveScreenshot(page, 'layout-status-message');
  await expectNoSeriousA11yViolations(page);

  // Scrolled down, the message stays where it is in the page instead of covering what is under it.
  await page.mouse.wheel(0, 600);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  const scrolled = await status.boundingBox();
  expect(scrolled!.y).toBeLessThan(statusBox!.y);

  await page.getByRole('button', { name: 'Dismiss', exact: true }).click();
  await expect(status).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Dismiss', exact: true })).toHaveCount(0);

  const second = await invite();
  await expect(page.getByRole('status').filter({ hasText: `Invitation sent to ${second}.` })).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: second })).toHaveCount(0);
  // Focus does not fall back to the start of the document: it lands on the page's heading.
  await expect(heading).toBeFocused();

  // An error stays until it is dismissed.
  await page.route('**/api/v1/members/invitations/*', (route) =>
    route.fulfill({ status: 500, contentType: 'application/json', body: '{}' }),
  );
  await page
    .getByRole('region', { name: 'Pending invitations' })
    .getByRole('button', { name: /^Revoke/ })
    .first()
    .click();
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await page.waitForTimeout(1_000);
  await expect(alert).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  const [headingNow, alertBox] = [await heading.boundingBox(), await alert.boundingBox()];
  expect(alertBox!.y).toBeGreaterThanOrEqual(headingNow!.y + headingNow!.height);
  await saveScreenshot(page, 'layout-error-message');
  await page.getByRole('button', { name: 'Dismiss', exact: true }).press('Space');
  await expect(alert).toHaveCount(0);
});

test('the CSV import preview fits a laptop screen without scrolling sideways', async ({ page, mailbox }) => {
  test.setTimeout(60_000);
  const owner = createPerson('owner');
  await signUpViaApi(page.request, owner, createOrganisationName(), mailbox);
  const interviewId = await createInterviewWithCandidates(page.request, 'Account executive', []);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/interviews/${interviewId}/candidates`);
  await expect(page.getByRole('heading', { level: 1, name: 'Candidates: Account executive' })).toBeVisible();

  const rows = ['Ana', 'Ben', 'Cleo'].map((first, i) => ({
    name: `${first} Maria de los Santos Fernández-Villanueva ${i}`,
    email: `${first.toLowerCase()}.maria.de.los.santos.fernandez-villanueva@recruiting.example.com`,
    phone: '+44 20 7946 0000',
    externalId: `ATS-2026-${1000 + i}-EMEA-SALES`,
  }));
  await page.getByLabel('Or paste the CSV').fill(toCsv(rows));
  await page.getByRole('button', { name: 'Check file' }).click();
  const table = page.getByRole('table', { name: 'Ready to invite: 3 candidates' });
  await expect(table).toContainText(rows[0]!.email);

  const region = page.getByRole('region', { name: 'Candidates ready to invite' });
  const overflow = await region.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow, 'the preview scrolls sideways').toBeLessThanOrEqual(0);
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  await region.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'layout-csv-preview-1280');
  await expectNoSeriousA11yViolations(page);
});
