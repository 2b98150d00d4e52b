import type { Db } from '../../db/database.ts';
import type { TakeMediaStatusValue } from '../../db/schema/take-media.ts';

export interface AnsweredTake {
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

/**
 * A take of the organisation that is a question's chosen answer, with its processed files. Practice takes and
 * takes the candidate replaced are never answers, so reviewers cannot reach them.
 */
export function findAnsweredTake(
  db: Db,
  options: { organisationId: string; takeId: string },
): Promise<AnsweredTake | undefined> {
  return db
    .selectFrom('takes')
    .innerJoin('answers', 'answers.take_id', 'takes.id')
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
    .where('takes.is_practice', '=', 0)
    .executeTakeFirst();
}

/** Whether a share link still opens: null when it is gone. */
export function findShareLinkState(db: Db, shareLinkId: string) {
  return db
    .selectFrom('share_links')
    .select(['revoked_at', 'expires_at'])
    .where('id', '=', shareLinkId)
    .executeTakeFirst();
}
