import type { InterviewCounts } from '@oneway/shared';
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/schema/index.ts';
import type { InterviewsTable } from '../../db/schema/interviews.ts';

export type InterviewStatusFilter = 'active' | 'archived' | 'all';

export function createInterviewsRepository(db: Kysely<Database>) {
  return {
    async insertInterview(row: Insertable<InterviewsTable>): Promise<void> {
      await db.insertInto('interviews').values(row).execute();
    },

    /** The interview only when it belongs to the organisation. */
    findInterview(options: {
      organisationId: string;
      interviewId: string;
    }): Promise<InterviewsTable | undefined> {
      return db
        .selectFrom('interviews')
        .selectAll()
        .where('id', '=', options.interviewId)
        .where('organisation_id', '=', options.organisationId)
        .executeTakeFirst();
    },

    /** With assignedUserId, only the interviews that member is assigned to review. */
    async listInterviews(options: {
      organisationId: string;
      status: InterviewStatusFilter;
      assignedUserId?: string;
    }) {
      let query = db
        .selectFrom('interviews')
        .selectAll('interviews')
        .select((eb) =>
          eb
            .selectFrom('questions')
            .select(eb.fn.countAll().as('n'))
            .whereRef('questions.interview_id', '=', 'interviews.id')
            .as('question_count'),
        )
        .where('organisation_id', '=', options.organisationId);
      if (options.status === 'active') query = query.where('archived_at', 'is', null);
      if (options.status === 'archived') query = query.where('archived_at', 'is not', null);
      const { assignedUserId } = options;
      if (assignedUserId !== undefined) {
        query = query.where('id', 'in', (eb) =>
          eb.selectFrom('interview_reviewers').select('interview_id').where('user_id', '=', assignedUserId),
        );
      }
      const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
      const statusCounts = await db
        .selectFrom('invitations')
        .select(['interview_id', 'status', (eb) => eb.fn.countAll().as('n')])
        .where('organisation_id', '=', options.organisationId)
        .groupBy(['interview_id', 'status'])
        .execute();
      const countsOf = (interviewId: string): InterviewCounts => {
        const counts = { invited: 0, opened: 0, started: 0, completed: 0, expired: 0, withdrawn: 0 };
        for (const c of statusCounts) if (c.interview_id === interviewId) counts[c.status] = Number(c.n);
        return counts;
      };
      // PostgreSQL counts are bigint, which pg returns as strings.
      return rows.map((row) => ({
        ...row,
        question_count: Number(row.question_count ?? 0),
        invitation_counts: countsOf(row.id),
      }));
    },

    /** Marks the interview changed; inside a transaction this also holds its row until the end (PostgreSQL). */
    async touchInterview(options: {
      organisationId: string;
      interviewId: string;
      at: string;
    }): Promise<void> {
      await db
        .updateTable('interviews')
        .set({ updated_at: options.at })
        .where('id', '=', options.interviewId)
        .where('organisation_id', '=', options.organisationId)
        .execute();
    },

    async isReviewerAssigned(options: { interviewId: string; userId: string }): Promise<boolean> {
      const row = await db
        .selectFrom('interview_reviewers')
        .select('user_id')
        .where('interview_id', '=', options.interviewId)
        .where('user_id', '=', options.userId)
        .executeTakeFirst();
      return row !== undefined;
    },

    async updateInterview(interviewId: string, values: Updateable<InterviewsTable>): Promise<void> {
      await db.updateTable('interviews').set(values).where('id', '=', interviewId).execute();
    },
  };
}

export type InterviewsRepository = ReturnType<typeof createInterviewsRepository>;
