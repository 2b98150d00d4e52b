import { createOrganisationName, createPerson, signUpViaApi } from '../../fixtures/accounts.ts';
import { expectNoSeriousA11yViolations } from '../../fixtures/axe.ts';
import { expect, test } from '../../fixtures/test.ts';

test.describe('account pages have no serious or critical WCAG 2.2 AA violations', () => {
  test('sign-up page', async ({ page }) => {
    await page.goto('/signup');
    await expect(page.getByRole('heading', { level: 1, name: 'Create your organisation' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('sign-up page showing validation errors', async ({ page }) => {
    await page.goto('/signup');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByLabel('Organisation name')).toHaveAttribute('aria-invalid', 'true');
    await expectNoSeriousA11yViolations(page);
  });

  test('sign-in page', async ({ page }) => {
    await page.goto('/signin');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('team page', async ({ page, mailbox }) => {
    // page.request shares the browser's cookies, so signing up through it signs the page in.
    await signUpViaApi(page.request, createPerson('owner'), createOrganisationName(), mailbox);
    await page.goto('/team');
    await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
    await expect(page.getByRole('form', { name: 'Invite someone' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});
