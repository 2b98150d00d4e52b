import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema/index.ts';
import {
  createPromptVideosRepository,
  type PromptVideosRepository,
} from '../prompt-videos/prompt-videos.repository.ts';
import { createInterviewsRepository, type InterviewsRepository } from './interviews.repository.ts';
import { createQuestionsRepository, type QuestionsRepository } from './questions.repository.ts';
import { createVersionsRepository, type VersionsRepository } from './versions.repository.ts';

/** The interview module's repositories, and a way to use them all inside one transaction. */
export interface InterviewRepositories {
  interviews: InterviewsRepository;
  questions: QuestionsRepository;
  versions: VersionsRepository;
  promptVideos: PromptVideosRepository;
  /** Runs fn with repositories bound to one transaction (or the current one, when already inside). */
  transaction<T>(fn: (repos: InterviewRepositories) => Promise<T>): Promise<T>;
}

export function createInterviewRepositories(
  db: Kysely<Database>,
  inTransaction = false,
): InterviewRepositories {
  const repos: InterviewRepositories = {
    interviews: createInterviewsRepository(db),
    questions: createQuestionsRepository(db),
    versions: createVersionsRepository(db),
    promptVideos: createPromptVideosRepository(db),
    transaction: (fn) =>
      inTransaction
        ? fn(repos)
        : db.transaction().execute((trx) => fn(createInterviewRepositories(trx, true))),
  };
  return repos;
}
