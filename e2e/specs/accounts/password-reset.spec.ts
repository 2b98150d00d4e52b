import {
  createOrganisationName,
  createPerson,
  expectSignedInTo,
  signInInBrowser,
  submitSignIn,
  signUpViaApi,
} from '../../fixtures/accounts.ts';
import { expect, test } from '../../fixtures/test.ts';

test('someone who forgot their password sets a new one from the e-mailed link and signs in with it', async ({
  page,
  playwright,
  baseURL,
  mailbox,
}) => {
  const person = createPerson('forgetful');
  const organisationName = createOrganisationName();
  // A separate request context, so the browser starts signed out.
  const api = await playwright.request.newContext({ baseURL });
  await signUpViaApi(api, person, organisationName, mailbox);
  await api.dispose();

  await page.goto('/signin');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel('E-mail').fill(person.email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status')).toContainText(`If an account exists for ${person.email}`);

  const resetLink = await mailbox.waitForLink(person.email, '/reset-password');
  const newPassword = `new-${person.password}`;
  await page.goto(resetLink);
  await page.getByLabel('New password').fill(newPassword);
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByRole('status')).toContainText('Your password has been changed.');

  await test.step('the old password no longer works', async () => {
    await submitSignIn(page, person);
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page).toHaveURL(/\/signin$/);
  });

  await signInInBrowser(page, { email: person.email, password: newPassword });
  await expectSignedInTo(page, organisationName);
});
