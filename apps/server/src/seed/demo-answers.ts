import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createMediaStorage } from '../adapters/create-media-storage.ts';
import type { InvitationsTable } from '../db/schema/invitations.ts';
import { hashFile, readFileHead } from '../modules/takes/media-files.ts';
import type { FinishedUpload } from '../modules/takes/upload-store.ts';
import type { Runtime } from '../runtime.ts';
import { demoCompletedCandidate } from './demo-content.ts';

const run = promisify(execFile);

/** A short recording like a browser's (VP8 + Opus WebM, no duration index): a moving pattern and a tone. */
async function makeDemoRecording(ffmpegPath: string, file: string, seconds: number, tone: number) {
  await run(ffmpegPath, [
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=640x360:rate=25:duration=${seconds}`,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=${tone}:duration=${seconds}`,
    '-c:v',
    'libvpx',
    '-b:v',
    '600k',
    '-c:a',
    'libopus',
    '-f',
    'webm',
    file,
  ]);
}

/**
 * A second demo candidate who has answered every question and submitted, through the same services a real
 * candidate's browser reaches: consent, a take opened per question, its upload completed and processed.
 * Reviewers have something to watch on the first start. Without ffmpeg, nothing is seeded and the log says why.
 */
export async function seedCompletedCandidate(
  runtime: Runtime,
  owner: { organisationId: string; userId: string },
  interview: { id: string; questionCount: number },
): Promise<boolean> {
  const { db, services, config, logger } = runtime;
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'oneway-demo-'));
  try {
    const files: string[] = [];
    try {
      for (let i = 0; i < interview.questionCount; i++) {
        const file = path.join(work, `answer-${i + 1}.webm`);
        await makeDemoRecording(config.ffmpegPath, file, 6, 330 + i * 55);
        files.push(file);
      }
    } catch (err) {
      logger.warn(
        { err: err instanceof Error ? err.message : String(err) },
        'demo: no completed candidate seeded, because ffmpeg could not make its recordings (set FFMPEG_PATH)',
      );
      return false;
    }

    const created = await services.invitations.createInvitation({
      ...owner,
      interviewId: interview.id,
      input: demoCompletedCandidate,
    });
    const load = (): Promise<InvitationsTable> =>
      db.selectFrom('invitations').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    const notice = await services.consent.getConsentNotice(await load());
    await services.consent.recordConsent({
      invitation: await load(),
      input: { noticeVersion: notice.version, noticeHash: notice.hash },
      client: { ip: null, userAgent: 'oneway-seed' },
    });
    const storage = createMediaStorage(config);
    const { questions } = await services.candidateInterview.getCandidateInterview(await load());
    for (const [index, question] of questions.entries()) {
      const file = files[index];
      if (!file) break;
      // As the candidate's page does: the question is shown before its answer is recorded.
      await services.candidateInterview.revealQuestion({ invitation: await load(), questionId: question.id });
      const { takeId } = await services.takes.openTake({
        invitation: await load(),
        sessionId: 'demo-seed',
        input: { questionId: question.id },
      });
      const uploadId = randomBytes(16).toString('hex');
      await services.takeUploads.claimTakeUpload({ invitation: await load(), takeId, uploadId });
      const upload: FinishedUpload = {
        readHead: (length) => readFileHead(file, length),
        hash: () => hashFile(file),
        moveTo: (key, contentType) => storage.putFile(key, file, { contentType }),
        discard: () => fs.rm(file, { force: true }),
      };
      await services.takeUploads.completeTakeUpload({ uploadId, upload });
    }
    await services.candidateInterview.submitInterview(await load());
    return true;
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}
