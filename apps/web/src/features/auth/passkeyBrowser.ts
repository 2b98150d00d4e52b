import { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { requestApi } from '../../api/client.ts';

interface JsonObject {
  [key: string]: unknown;
}
const jsonObject = {
  safeParse: (input: unknown) =>
    typeof input === 'object' && input !== null
      ? { success: true as const, data: input as JsonObject }
      : { success: false as const, error: 'Expected an object' },
};

/**
 * Asks the browser for a passkey's answer to the server's challenge (`optionsPath`): the page's part of a WebAuthn
 * sign-in, done by @simplewebauthn/browser.
 */
export async function answerWithPasskey(optionsPath: string): Promise<JsonObject> {
  const optionsJSON = await requestApi(optionsPath, { method: 'POST', schema: jsonObject });
  const response = await startAuthentication({ optionsJSON: optionsJSON as never });
  return response as unknown as JsonObject;
}

/** Asks the browser to create a passkey for the server's options (`optionsPath`); answers the new credential. */
export async function createPasskey(optionsPath: string): Promise<JsonObject> {
  const optionsJSON = await requestApi(optionsPath, { method: 'POST', schema: jsonObject });
  const response = await startRegistration({ optionsJSON: optionsJSON as never });
  return response as unknown as JsonObject;
}

/** A browser refusal or cancel (the person closed the dialog), told apart from a server refusal. */
export function isPasskeyCancelled(error: unknown): boolean {
  return error instanceof Error && (error.name === 'NotAllowedError' || error.name === 'AbortError');
}
