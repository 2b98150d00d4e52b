import type { NotificationPreferences, UpdateNotificationPreferencesInput } from '@oneway/shared';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { isoNow, type Clock } from '../../lib/time.ts';
import type { MailService } from '../mail/mail.service.ts';
import { composeDigest } from './digest-mail.ts';
import {
  claimDigest,
  findPreferences,
  listCompletions,
  listDailyDigestMembers,
  listRequestNoticeAddresses,
  listTeamOfInterview,
  savePreferences,
} from './notifications.repository.ts';

const digestEveryMs = 24 * 3_600_000;

/** When team members hear that candidates completed: at once (default), in a daily digest, or never. */
export function createNotificationsService(deps: {
  db: Db;
  config: Config;
  clock: Clock;
  mail: Pick<MailService, 'queueEmail'>;
}) {
  const { db, clock } = deps;
  return {
    async getPreferences(options: {
      organisationId: string;
      userId: string;
    }): Promise<NotificationPreferences> {
      return findPreferences(db, options);
    },

    /** Changes what is given; what is left out stays. */
    async setPreferences(options: {
      organisationId: string;
      userId: string;
      input: UpdateNotificationPreferencesInput;
    }): Promise<NotificationPreferences> {
      const current = await findPreferences(db, options);
      const value = {
        completionEmails: options.input.completionEmails ?? current.completionEmails,
        requestEmails: options.input.requestEmails ?? current.requestEmails,
      };
      await savePreferences(db, {
        ...options,
        value,
        resetDigest: options.input.completionEmails !== undefined,
        now: isoNow(clock),
      });
      return value;
    },

    /** Who hears of a candidate's request at once: owners, admins and recruiters who have not turned it off. */
    listRequestNoticeRecipients: (options: { organisationId: string }): Promise<string[]> =>
      listRequestNoticeAddresses(db, options.organisationId),

    /**
     * Who gets the immediate "candidate completed" e-mail of an interview: owners, admins and recruiters, and the
     * reviewers assigned to it unless it is anonymised (the e-mail names the candidate), minus anyone who chose
     * the daily digest or no e-mail.
     */
    async listImmediateCompletionRecipients(options: {
      organisationId: string;
      interviewId: string;
      isAnonymised: boolean;
    }): Promise<string[]> {
      const team = await listTeamOfInterview(db, options);
      return team
        .filter((m) => (m.completion_emails ?? 'immediate') === 'immediate')
        .filter((m) => m.role !== 'reviewer' || (m.is_assigned === 1 && !options.isAnonymised))
        .map((m) => m.email);
    },

    /**
     * The hourly `notification.digest` job: each member on the daily digest whose last one is 24 hours old gets
     * one e-mail listing the completions since (none, no e-mail). Each turn is claimed first, so overlapping runs
     * never send one twice. Returns how many e-mails were queued.
     */
    async sendDueDigests(): Promise<number> {
      const now = clock.now();
      let sent = 0;
      for (const member of await listDailyDigestMembers(db)) {
        const since = member.digest_sent_at ?? member.updated_at;
        if (now.getTime() - Date.parse(since) < digestEveryMs) continue;
        const claimed = await claimDigest(db, {
          organisationId: member.organisation_id,
          userId: member.user_id,
          previous: member.digest_sent_at,
          now: now.toISOString(),
        });
        if (!claimed) continue;
        const isReviewer = member.role === 'reviewer';
        const completions = await listCompletions(db, {
          organisationId: member.organisation_id,
          since,
          until: now.toISOString(),
          assignedToUserId: isReviewer ? member.user_id : null,
        });
        if (completions.length === 0) continue;
        const content = composeDigest({
          publicUrl: deps.config.publicUrl,
          completions,
          hideNamesOfAnonymised: isReviewer,
        });
        await deps.mail.queueEmail({ organisationId: member.organisation_id, to: member.email, ...content });
        sent += 1;
      }
      return sent;
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
