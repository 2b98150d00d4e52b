import type {
  CreateInterviewData,
  Interview,
  InterviewSummary,
  ListInterviewsQuery,
  Role,
  UpdateInterviewInput,
} from '@oneway/shared';
import { jobNames } from '@oneway/shared';
import path from 'node:path';
import type { MediaStorage } from '../../adapters/media-storage.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import type { InterviewsTable } from '../../db/schema/interviews.ts';
import { AppError } from '../../errors.ts';
import { isoNow, type Clock } from '../../lib/time.ts';
import { newId } from '../../lib/tokens.ts';
import type { AuditService } from '../audit/audit.service.ts';
import {
  getEditableInterviewRowOrThrow,
  getInterviewRowOrThrow,
  loadInterviewVideos,
  toQuestion,
} from './interview-access.ts';
import { createInterviewRepositories, type InterviewRepositories } from './interview-repositories.ts';
import {
  fromInterviewRow,
  fromInterviewSettingsColumns,
  toInterviewSettingsColumns,
} from './interview-rows.ts';
import { createLogoFunctions } from './interview-logo.service.ts';
import { applyInterviewChanges, buildInterviewSettings } from './interview-settings.ts';
import { createQuestionDefaultsService } from './question-defaults.service.ts';
import { createQuestionFunctions } from './questions.service.ts';
import { createVersionFunctions } from './versions.service.ts';

export interface InterviewsContext {
  repos: InterviewRepositories;
  clock: Clock;
  audit: AuditService;
  queue: Pick<JobQueue, 'enqueue'>;
}

interface InterviewRef {
  organisationId: string;
  interviewId: string;
}

async function loadInterview(repos: InterviewRepositories, row: InterviewsTable): Promise<Interview> {
  const questions = await repos.questions.listQuestions(row.id);
  const videos = await loadInterviewVideos(repos, row, questions);
  return {
    ...fromInterviewRow(row, videos),
    questions: questions.map((q) => toQuestion(q, videos)),
  };
}

