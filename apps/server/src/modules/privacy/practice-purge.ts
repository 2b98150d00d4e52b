import type { MediaStorage } from '../../adapters/media-storage.ts';
import type { Db } from '../../db/database.ts';
import { derivedKeyOf, everyDerivedExtension } from '../media/media-keys.ts';
import type { UploadLeftovers } from './upload-leftovers.ts';

const batchSize = 200;

/**
 * The one-off `takes.practice-purge` job: practice takes uploaded by older versions (practice now never leaves the
 * browser) go with their files and uploads' leftovers, local or S3. Idempotent: a rerun finds none left.
 * Returns how many takes went.
 */
export async function purgePracticeTakes(deps: {
  db: Db;
  mediaStorage: MediaStorage;
  uploads: UploadLeftovers;
}): Promise<number> {
  const { db } = deps;
  let purged = 0;
  for (;;) {
    const takes = await db
      .selectFrom('takes')
      .select(['id', 'organisation_id', 'invitation_id', 'storage_key', 'upload_id', 'status'])
      .where('is_practice', '=', 1)
      .limit(batchSize)
      .execute();
    if (takes.length === 0) return purged;
    for (const take of takes) {
      if (take.upload_id && take.status !== 'uploaded') await deps.uploads.discardUpload(take.upload_id);
      await deps.mediaStorage.delete(take.storage_key);
      for (const extension of everyDerivedExtension) {
        await deps.mediaStorage.delete(derivedKeyOf(take, extension));
      }
      await db.deleteFrom('takes').where('id', '=', take.id).execute();
      purged += 1;
    }
  }
}
