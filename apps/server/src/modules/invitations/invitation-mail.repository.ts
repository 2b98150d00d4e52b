import type { EmailTemplateKind, InterviewLanguage } from '@oneway/shared';
import type { Db } from '../../db/database.ts';
import type {
  EmailTemplatesTable,
  OrganisationEmailTemplatesTable,
} from '../../db/schema/email-templates.ts';
import type { InvitationEmailsTable } from '../../db/schema/invitation-emails.ts';
import type { InvitationLinksTable } from '../../db/schema/invitation-links.ts';
import type { InvitationRequestsTable } from '../../db/schema/invitation-requests.ts';

export async function insertInvitationLinks(db: Db, rows: InvitationLinksTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('invitation_links').values(rows).execute();
}

/** Ends every further link of an invitation (a resend replaces them all). */
export async function deleteInvitationLinks(db: Db, invitationId: string): Promise<void> {
  await db.deleteFrom('invitation_links').where('invitation_id', '=', invitationId).execute();
}

export async function insertInvitationEmails(db: Db, rows: InvitationEmailsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('invitation_emails')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

/** Marks an invitation e-mail delivered once; returns it when this call did, undefined otherwise. */
export async function markInvitationEmailDelivered(
  db: Db,
  options: { messageId: string; at: string },
): Promise<InvitationEmailsTable | undefined> {
  const result = await db
    .updateTable('invitation_emails')
    .set({ delivered_at: options.at })
    .where('message_id', '=', options.messageId)
    .where('delivered_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return undefined;
  return db
    .selectFrom('invitation_emails')
    .selectAll()
    .where('message_id', '=', options.messageId)
    .executeTakeFirst();
}

export function findInvitationEmail(db: Db, messageId: string): Promise<InvitationEmailsTable | undefined> {
  return db
    .selectFrom('invitation_emails')
    .selectAll()
    .where('message_id', '=', messageId)
    .executeTakeFirst();
}

/** Whether an e-mail of this kind about the invitation was queued already. */
export async function hasInvitationEmail(
  db: Db,
  options: { invitationId: string; kind: EmailTemplateKind },
): Promise<boolean> {
  const row = await db
    .selectFrom('invitation_emails')
    .select('message_id')
    .where('invitation_id', '=', options.invitationId)
    .where('kind', '=', options.kind)
    .executeTakeFirst();
  return row !== undefined;
}

/** Which of the invitations already had an e-mail of this kind queued. */
export async function findInvitationIdsWithEmail(
  db: Db,
  options: { invitationIds: string[]; kind: EmailTemplateKind },
): Promise<Set<string>> {
  if (options.invitationIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('invitation_emails')
    .select('invitation_id')
    .where('invitation_id', 'in', options.invitationIds)
    .where('kind', '=', options.kind)
    .execute();
  return new Set(rows.map((r) => r.invitation_id));
}

export function listInvitationRequestRows(
  db: Db,
  options: { organisationId: string; invitationId: string },
): Promise<InvitationRequestsTable[]> {
  return db
    .selectFrom('invitation_requests')
    .selectAll()
    .where('invitation_id', '=', options.invitationId)
    .where('organisation_id', '=', options.organisationId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

export function listEmailTemplates(db: Db, interviewId: string): Promise<EmailTemplatesTable[]> {
  return db.selectFrom('email_templates').selectAll().where('interview_id', '=', interviewId).execute();
}

export async function upsertEmailTemplate(db: Db, row: EmailTemplatesTable): Promise<void> {
  await db
    .insertInto('email_templates')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['interview_id', 'kind']).doUpdateSet({
        subject: row.subject,
        text_body: row.text_body,
        html_body: row.html_body,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function deleteEmailTemplate(
  db: Db,
  options: { interviewId: string; kind: EmailTemplateKind },
): Promise<void> {
  await db
    .deleteFrom('email_templates')
    .where('interview_id', '=', options.interviewId)
    .where('kind', '=', options.kind)
    .execute();
}

export function listOrganisationEmailTemplates(
  db: Db,
  options: { organisationId: string; language: InterviewLanguage },
): Promise<OrganisationEmailTemplatesTable[]> {
  return db
    .selectFrom('organisation_email_templates')
    .selectAll()
    .where('organisation_id', '=', options.organisationId)
    .where('language', '=', options.language)
    .execute();
}

export async function upsertOrganisationEmailTemplate(
  db: Db,
  row: OrganisationEmailTemplatesTable,
): Promise<void> {
  await db
    .insertInto('organisation_email_templates')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'language', 'kind']).doUpdateSet({
        subject: row.subject,
        text_body: row.text_body,
        html_body: row.html_body,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function deleteOrganisationEmailTemplate(
  db: Db,
  options: { organisationId: string; language: InterviewLanguage; kind: EmailTemplateKind },
): Promise<void> {
  await db
    .deleteFrom('organisation_email_templates')
    .where('organisation_id', '=', options.organisationId)
    .where('language', '=', options.language)
    .where('kind', '=', options.kind)
    .execute();
}
