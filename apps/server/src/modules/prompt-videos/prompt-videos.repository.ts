import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/schema/index.ts';
import type { PromptVideosTable } from '../../db/schema/prompt-videos.ts';

export type PromptVideoRow = PromptVideosTable;

export function createPromptVideosRepository(db: Kysely<Database>) {
  return {
    /** The video only when it belongs to the organisation. */
    findVideo(options: { organisationId: string; videoId: string }): Promise<PromptVideoRow | undefined> {
      return db
        .selectFrom('prompt_videos')
        .selectAll()
        .where('id', '=', options.videoId)
        .where('organisation_id', '=', options.organisationId)
        .executeTakeFirst();
    },

    /** The organisation's videos among `videoIds` (others are left out). */
    async findVideos(organisationId: string, videoIds: string[]): Promise<PromptVideoRow[]> {
      if (videoIds.length === 0) return [];
      return db
        .selectFrom('prompt_videos')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where('id', 'in', [...new Set(videoIds)])
        .execute();
    },

    /** For the processing job, which is given only the id. */
    findVideoById(videoId: string): Promise<PromptVideoRow | undefined> {
      return db.selectFrom('prompt_videos').selectAll().where('id', '=', videoId).executeTakeFirst();
    },

    async insertVideo(row: Insertable<PromptVideosTable>): Promise<void> {
      await db.insertInto('prompt_videos').values(row).execute();
    },

    async updateVideo(videoId: string, values: Updateable<PromptVideosTable>): Promise<void> {
      await db.updateTable('prompt_videos').set(values).where('id', '=', videoId).execute();
    },

    /** Counts a try; returns false when the video is no longer waiting to be processed. */
    async markTryStarted(videoId: string): Promise<boolean> {
      const result = await db
        .updateTable('prompt_videos')
        .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('id', '=', videoId)
        .where('status', '=', 'processing')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** Records what processing made; false when the video is gone or no longer processing. */
    async markVideoReady(
      videoId: string,
      values: Pick<
        PromptVideosTable,
        'playback_key' | 'playback_bytes' | 'poster_key' | 'duration_ms' | 'processed_at'
      >,
    ): Promise<boolean> {
      const result = await db
        .updateTable('prompt_videos')
        .set({ ...values, status: 'ready', failure_reason: null })
        .where('id', '=', videoId)
        .where('status', '=', 'processing')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async markVideoFailed(
      videoId: string,
      values: Pick<PromptVideosTable, 'failure_reason' | 'processed_at'>,
    ): Promise<void> {
      await db
        .updateTable('prompt_videos')
        .set({ ...values, status: 'failed' })
        .where('id', '=', videoId)
        .where('status', '=', 'processing')
        .execute();
    },

    /** Back to processing for a new try, only if it is still failed (two clicks at once queue one job). */
    async requeueFailedVideo(videoId: string): Promise<boolean> {
      const result = await db
        .updateTable('prompt_videos')
        .set({ status: 'processing', failure_reason: null })
        .where('id', '=', videoId)
        .where('status', '=', 'failed')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /**
     * Whether anything still names the video: an interview or question of the organisation (copies of an interview
     * share their videos) or an interview version's snapshot, which candidates may be watching.
     */
    async isVideoReferenced(options: { organisationId: string; videoId: string }): Promise<boolean> {
      const { organisationId, videoId } = options;
      const interview = await db
        .selectFrom('interviews')
        .select('id')
        .where('organisation_id', '=', organisationId)
        .where('intro_video_id', '=', videoId)
        .executeTakeFirst();
      if (interview) return true;
      const question = await db
        .selectFrom('questions')
        .innerJoin('interviews', 'interviews.id', 'questions.interview_id')
        .select('questions.id')
        .where('interviews.organisation_id', '=', organisationId)
        .where('questions.prompt_video_id', '=', videoId)
        .executeTakeFirst();
      if (question) return true;
      // Ids are UUIDs (hex and dashes), so no LIKE wildcard can hide in one.
      const version = await db
        .selectFrom('interview_versions')
        .innerJoin('interviews', 'interviews.id', 'interview_versions.interview_id')
        .select('interview_versions.id')
        .where('interviews.organisation_id', '=', organisationId)
        .where('interview_versions.snapshot', 'like', `%"${videoId}"%`)
        .executeTakeFirst();
      return version !== undefined;
    },

    async deleteVideo(videoId: string): Promise<void> {
      await db.deleteFrom('prompt_videos').where('id', '=', videoId).execute();
    },
  };
}

export type PromptVideosRepository = ReturnType<typeof createPromptVideosRepository>;
