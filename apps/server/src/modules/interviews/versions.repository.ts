import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema/index.ts';
import type { InterviewVersionsTable } from '../../db/schema/interview-versions.ts';

export function createVersionsRepository(db: Kysely<Database>) {
  return {
    findLatestVersion(interviewId: string): Promise<InterviewVersionsTable | undefined> {
      return db
        .selectFrom('interview_versions')
        .selectAll()
        .where('interview_id', '=', interviewId)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
    },

    findVersion(versionId: string): Promise<InterviewVersionsTable | undefined> {
      return db.selectFrom('interview_versions').selectAll().where('id', '=', versionId).executeTakeFirst();
    },

    async insertVersion(row: Insertable<InterviewVersionsTable>): Promise<void> {
      await db.insertInto('interview_versions').values(row).execute();
    },
  };
}

export type VersionsRepository = ReturnType<typeof createVersionsRepository>;
