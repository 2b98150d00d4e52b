import { signInInBrowser } from '../../fixtures/accounts.ts';
import { expectNoSeriousA11yViolations } from '../../fixtures/axe.ts';
import { createCandidate } from '../../fixtures/candidates.ts';
import { setUpTeam, signedInApi } from '../../fixtures/review-world.ts';
import { saveScreenshot } from '../../fixtures/screenshots.ts';
import { expect, test } from '../../fixtures/test.ts';

test.use({ viewport: { width: 1280, height: 900 } });

test("an owner words the organisation's invitation once; an interview sends it, a recruiter only reads it", async ({
  page,
  browser,
  mailbox,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const world = await setUpTeam(baseURL ?? '', mailbox, { questions: 1 });
  await signInInBrowser(page, world.owner);
  await page.goto('/settings');
  await saveScreenshot(page, 'settings-owner');
  await page.getByRole('link', { name: 'Organisation e-mails' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisation e-mails' })).toBeVisible();

  const invitation = page.getByRole('region', { name: 'Invitation' });
  await expect(invitation.getByText('Default wording')).toBeVisible();
  await invitation
    .getByLabel('Subject')
    .fill('{{candidateFirstName}}, {{companyName}} would like to meet you');
  await invitation.getByRole('button', { name: /^Preview/ }).click();
  await expect(
    invitation.getByText('Alex, ' + world.organisationName + ' would like to meet you'),
  ).toBeVisible();
  await invitation.getByRole('button', { name: /^Save template/ }).click();
  await expect(page.getByText('Invitation e-mail saved.')).toBeVisible();
  await expect(invitation.getByText('Customised')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, 'organisation-emails');

  // The Spanish wording is its own: still the default.
  await page.getByRole('link', { name: 'Español' }).click();
  await expect(page).toHaveURL(/language=es/);
  await expect(page.getByRole('region', { name: 'Invitation' }).getByText('Default wording')).toBeVisible();

  // The interview (in English, with no wording of its own) shows and sends the organisation's wording.
  await page.goto(`/interviews/${world.interviewId}/emails`);
  await expect(
    page.getByRole('region', { name: 'Invitation' }).getByText('Organisation wording'),
  ).toBeVisible();
  const { api, headers } = await signedInApi(world.baseURL, world.owner);
  const candidate = createCandidate('Dana');
  const invited = await api.post(`/api/v1/interviews/${world.interviewId}/invitations`, {
    headers,
    data: candidate,
  });
  expect(invited.status(), await invited.text()).toBe(201);
  await expect
    .poll(() =>
      mailbox
        .readAll()
        .filter((m) => m.recipients.includes(candidate.email.toLowerCase()))
        .map((m) => m.subject),
    )
    .toContain(`Dana, ${world.organisationName} would like to meet you`);
  await api.dispose();

  // A recruiter reads the organisation's wording and cannot change it.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const recruiter = await context.newPage();
  await signInInBrowser(recruiter, world.recruiter);
  await recruiter.goto('/settings/emails');
  await expect(recruiter.getByText('Only owners and admins change these.', { exact: false })).toBeVisible();
  await expect(recruiter.getByRole('button', { name: /^Save template/ })).toHaveCount(0);
  await context.close();
});
