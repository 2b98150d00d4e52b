import { describe, expect, it } from 'vitest';
import { formatTotpSecret } from './totpSecret.ts';

describe('formatTotpSecret', () => {
  it('shows the key in groups of four capitals, as authenticator apps ask for it', () => {
    expect(formatTotpSecret('jbswy3dpehpk3pxpjbsw')).toBe('JBSW Y3DP EHPK 3PXP JBSW');
    expect(formatTotpSecret('JBS WY3')).toBe('JBSW Y3');
  });
});
