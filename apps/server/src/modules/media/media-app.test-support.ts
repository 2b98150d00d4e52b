// A test app with a candidate who uploads real recordings through tus, and shortcuts to process and inspect them.
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import type { TakesTable } from '../../db/schema/takes.ts';
import { addQuestion } from '../../../test/factories/interviews.ts';
import { send, type TestSession } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import type { RuntimeOverrides } from '../../runtime.ts';
import { openTakeOk, setUpCandidate, uploadWithTus, type Candidate } from '../takes/takes.test-support.ts';
import type { TakeProcessing } from './take-processing.ts';

export interface MediaTestApp {
  t: TestContext;
  /** The owner of the organisation the candidates answer. */
  owner: TestSession;
  /** Uploads `data` as a new candidate's take; `short` answers the question with a 15 s limit. */
  uploadTake(data: Buffer, options?: { short?: boolean }): Promise<TakesTable>;
  /** One try of the take.process job, as the queue runs it. */
  processTake(takeId: string, options?: { isLastAttempt?: boolean }): Promise<void>;
  getProcessing(take: TakesTable): Promise<TakeProcessing>;
  /** POST /takes/:id/processing/retry as the owner. */
  retry(takeId: string): Promise<LightMyRequestResponse>;
  /** The absolute path of a stored key. */
  fileOf(key: string): string;
  close(): Promise<void>;
}

export async function startMediaTestApp(
  env: Record<string, string> = {},
  overrides: RuntimeOverrides = {},
): Promise<MediaTestApp> {
  const t = await createTestApp(env, overrides);
  const origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { owner, interview, invite } = await setUpCandidate(t, { takes: 3 });
  // Added before anyone is invited, so it is part of the version every invitation is sent with.
  const shortQuestion = await addQuestion(t.app, owner, interview.id, { answerSeconds: 15 });
  const media = t.runtime.services.media;

  return {
    t,
    owner,
    async uploadTake(data, options = {}) {
      const invited: Candidate = await invite();
      const c = options.short ? { ...invited, questionId: shortQuestion.id } : invited;
      const take = await openTakeOk(t.app, c);
      await uploadWithTus(origin, c, { takeId: take.takeId, data });
      return t.runtime.db
        .selectFrom('takes')
        .selectAll()
        .where('id', '=', take.takeId)
        .executeTakeFirstOrThrow();
    },
    processTake: async (takeId, options = {}) => {
      await media.processTake({ takeId, isLastAttempt: options.isLastAttempt ?? true });
    },
    getProcessing: (take) =>
      media.getTakeProcessing({ organisationId: take.organisation_id, takeId: take.id }),
    retry: (takeId) =>
      send(t.app, owner, { method: 'POST', url: `/api/v1/takes/${takeId}/processing/retry` }),
    fileOf: (key) => path.join(t.runtime.config.mediaDir, key),
    close: () => t.close(),
  };
}
