import {
  createOrganisationName,
  createPerson,
  expectSignedInTo,
  signInInBrowser,
  signOut,
} from '../../fixtures/accounts.ts';
import { expect, test } from '../../fixtures/test.ts';

test('an owner signs up, invites a recruiter by e-mail, and the recruiter joins from the link', async ({
  page,
  browser,
  mailbox,
}) => {
  const owner = createPerson('owner');
  const recruiter = createPerson('recruiter');
  const organisationName = createOrganisationName();

  await test.step('sign up a new organisation', async () => {
    await page.goto('/signup');
    await page.getByLabel('Organisation name').fill(organisationName);
    await page.getByLabel('Your name').fill(owner.name);
    await page.getByLabel('E-mail').fill(owner.email);
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    // The e2e server takes sign-ups as a public instance would (SIGNUP=open): the address is confirmed first.
    await expect(page.getByRole('heading', { level: 1, name: 'Check your e-mail' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText(`We sent a link to ${owner.email}.`);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  });

  await test.step('confirm the address from the e-mailed link, which creates the organisation', async () => {
    await page.goto(await mailbox.waitForLink(owner.email, '/signup/confirm'));
    await expectSignedInTo(page, organisationName);
  });

  await test.step('sign out and back in', async () => {
    await signOut(page, owner.name);
    await expect(page.getByRole('status').filter({ hasText: 'You have signed out.' })).toBeVisible();
    await signInInBrowser(page, owner);
    await expectSignedInTo(page, organisationName);
  });

  await test.step('invite a recruiter from the team page', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
    const inviteForm = page.getByRole('form', { name: 'Invite someone' });
    await inviteForm.getByLabel('E-mail').fill(recruiter.email);
    await inviteForm.getByLabel('Role', { exact: true }).selectOption({ label: 'Recruiter' });
    await inviteForm.getByRole('button', { name: 'Send invitation' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: `Invitation sent to ${recruiter.email}.` }),
    ).toBeVisible();
    await expect(page.getByRole('region', { name: 'Pending invitations' })).toContainText(recruiter.email);
  });

  const joinLink = await mailbox.waitForLink(recruiter.email, '/join');

  await test.step('the recruiter opens the link in their own browser and joins', async () => {
    const context = await browser.newContext();
    try {
      const guest = await context.newPage();
      await guest.goto(joinLink);
      await expect(
        guest.getByRole('heading', { level: 1, name: `Join ${organisationName} as Recruiter` }),
      ).toBeVisible();
      await guest.getByLabel('Your name').fill(recruiter.name);
      await guest.getByLabel('Password').fill(recruiter.password);
      await guest.getByRole('button', { name: 'Join' }).click();
      await expectSignedInTo(guest, organisationName);
      await expect(guest.getByRole('button', { name: /account menu$/ })).toContainText(recruiter.name);
    } finally {
      await context.close();
    }
  });

  await test.step('the owner sees the recruiter in the team', async () => {
    await page.reload();
    const members = page.getByRole('region', { name: 'Members' });
    await expect(members).toContainText(recruiter.name);
    await expect(members.getByLabel(`Role for ${recruiter.name}`)).toHaveValue('recruiter');
    await expect(page.getByRole('region', { name: 'Pending invitations' })).not.toContainText(
      recruiter.email,
    );
  });
});
