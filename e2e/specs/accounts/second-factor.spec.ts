import path from 'node:path';
import * as OTPAuth from 'otpauth';
import {
  createOrganisationName,
  createPerson,
  expectSignedInTo,
  signOut,
  submitSignIn,
} from '../../fixtures/accounts.ts';
import { startDedicatedServer, type DedicatedServer } from '../../fixtures/dedicated-server.ts';
import { expect, test, type Page } from '@playwright/test';

// A server of its own, with no organisation yet and the default SIGNUP=closed (sign-up is closed once an
// organisation exists): the instance's first account may always sign up.
let server: DedicatedServer;
test.beforeAll(async () => {
  server = await startDedicatedServer('second-factor', { env: { SIGNUP: 'closed' } });
});
test.afterAll(async () => {
  await server?.stop();
});
test.use({ baseURL: undefined, viewport: { width: 1280, height: 900 } });

const screenshotDir = path.resolve(import.meta.dirname, '../../../.tmp/e2e/screenshots');

/** The code an authenticator app shows `offsetSeconds` from now. */
const codeAt = (totp: OTPAuth.TOTP, offsetSeconds = 0) =>
  totp.generate({ timestamp: Date.now() + offsetSeconds * 1000 });

/** A 6-digit code no nearby time step accepts, so the refusal cannot depend on the clock. */
function wrongCode(totp: OTPAuth.TOTP): string {
  const accepted = new Set([-60, -30, 0, 30, 60, 90].map((offset) => codeAt(totp, offset)));
  let n = Number(codeAt(totp));
  let code: string;
  do {
    n = (n + 1) % 1_000_000;
    code = String(n).padStart(6, '0');
  } while (accepted.has(code));
  return code;
}

async function signInWithPassword(page: Page, email: string, password: string) {
  await submitSignIn(page, { email, password }, server.url);
}

test('an owner sets up an authenticator app, then signs in with its code; a wrong code is refused', async ({
  page,
}) => {
  const owner = createPerson('owner');
  const organisationName = createOrganisationName();
  let totp!: OTPAuth.TOTP;
  let recoveryCode!: string;

  await test.step('sign up as the instance’s first account, with the strength shown', async () => {
    await page.goto(`${server.url}/signup`);
    await page.getByLabel('Organisation name').fill(organisationName);
    await page.getByLabel('Your name').fill(owner.name);
    await page.getByLabel('E-mail').fill(owner.email);
    await page.getByLabel('Password').fill('Summer2024!');
    await expect(page.getByText(/guess/).first()).toBeVisible();
    await page.getByLabel('Password').fill(owner.password);
    await expect(page.getByText(/^(Strong|Very strong)\./)).toBeVisible();
    await page.getByRole('button', { name: 'Create account' }).click();
    await expectSignedInTo(page, organisationName);
  });

  await test.step('set up the authenticator app on the security page', async () => {
    await page.getByRole('button', { name: /account menu$/ }).click();
    await page.getByRole('link', { name: 'Sign-in and security' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign-in and security' })).toBeVisible();
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const uri = await page
      .getByRole('link', { name: 'open the key in your authenticator app' })
      .getAttribute('href');
    const parsed = OTPAuth.URI.parse(uri ?? '');
    if (!(parsed instanceof OTPAuth.TOTP)) throw new Error(`not a TOTP address: ${uri}`);
    totp = parsed;
    await page.getByLabel('Code from the app').fill(codeAt(totp));
    await page.getByRole('button', { name: 'Turn on the authenticator app' }).click();
    await expect(page.getByRole('heading', { name: 'Store your recovery codes now' })).toBeFocused();
    const codes = await page
      .getByRole('list', { name: 'Recovery codes' })
      .getByRole('listitem')
      .allTextContents();
    expect(codes.length).toBeGreaterThan(5);
    recoveryCode = codes[0]!;
    await page.getByRole('button', { name: 'I have stored the codes' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The authenticator app is on.' })).toBeVisible();
    await expect(
      page.getByText('On. After your password, sign-ins ask for the code your app shows.'),
    ).toBeVisible();
    await page.screenshot({ path: path.join(screenshotDir, 'security-page.png'), fullPage: true });
  });

  await test.step('after the password, a wrong code is refused and says why', async () => {
    await signOut(page, owner.name);
    await signInWithPassword(page, owner.email, owner.password);
    await expect(page.getByRole('heading', { level: 1, name: 'Confirm it is you' })).toBeFocused();
    await page.getByLabel('Code from the app').fill(wrongCode(totp));
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('alert')).toContainText('That code is not right.');
    await expect(page.getByLabel('Code from the app')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await page.screenshot({ path: path.join(screenshotDir, 'sign-in-second-step.png'), fullPage: true });
  });

  await test.step('the app’s code signs in', async () => {
    // The next step's code: the one used to turn the app on cannot be used again.
    await page.getByLabel('Code from the app').fill(codeAt(totp, 30));
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectSignedInTo(page, organisationName);
  });

  await test.step('a recovery code signs in once', async () => {
    await signOut(page, owner.name);
    await signInWithPassword(page, owner.email, owner.password);
    await page.getByRole('button', { name: 'Use a recovery code' }).click();
    await page.getByLabel('Recovery code').fill(recoveryCode);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectSignedInTo(page, organisationName);
  });
});
