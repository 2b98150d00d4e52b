import type { InterviewSnapshot, InterviewVersion } from '@oneway/shared';
import type { InterviewVersionsTable } from '../../db/schema/interview-versions.ts';
import { notFound } from '../../errors.ts';
import { isoNow } from '../../lib/time.ts';
import { newId } from '../../lib/tokens.ts';
import { promptVideoOf } from '../prompt-videos/prompt-video-rows.ts';
import { getInterviewRowOrThrow, loadInterviewVideos, toQuestion } from './interview-access.ts';
import { fromInterviewSettingsColumns } from './interview-rows.ts';
import { buildInterviewSnapshot, serialiseSnapshot } from './interview-snapshot.ts';
import type { InterviewsContext } from './interviews.service.ts';

function toVersion(row: InterviewVersionsTable): InterviewVersion {
  return {
    id: row.id,
    interviewId: row.interview_id,
    version: row.version,
    snapshot: JSON.parse(row.snapshot) as InterviewSnapshot,
    createdAt: row.created_at,
  };
}

export function createVersionFunctions({ repos, clock }: InterviewsContext) {
  return {
    /**
     * The version a new invitation should get: the latest one while what candidates see is unchanged since it,
     * otherwise a new version holding the current interview and questions. Old versions are never changed.
     */
    async getOrCreateCurrentVersion(options: {
      organisationId: string;
      interviewId: string;
    }): Promise<InterviewVersion> {
      const interview = await getInterviewRowOrThrow(repos, options);
      const rows = await repos.questions.listQuestions(interview.id);
      const videos = await loadInterviewVideos(repos, interview, rows);
      const snapshot = buildInterviewSnapshot(
        fromInterviewSettingsColumns(interview),
        rows.map((row) => toQuestion(row, videos)),
        promptVideoOf(videos, interview.intro_video_id),
      );
      const { json, hash } = serialiseSnapshot(snapshot);
      const latest = await repos.versions.findLatestVersion(interview.id);
      if (latest?.snapshot_hash === hash) return toVersion(latest);
      const row: InterviewVersionsTable = {
        id: newId(),
        interview_id: interview.id,
        version: (latest?.version ?? 0) + 1,
        snapshot: json,
        snapshot_hash: hash,
        created_at: isoNow(clock),
      };
      try {
        await repos.versions.insertVersion(row);
      } catch (err) {
        // Another request made the same version number first; its version serves when the content matches.
        const winner = await repos.versions.findLatestVersion(interview.id);
        if (winner?.snapshot_hash === hash) return toVersion(winner);
        throw err;
      }
      return toVersion(row);
    },

    /** A version by id; callers have already checked access (for example through the invitation holding it). */
    async getVersion(options: { versionId: string }): Promise<InterviewVersion> {
      const row = await repos.versions.findVersion(options.versionId);
      if (!row) throw notFound('Interview version');
      return toVersion(row);
    },
  };
}
