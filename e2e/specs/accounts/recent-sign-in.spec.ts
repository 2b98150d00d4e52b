import { createOrganisationName, createPerson, expectSignedInTo } from '../../fixtures/accounts.ts';
import { expectNoSeriousA11yViolations } from '../../fixtures/axe.ts';
import { startDedicatedServer, type DedicatedServer } from '../../fixtures/dedicated-server.ts';
import { saveScreenshot } from '../../fixtures/screenshots.ts';
import { expect, test } from '@playwright/test';

// A server of its own where every change to how one signs in asks for the password again (REAUTH_AFTER_MINUTES=0),
// as any server does 15 minutes after sign-in.
let server: DedicatedServer;
test.beforeAll(async () => {
  server = await startDedicatedServer('recent-sign-in', {
    env: { SIGNUP: 'closed', SEED_DEMO: 'false', REAUTH_AFTER_MINUTES: '0' },
  });
});
test.afterAll(async () => {
  await server?.stop();
});
test.use({ baseURL: undefined, viewport: { width: 1280, height: 900 } });

test('changing how one signs in asks for the password again; a wrong one or a cancel changes nothing', async ({
  page,
}) => {
  const owner = createPerson('owner');
  const organisationName = createOrganisationName();
  await page.goto(`${server.url}/signup`);
  await page.getByLabel('Organisation name').fill(organisationName);
  await page.getByLabel('Your name').fill(owner.name);
  await page.getByLabel('E-mail').fill(owner.email);
  await page.getByLabel('Password').fill(owner.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expectSignedInTo(page, organisationName);
  await page.goto(`${server.url}/account/security`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign-in and security' })).toBeVisible();

  const setUp = page.getByRole('button', { name: 'Set up an authenticator app' });
  const dialog = page.getByRole('dialog', { name: 'Enter your password' });
  const keyLink = page.getByRole('link', { name: 'open the key in your authenticator app' });

  // Cancelled: nothing starts, and the page says why.
  await setUp.click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Current password')).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(keyLink).toHaveCount(0);
  await expect(page.getByText('Enter your password again to change how you sign in.')).toBeVisible();

  // A wrong password is refused in the dialog; the right one lets the change go ahead.
  await setUp.click();
  await dialog.getByLabel('Current password').fill('not-the-password');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog.getByText('That password is not right.')).toBeVisible();
  await expect(keyLink).toHaveCount(0);
  await saveScreenshot(page, 'security-confirm-password');
  await expectNoSeriousA11yViolations(page);
  await dialog.getByLabel('Current password').fill(owner.password);
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(keyLink).toBeVisible();
});
