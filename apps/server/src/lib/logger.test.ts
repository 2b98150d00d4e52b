import { describe, expect, it } from 'vitest';
import { redactUrl } from './logger.ts';

describe('redactUrl', () => {
  it('drops query strings, which can carry reset and invitation tokens', () => {
    expect(redactUrl('/api/v1/team-invitations/preview?token=abc')).toBe(
      '/api/v1/team-invitations/preview?[redacted]',
    );
  });
  it('hides the token of a candidate link', () => {
    expect(redactUrl('/i/s3cr3t-token')).toBe('/i/[redacted]');
  });
  it('leaves ordinary paths alone', () => {
    expect(redactUrl('/api/v1/interviews/42')).toBe('/api/v1/interviews/42');
  });
});
