import type { Db } from '../../db/database.ts';
import type { TakeMediaStatusValue } from '../../db/schema/take-media.ts';

/** A take with its processed files, as playback reads it. */
export interface TakeWithMedia {
  take_id: string;
  invitation_id: string;
  organisation_id: string;
  media_status: TakeMediaStatusValue | null;
  duration_ms: number | null;
  playback_key: string | null;
  playback_mime: string | null;
  poster_key: string | null;
  poster_mime: string | null;
}

/** A non-practice take of the organisation with its processed files (none yet: the media columns are null). */
function takeWithMedia(db: Db, options: { organisationId: string; takeId: string }) {
  return db
    .selectFrom('takes')
    .leftJoin('take_media', 'take_media.take_id', 'takes.id')
    .select([
      'takes.id as take_id',
      'takes.invitation_id',
      'takes.organisation_id',
      'take_media.status as media_status',
      'take_media.duration_ms',
      'take_media.playback_key',
      'take_media.playback_mime',
      'take_media.poster_key',
      'take_media.poster_mime',
    ])
    .where('takes.id', '=', options.takeId)
    .where('takes.organisation_id', '=', options.organisationId)
    .where('takes.is_practice', '=', 0);
}

/**
 * A take of the organisation that is a question's chosen answer, with its processed files. Practice takes and
 * takes the candidate replaced are never answers, so reviewers cannot reach them.
 */
export function findAnsweredTake(
  db: Db,
  options: { organisationId: string; takeId: string },
): Promise<TakeWithMedia | undefined> {
  return takeWithMedia(db, options)
    .where((eb) =>
      eb.exists(eb.selectFrom('answers').select('answers.id').whereRef('answers.take_id', '=', 'takes.id')),
    )
    .executeTakeFirst();
}

/**
 * A saved (uploaded), non-practice take of the organisation, whether or not it is its question's answer, with its
 * processed files: what a candidate's own-take address plays. Only the candidate's own playback reads it (their
 * ownership checked first); reviewers' addresses go through findAnsweredTake.
 */
export function findSavedTake(
  db: Db,
  options: { organisationId: string; takeId: string },
): Promise<TakeWithMedia | undefined> {
  return takeWithMedia(db, options).where('takes.status', '=', 'uploaded').executeTakeFirst();
}

/** Whether a share link still opens: null when it is gone. */
export function findShareLinkState(db: Db, shareLinkId: string) {
  return db
    .selectFrom('share_links')
    .select(['revoked_at', 'expires_at'])
    .where('id', '=', shareLinkId)
    .executeTakeFirst();
}
