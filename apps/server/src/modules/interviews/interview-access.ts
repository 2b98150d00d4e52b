import type { Question } from '@oneway/shared';
import type { InterviewsTable } from '../../db/schema/interviews.ts';
import { AppError, notFound } from '../../errors.ts';
import {
  promptVideoOf,
  toPromptVideosById,
  type PromptVideosById,
} from '../prompt-videos/prompt-video-rows.ts';
import type { InterviewRepositories } from './interview-repositories.ts';
import { fromQuestionSettingsColumns } from './question-settings.ts';
import type { QuestionRow } from './questions.repository.ts';

/** The organisation's interview; another organisation's is reported as not found. */
export async function getInterviewRowOrThrow(
  repos: InterviewRepositories,
  options: { organisationId: string; interviewId: string },
): Promise<InterviewsTable> {
  const row = await repos.interviews.findInterview(options);
  if (!row) throw notFound('Interview');
  return row;
}

/** Archived interviews are read-only until unarchived. */
export function assertInterviewEditable(row: InterviewsTable): void {
  if (row.archived_at !== null) {
    throw new AppError('interview_archived', {
      message: 'This interview is archived. Unarchive it to change it.',
    });
  }
}

export async function getEditableInterviewRowOrThrow(
  repos: InterviewRepositories,
  options: { organisationId: string; interviewId: string },
): Promise<InterviewsTable> {
  const row = await getInterviewRowOrThrow(repos, options);
  assertInterviewEditable(row);
  return row;
}

/**
 * Marks the interview changed first, so concurrent changes to its questions wait for each other (a row lock on
 * PostgreSQL; SQLite runs one transaction at a time), then returns it when it may be changed. Use in a transaction.
 */
export async function lockEditableInterviewRow(
  trx: InterviewRepositories,
  options: { organisationId: string; interviewId: string; now: string },
): Promise<InterviewsTable> {
  await trx.interviews.touchInterview({ ...options, at: options.now });
  return getEditableInterviewRowOrThrow(trx, options);
}

/** A question as the API shows it; `videos` holds its video prompt (noPromptVideos for a new question). */
export function toQuestion(row: QuestionRow, videos: PromptVideosById): Question {
  return {
    id: row.id,
    position: row.position,
    ...fromQuestionSettingsColumns(row),
    promptVideo: promptVideoOf(videos, row.prompt_video_id),
  };
}

/** The organisation's videos the given references name (an interview's intro, its questions' prompts). */
export async function loadPromptVideos(
  repos: InterviewRepositories,
  organisationId: string,
  videoIds: (string | null)[],
): Promise<PromptVideosById> {
  const ids = videoIds.filter((id): id is string => id !== null);
  return toPromptVideosById(await repos.promptVideos.findVideos(organisationId, ids));
}

/** The videos an interview and its questions refer to. */
export const loadInterviewVideos = (
  repos: InterviewRepositories,
  interview: InterviewsTable,
  questions: QuestionRow[],
): Promise<PromptVideosById> =>
  loadPromptVideos(repos, interview.organisation_id, [
    interview.intro_video_id,
    ...questions.map((q) => q.prompt_video_id),
  ]);

/** One question as the API shows it, with its video prompt. */
export async function toQuestionWithVideo(
  repos: InterviewRepositories,
  organisationId: string,
  row: QuestionRow,
): Promise<Question> {
  return toQuestion(row, await loadPromptVideos(repos, organisationId, [row.prompt_video_id]));
}

/** Questions as the API shows them, each with its video prompt. */
export async function toQuestions(
  repos: InterviewRepositories,
  organisationId: string,
  rows: QuestionRow[],
): Promise<Question[]> {
  const videos = await loadPromptVideos(
    repos,
    organisationId,
    rows.map((row) => row.prompt_video_id),
  );
  return rows.map((row) => toQuestion(row, videos));
}
