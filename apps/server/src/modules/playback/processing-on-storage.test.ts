import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describeProcessingOnStorage } from './storage-scenario.test-support.ts';

describeProcessingOnStorage('local storage', {
  env: {},
  read: (t, key) =>
    readFile(path.join(t.runtime.config.mediaDir, key)).catch((err: NodeJS.ErrnoException) =>
      err.code === 'ENOENT' ? null : Promise.reject(err),
    ),
  async fetchRange(t, url, range) {
    const res = await t.app.inject({
      method: 'GET',
      url,
      headers: { range: `bytes=${range.start}-${range.end}` },
    });
    return {
      status: res.statusCode,
      contentRange: res.headers['content-range'] ?? null,
      body: res.rawPayload,
    };
  },
});
