import type { StorageProblem } from '@oneway/shared';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StorageProblems } from './StorageProblems.tsx';

const problem = (change: Partial<StorageProblem> = {}): StorageProblem => ({
  id: 'p1',
  kind: 'disk_full',
  startedAt: '2030-01-01T10:00:00.000Z',
  lastFailedAt: '2030-01-01T10:05:00.000Z',
  failedRequests: 1,
  reason: "The server's disk is full, so candidates' recordings cannot be saved.",
  detail: 'ENOSPC: no space left on device, write',
  resolvedAt: null,
  ...change,
});

const render = (problems: StorageProblem[]) =>
  renderToStaticMarkup(createElement(StorageProblems, { problems }))
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|’/g, "'")
    .replace(/\s+/g, ' ');

describe('StorageProblems on the Processing page', () => {
  it('says plainly that recordings cannot be saved while a problem goes on, with its cause', () => {
    const text = render([problem({ failedRequests: 3 })]);
    expect(text).toContain('Storage problems');
    expect(text).toContain("The server cannot save candidates' recordings right now.");
    expect(text).toContain('Disk full Going on');
    expect(text).toContain('3 failed requests');
    expect(text).toContain("The server's disk is full");
    expect(text).toContain('ENOSPC: no space left on device');
    expect(renderToStaticMarkup(createElement(StorageProblems, { problems: [problem()] }))).toContain(
      'role="alert"',
    );
  });

  it('does not say recordings cannot be saved once every problem is over', () => {
    const text = render([problem({ kind: 's3_unavailable', resolvedAt: '2030-01-01T11:00:00.000Z' })]);
    expect(text).toContain('S3 storage not answering Over');
    expect(text).toContain('1 failed request ');
    expect(text).toContain('Working again since');
    expect(text).not.toContain('cannot save');
  });

  it('shows nothing when storage has not failed', () => {
    expect(renderToStaticMarkup(createElement(StorageProblems, { problems: [] }))).toBe('');
  });
});
