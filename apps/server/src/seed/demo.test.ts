import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestContext } from '../../test/runtime.ts';
import { seedDemo } from './demo.ts';

describe('demo seed', () => {
  let t: TestContext;
  let printed = '';
  beforeAll(async () => {
    t = await createTestApp();
    const log = vi.spyOn(console, 'log').mockImplementation((text: string) => {
      printed += text;
    });
    await seedDemo(t.runtime);
    await seedDemo(t.runtime);
    log.mockRestore();
  });
  afterAll(() => t.close());

  it('creates the demo organisation once, with the six-question interview', async () => {
    const organisations = await t.runtime.db.selectFrom('organisations').select('name').execute();
    expect(organisations).toEqual([{ name: 'Northwind Pay' }]);
    const questions = await t.runtime.db.selectFrom('questions').selectAll().execute();
    expect(questions).toHaveLength(6);
    const invitations = await t.runtime.db
      .selectFrom('invitations')
      .select(['candidate_name', 'status'])
      .orderBy('candidate_name')
      .execute();
    expect(invitations).toEqual([
      { candidate_name: 'Priya Raman', status: 'completed' },
      { candidate_name: 'Sam Okafor', status: 'invited' },
    ]);
  });

  it('gives the completed candidate a saved, processable recording for every question', async () => {
    const { db, config } = t.runtime;
    const takes = await db.selectFrom('takes').selectAll().execute();
    expect(takes).toHaveLength(6);
    const answers = await db.selectFrom('answers').select(['take_id', 'kind']).execute();
    expect(answers.map((a) => a.kind)).toEqual(Array(6).fill('take'));
    expect(new Set(answers.map((a) => a.take_id))).toEqual(new Set(takes.map((take) => take.id)));
    for (const take of takes) {
      expect(take.status).toBe('uploaded');
      expect(take.mime).toBe('video/webm');
      const stored = await fs.stat(path.join(config.mediaDir, take.storage_key));
      expect(stored.size).toBe(Number(take.bytes));
    }
    const queued = await db.selectFrom('take_media').select('status').execute();
    expect(queued).toHaveLength(6);
  });

  it('prints a candidate link that opens the invitation', async () => {
    const token = /\/i\/(\S+)/.exec(printed)?.[1];
    expect(token).toBeTruthy();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/candidate/session',
      headers: { 'x-requested-with': 'oneway' },
      payload: { token },
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('prints credentials that sign in', async () => {
    const password = /password: (\S+)/.exec(printed)?.[1];
    expect(password).toBeTruthy();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signin',
      payload: { email: 'owner@demo.oneway.test', password },
    });
    expect(res.statusCode).toBe(200);
    const interviews = await t.app.inject({
      method: 'GET',
      url: '/api/v1/interviews',
      cookies: { oneway_session: res.cookies[0]?.value ?? '' },
    });
    expect(interviews.json<{ interviews: { title: string }[] }>().interviews[0]?.title).toContain(
      'Senior Account',
    );
  });
});