function createInterviewFunctions({ repos, clock, audit, queue }: InterviewsContext) {
  const recordEvent = (ref: InterviewRef & { userId: string }, action: string) =>
    audit.recordEvent({
      organisationId: ref.organisationId,
      actorUserId: ref.userId,
      action,
      targetType: 'interview',
      targetId: ref.interviewId,
    });

  /** One interview of the organisation with its questions in order. */
  async function getInterview(ref: InterviewRef): Promise<Interview> {
    return loadInterview(repos, await getInterviewRowOrThrow(repos, ref));
  }

  async function setArchived(ref: InterviewRef & { userId: string }, archived: boolean): Promise<Interview> {
    const row = await getInterviewRowOrThrow(repos, ref);
    if ((row.archived_at !== null) !== archived) {
      const now = isoNow(clock);
      await repos.interviews.updateInterview(row.id, { archived_at: archived ? now : null, updated_at: now });
      await recordEvent(ref, archived ? 'interview.archived' : 'interview.unarchived');
    }
    return getInterview(ref);
  }

  return {
    getInterview,

    /** Creates an interview without questions; defaults fill every setting not given. */
    async createInterview(options: {
      organisationId: string;
      userId: string;
      input: CreateInterviewData;
    }): Promise<Interview> {
      const now = isoNow(clock);
      const interviewId = newId();
      await repos.interviews.insertInterview({
        id: interviewId,
        organisation_id: options.organisationId,
        ...toInterviewSettingsColumns(buildInterviewSettings(options.input, clock.now())),
        created_by_user_id: options.userId,
        archived_at: null,
        created_at: now,
        updated_at: now,
      });
      await recordEvent({ ...options, interviewId }, 'interview.created');
      return getInterview({ organisationId: options.organisationId, interviewId });
    },

    /**
     * One interview for a member: members with the reviewer role only see interviews they are assigned to (403
     * otherwise, like the review pages).
     */
    async getInterviewForMember(ref: InterviewRef & { userId: string; role: Role }): Promise<Interview> {
      const row = await getInterviewRowOrThrow(repos, ref);
      if (ref.role === 'reviewer' && !(await repos.interviews.isReviewerAssigned(ref))) {
        throw new AppError('forbidden', {
          message:
            'You are not assigned to review this interview. Ask an owner or admin of your organisation to add you.',
        });
      }
      return loadInterview(repos, row);
    },

    /**
     * The organisation's interviews, newest first, with question and invitation counts; with assignedUserId only
     * those that member is assigned to review.
     */
    async listInterviews(options: {
      organisationId: string;
      status: ListInterviewsQuery['status'];
      assignedUserId?: string;
    }) {
      const rows = await repos.interviews.listInterviews(options);
      return rows.map((row): InterviewSummary => ({
        id: row.id,
        title: row.title,
        roleTitle: row.role_title,
        language: row.language,
        questionCount: row.question_count,
        counts: row.invitation_counts,
        archivedAt: row.archived_at,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      }));
    },

    /** Changes settings; a started candidate keeps the version they were given. */
    async updateInterview(options: InterviewRef & { input: UpdateInterviewInput }): Promise<Interview> {
      const row = await getEditableInterviewRowOrThrow(repos, options);
      const settings = applyInterviewChanges(fromInterviewSettingsColumns(row), options.input, clock.now());
      const columns = toInterviewSettingsColumns(settings);
      const updatedAt = isoNow(clock);
      await repos.interviews.updateInterview(row.id, { ...columns, updated_at: updatedAt });
      // Reminders already queued keep their old hours; the job queues the new ones for every open invitation.
      if (columns.reminder_hours !== row.reminder_hours) {
        await queue.enqueue(
          jobNames.interviewRemindersReschedule,
          { organisationId: row.organisation_id, interviewId: row.id },
          { dedupeKey: `interview/${row.id}/reminders/${updatedAt}` },
        );
      }
      return getInterview(options);
    },

    /**
     * Copies an interview and its questions (not its versions or invitations) as "Copy of …". The copy refers to
     * the same intro and prompt videos: a video never changes, and one is removed only once nothing names it.
     */
    async duplicateInterview(options: InterviewRef & { userId: string }): Promise<Interview> {
      const copyId = newId();
      await repos.transaction(async (trx) => {
        const row = await getInterviewRowOrThrow(trx, options);
        const now = isoNow(clock);
        await trx.interviews.insertInterview({
          ...row,
          id: copyId,
          title: `Copy of ${row.title}`.slice(0, 200),
          // The logo object belongs to the original; sharing its key would let one interview delete the other's.
          logo_key: null,
          logo_mime: null,
          logo_updated_at: null,
          created_by_user_id: options.userId,
          archived_at: null,
          created_at: now,
          updated_at: now,
        });
        const questions = await trx.questions.listQuestions(row.id);
        await trx.questions.insertQuestions(
          questions.map((q) => ({
            ...q,
            id: newId(),
            interview_id: copyId,
            created_at: now,
            updated_at: now,
          })),
        );
      });
      await recordEvent({ ...options, interviewId: copyId }, 'interview.duplicated');
      return getInterview({ organisationId: options.organisationId, interviewId: copyId });
    },

    /** Hides an interview from the active list and freezes it; existing invitations are not touched. */
    archiveInterview: (options: InterviewRef & { userId: string }) => setArchived(options, true),

    unarchiveInterview: (options: InterviewRef & { userId: string }) => setArchived(options, false),
  };
}

/** Interviews, their questions and their versions, for one organisation at a time. */
export function createInterviewsService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  queue: Pick<JobQueue, 'enqueue'>;
  mediaStorage: MediaStorage;
  config: Pick<Config, 'mediaDir'>;
}) {
  const { db, clock, audit, queue } = deps;
  const context: InterviewsContext = { repos: createInterviewRepositories(db), clock, audit, queue };
  const interviewFunctions = createInterviewFunctions(context);
  const logoContext = {
    ...context,
    mediaStorage: deps.mediaStorage,
    tempDir: path.join(deps.config.mediaDir, 'tmp'),
  };
  return {
    ...interviewFunctions,
    ...createLogoFunctions(logoContext, interviewFunctions.getInterview),
    ...createQuestionFunctions(context),
    ...createQuestionDefaultsService({ db, audit }),
    ...createVersionFunctions(context),
  };
}

export type InterviewsService = ReturnType<typeof createInterviewsService>;
