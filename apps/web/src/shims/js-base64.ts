/**
 * What tus-js-client uses of `js-base64` (Base64.encode of metadata values, UTF-8), from the browser's own
 * TextEncoder and btoa. Aliased in vite.config.ts to keep the candidate pages' JavaScript small.
 */
export const Base64 = {
  encode(value: string): string {
    let binary = '';
    for (const byte of new TextEncoder().encode(value)) binary += String.fromCharCode(byte);
    return btoa(binary);
  },
};
