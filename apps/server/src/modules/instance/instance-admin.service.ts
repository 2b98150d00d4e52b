import type {
  AdminMailDay,
  AdminOrganisation,
  AdminOrganisationDetail,
  InstanceSettings,
} from '@oneway/shared';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { AppError, notFound } from '../../errors.ts';
import { isoNow, type Clock } from '../../lib/time.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { startOfUtcDay } from '../mail/mail-holds.ts';
import type { MailService } from '../mail/mail.service.ts';
import * as repo from './instance-admin.repository.ts';

const mailDays = 14;

/** The instance administrator's view: organisations and their usage, suspending and restoring them, mail. */
export function createInstanceAdminService(deps: {
  db: Db;
  config: Config;
  clock: Clock;
  mail: MailService;
  audit: AuditService;
}) {
  const { db, clock, audit } = deps;

  async function listWithUsage(organisationId?: string): Promise<AdminOrganisation[]> {
    const organisations = (await repo.listOrganisations(db)).filter(
      (o) => organisationId === undefined || o.id === organisationId,
    );
    const usage = await repo.countUsage(db, { mailSince: startOfUtcDay(clock), organisationId });
    return organisations.map((o) => ({
      id: o.id,
      name: o.name,
      createdAt: o.created_at,
      suspendedAt: o.suspended_at,
      members: usage.members.get(o.id) ?? 0,
      invitations: usage.invitations.get(o.id) ?? 0,
      takes: usage.takes.get(o.id) ?? 0,
      bytesStored: usage.bytes.reduce((sum, map) => sum + (map.get(o.id) ?? 0), 0),
      mailToday: usage.mailToday.get(o.id) ?? 0,
    }));
  }

  async function recordAction(actorUserId: string, organisationId: string, action: string) {
    await audit.recordEvent({
      organisationId,
      actorUserId,
      action,
      targetType: 'organisation',
      targetId: organisationId,
    });
  }

  return {
    /** How the instance is set up (environment variables), for the admin page. */
    getInstanceSettings(): InstanceSettings {
      return { signup: deps.config.signup, mailDailyLimit: deps.config.mailDailyLimit };
    },

    /** Every organisation with its members, invitations, takes, bytes stored and e-mails today. */
    listOrganisations: () => listWithUsage(),

    /** One organisation: its usage, members and e-mails of the last 14 days. */
    async getOrganisationDetail({
      organisationId,
    }: {
      organisationId: string;
    }): Promise<AdminOrganisationDetail> {
      const [organisation] = await listWithUsage(organisationId);
      if (!organisation) throw notFound('Organisation');
      const members = await repo.listMembersOfOrganisation(db, organisationId);
      const daysAgo = new Date(clock.now().getTime() - (mailDays - 1) * 86_400_000);
      const since = startOfUtcDay({ now: () => daysAgo });
      const counts = await repo.countMailByDay(db, { organisationId, since });
      const days = new Map<string, AdminMailDay>();
      for (const row of counts) {
        const day = days.get(row.day) ?? { day: row.day, sent: 0, failed: 0, waiting: 0, held: 0 };
        // Kept (no mail server set) is counted with held: in the outbox, delivered to nobody.
        const key = row.status === 'queued' ? 'waiting' : row.status === 'kept' ? 'held' : row.status;
        day[key] += Number(row.count);
        days.set(row.day, day);
      }
      return {
        organisation,
        members: members.map((m) => ({ name: m.name, email: m.email, role: m.role, joinedAt: m.created_at })),
        mail: [...days.values()].sort((a, b) => b.day.localeCompare(a.day)),
      };
    },

    /**
     * Suspends an organisation: its members are signed out and cannot sign in, its API keys and candidate links
     * are refused, and its e-mails are held. Not one the administrator belongs to (they would lock themselves out).
     */
    async suspendOrganisation(options: { organisationId: string; actorUserId: string }): Promise<void> {
      const isMember = await db
        .selectFrom('memberships')
        .select('user_id')
        .where('organisation_id', '=', options.organisationId)
        .where('user_id', '=', options.actorUserId)
        .executeTakeFirst();
      if (isMember) {
        throw new AppError('validation_failed', {
          message: 'You are a member of this organisation: suspending it would shut you out too.',
        });
      }
      const found = await db.transaction().execute(async (trx) => {
        const updated = await repo.setOrganisationSuspended(trx, {
          organisationId: options.organisationId,
          suspendedAt: isoNow(clock),
        });
        await trx.deleteFrom('sessions').where('organisation_id', '=', options.organisationId).execute();
        return updated;
      });
      if (!found) throw notFound('Organisation');
      await recordAction(options.actorUserId, options.organisationId, 'organisation.suspended');
    },

    /** Restores a suspended organisation and lets its held e-mails go (within its daily limit). */
    async restoreOrganisation(options: { organisationId: string; actorUserId: string }): Promise<void> {
      if (
        !(await repo.setOrganisationSuspended(db, {
          organisationId: options.organisationId,
          suspendedAt: null,
        }))
      ) {
        throw notFound('Organisation');
      }
      await deps.mail.releaseHeldEmails({ organisationId: options.organisationId });
      await recordAction(options.actorUserId, options.organisationId, 'organisation.restored');
    },
  };
}

export type InstanceAdminService = ReturnType<typeof createInstanceAdminService>;
