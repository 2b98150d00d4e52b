import type { Config } from '../../config.ts';

/** An e-mail about an account, sent with no organisation (no organisation's outbox shows it). */
export interface AccountMail {
  subject: string;
  text: string;
}

/**
 * To an account's owner after repeated failed sign-ins. `lastFailure` is what failed the try that crossed the line:
 * a wrong second-factor code means the password was right, which the e-mail must say plainly.
 */
export function buildFailedSignInsMail(
  config: Pick<Config, 'publicUrl'>,
  user: { name: string },
  lastFailure: 'password' | 'second_factor',
): AccountMail {
  if (lastFailure === 'second_factor') {
    return {
      subject: 'Failed sign-ins to your Oneway account: change your password',
      text: [
        `Hello ${user.name},`,
        '',
        'Someone has tried several times to sign in to your Oneway account. They entered your password',
        'correctly, then wrong codes for your second factor, so your second factor stopped them.',
        '',
        'If it was not you, someone knows your password: change it now on your security page, where you can',
        `also check your authenticator app and passkeys: ${config.publicUrl}/account/security`,
        '',
        'If it was you, nothing needs doing; each further try now has to wait longer for a while.',
      ].join('\n'),
    };
  }
  return {
    subject: 'Failed sign-ins to your Oneway account',
    text: [
      `Hello ${user.name},`,
      '',
      'Someone has tried several times to sign in to your Oneway account with a wrong password. Each further try',
      'now has to wait longer; your account is not locked, and you can still sign in as usual.',
      '',
      'If it was you and you forgot your password, reset it here:',
      `${config.publicUrl}/forgot-password`,
      '',
      'If it was not you, your account is safe as long as your password is. To make it safer, add an',
      `authenticator app or a passkey on your security page: ${config.publicUrl}/account/security`,
    ].join('\n'),
  };
}

/** The link that confirms a sign-up's address and creates its organisation. */
export function buildConfirmSignUpMail(
  config: Pick<Config, 'publicUrl'>,
  options: { name: string; organisationName: string; token: string },
): AccountMail {
  return {
    subject: 'Confirm your e-mail address for Oneway',
    text: [
      `Hello ${options.name},`,
      '',
      `To create "${options.organisationName}" on Oneway, confirm that this address is yours within 24 hours:`,
      `${config.publicUrl}/signup/confirm?token=${options.token}`,
      '',
      'If you did not sign up, ignore this e-mail: nothing is created without the confirmation.',
    ].join('\n'),
  };
}

/** Instead of a second account: the address already has one, and its owner is told so, not the person signing up. */
export function buildAccountExistsMail(
  config: Pick<Config, 'publicUrl'>,
  user: { name: string },
): AccountMail {
  return {
    subject: 'Someone tried to sign up to Oneway with your address',
    text: [
      `Hello ${user.name},`,
      '',
      'Someone asked to create a new Oneway account with this e-mail address, which already has one. Nothing',
      'was created.',
      '',
      `If it was you, sign in instead: ${config.publicUrl}/signin`,
      `Forgot your password? Reset it here: ${config.publicUrl}/forgot-password`,
      '',
      'If it was not you, you need not do anything.',
    ].join('\n'),
  };
}

/** An instance administrator's invitation to create an organisation. */
export function buildInstanceInvitationMail(
  config: Pick<Config, 'publicUrl'>,
  options: { token: string; days: number },
): AccountMail {
  return {
    subject: 'You are invited to create an organisation on Oneway',
    text: [
      'Hello,',
      '',
      `The administrator of the Oneway instance at ${config.publicUrl} invites you to create an organisation`,
      `there, to run one-way video interviews. The link works for ${options.days} days:`,
      `${config.publicUrl}/signup?invitation=${options.token}`,
    ].join('\n'),
  };
}

/** To the account's owner when its password was changed while signed in. */
export function buildPasswordChangedMail(
  config: Pick<Config, 'publicUrl'>,
  user: { name: string },
): AccountMail {
  return {
    subject: 'Your Oneway password was changed',
    text: [
      `Hello ${user.name},`,
      '',
      'The password of your Oneway account was just changed, and every other session was signed out.',
      '',
      `If you did not do this, reset your password at once: ${config.publicUrl}/forgot-password`,
    ].join('\n'),
  };
}
