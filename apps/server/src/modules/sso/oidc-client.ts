import * as client from 'openid-client';

/** An OpenID Connect provider as an organisation configured it. */
export interface OidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** What the provider says about the person, from its verified ID token. */
export interface OidcIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

/** The secrets one login carries from its start to the provider's callback. */
export interface OidcLoginChecks {
  codeVerifier: string;
  state: string;
  nonce: string;
}

/** Plain HTTP only to a provider on this machine (tests, a provider beside Oneway); https everywhere else. */
export function isAllowedIssuer(issuer: string): boolean {
  const url = new URL(issuer);
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

const discoveryTtlMs = 10 * 60_000;
const discovered = new Map<string, { config: Promise<client.Configuration>; at: number }>();

/** The provider's metadata (discovered, then kept ten minutes), and how Oneway authenticates to it. */
function configurationOf(provider: OidcProvider): Promise<client.Configuration> {
  const key = JSON.stringify(provider);
  const cached = discovered.get(key);
  if (cached && Date.now() - cached.at < discoveryTtlMs) return cached.config;
  const url = new URL(provider.issuer);
  const config = client.discovery(
    url,
    provider.clientId,
    undefined,
    client.ClientSecretBasic(provider.clientSecret),
    {
      execute: url.protocol === 'http:' ? [client.allowInsecureRequests] : [],
      timeout: 10,
    },
  );
  discovered.set(key, { config, at: Date.now() });
  config.catch(() => discovered.delete(key));
  return config;
}

/**
 * The address that sends the person to the provider: authorization code flow with PKCE (S256), a state bound to
 * the browser and a nonce bound to the ID token. The checks are kept by the caller until the callback.
 */
export async function startOidcLogin(
  provider: OidcProvider,
  redirectUri: string,
): Promise<{ url: string; checks: OidcLoginChecks }> {
  const config = await configurationOf(provider);
  const checks: OidcLoginChecks = {
    codeVerifier: client.randomPKCECodeVerifier(),
    state: client.randomState(),
    nonce: client.randomNonce(),
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
    code_challenge_method: 'S256',
    state: checks.state,
    nonce: checks.nonce,
  });
  return { url: url.toString(), checks };
}

/**
 * Exchanges the callback's code (checking state, PKCE and nonce), and reads who signed in: the subject of the
 * verified ID token, and the address and name from the UserInfo endpoint when the provider puts them there (OpenID
 * Connect returns scope claims from UserInfo once an access token is issued), else from the ID token.
 */
export async function finishOidcLogin(
  provider: OidcProvider,
  callbackUrl: URL,
  checks: OidcLoginChecks,
): Promise<OidcIdentity> {
  const config = await configurationOf(provider);
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: checks.codeVerifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  });
  const idToken = tokens.claims();
  if (!idToken) throw new Error('The provider sent no ID token');
  const claims: Record<string, unknown> =
    typeof idToken.email === 'string' || !config.serverMetadata().userinfo_endpoint
      ? idToken
      : // fetchUserInfo checks that UserInfo speaks of the ID token's subject.
        await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
  return {
    subject: idToken.sub,
    email: typeof claims.email === 'string' ? claims.email.toLowerCase() : null,
    emailVerified: claims.email_verified === true,
    name: typeof claims.name === 'string' ? claims.name : null,
  };
}
