import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../lib/logger.ts';

describe('secrets in request addresses never reach the log', () => {
  it('hides a signed media token, with or without a query string', () => {
    expect(redactUrl('/api/v1/media/eyJ2Ijo.x1y2z3')).toBe('/api/v1/media/[redacted]');
    expect(redactUrl('/api/v1/media/eyJ2Ijo.x1y2z3?t=1')).toBe('/api/v1/media/[redacted]?[redacted]');
  });

  it("hides a share link's token", () => {
    expect(redactUrl('/s/Zm9vYmFyYmF6cXV4cXV1eA')).toBe('/s/[redacted]');
  });

  it('leaves the routes that issue addresses readable', () => {
    expect(redactUrl('/api/v1/takes/42/playback')).toBe('/api/v1/takes/42/playback');
    expect(redactUrl('/api/v1/shared/view')).toBe('/api/v1/shared/view');
  });
});
