import type { CandidatePromptVideos, InterviewSnapshot, PromptVideoPlayback } from '@oneway/shared';
import type { Db } from '../../db/database.ts';
import type { InvitationsTable } from '../../db/schema/invitations.ts';
import { notFound } from '../../errors.ts';
import { listReveals } from '../candidate-interview/candidate-interview.repository.ts';
import type { PlaybackService } from '../playback/playback.service.ts';
import { playableOf } from './prompt-video-rows.ts';
import { createPromptVideosRepository } from './prompt-videos.repository.ts';

/**
 * The videos of the candidate's interview version (the one the landing page shows): the intro with its addresses,
 * each question's video with its length, and a question's addresses only once the candidate has revealed it, like
 * its prompt text. The practice question has no video.
 */
export async function getCandidatePromptVideos(
  deps: { db: Db; playback: Pick<PlaybackService, 'signPromptVideoPlayback'> },
  invitation: InvitationsTable,
): Promise<CandidatePromptVideos> {
  const version = await deps.db
    .selectFrom('interview_versions')
    .innerJoin('interviews', 'interviews.id', 'interview_versions.interview_id')
    .select('interview_versions.snapshot')
    .where('interview_versions.id', '=', invitation.interview_version_id)
    .where('interviews.organisation_id', '=', invitation.organisation_id)
    .executeTakeFirst();
  if (!version) throw notFound('Interview');
  const snapshot = JSON.parse(version.snapshot) as InterviewSnapshot;
  const videoIds = [snapshot.introVideoId, ...snapshot.questions.map((q) => q.promptVideoId)].filter(
    (id) => id !== undefined,
  );
  const rows = await createPromptVideosRepository(deps.db).findVideos(invitation.organisation_id, videoIds);
  const playable = new Map(rows.map((row) => [row.id, playableOf(row)]));
  const revealed = new Set((await listReveals(deps.db, invitation.id)).map((r) => r.question_id));
  const sign = async (videoId: string | undefined): Promise<PromptVideoPlayback | null> => {
    const video = videoId === undefined ? null : playable.get(videoId);
    return video ? deps.playback.signPromptVideoPlayback(video) : null;
  };

  const questions: CandidatePromptVideos['questions'] = [];
  for (const question of snapshot.questions) {
    const video = question.promptVideoId === undefined ? null : playable.get(question.promptVideoId);
    if (!video) continue;
    questions.push({
      questionId: question.id,
      durationSeconds: video.durationSeconds,
      playback: revealed.has(question.id) ? await sign(question.promptVideoId) : null,
    });
  }
  return { intro: await sign(snapshot.introVideoId), questions };
}
