import { describe, expect, it } from 'vitest';
import { buildExampleCsv, exampleCsvHref } from './exampleCsv.ts';

describe('the example CSV', () => {
  it('gives its one deadline two weeks from the day it is made, so the import never refuses it', () => {
    for (const now of [new Date('2026-12-07T10:00:00'), new Date('2031-02-27T23:30:00')]) {
      const csv = buildExampleCsv(now);
      const deadline = /,(\d{4}-\d{2}-\d{2}) 17:00$/m.exec(csv)?.[1];
      expect(deadline, csv).toBeDefined();
      const days = (Date.parse(`${deadline}T17:00:00`) - now.getTime()) / 86_400_000;
      expect(days).toBeGreaterThan(13);
      expect(days).toBeLessThan(15);
    }
  });

  it('has the columns the import reads, and a download address carrying it', () => {
    const now = new Date('2026-12-07T10:00:00');
    expect(buildExampleCsv(now).split('\r\n')[0]).toBe('name,email,phone,external_id,deadline');
    expect(decodeURIComponent(exampleCsvHref(now).split(',').slice(1).join(','))).toBe(buildExampleCsv(now));
  });
});
