import { validationFailed } from '../../errors.ts';
import {
  emailTemplateKinds,
  type EmailTemplate,
  type EmailTemplateKind,
  type InterviewLanguage,
  type UpdateEmailTemplateInput,
} from '@oneway/shared';
import type { Db } from '../../db/database.ts';
import { isoNow } from '../../lib/time.ts';
import {
  deleteEmailTemplate,
  listEmailTemplates,
  listOrganisationEmailTemplates,
  upsertEmailTemplate,
} from './invitation-mail.repository.ts';
import { assertInterviewActive } from './invitation-state.ts';
import type { InterviewRef, InvitationsDeps } from './invitations.context.ts';
import { checkTemplatePlaceholders } from './email-template-preview.ts';
import { getBuiltInTemplate } from './mail-templates.ts';

interface StoredWording {
  kind: EmailTemplateKind;
  subject: string;
  text_body: string;
  html_body: string | null;
  updated_at: string;
}

const fromStored = (
  row: StoredWording,
  source: EmailTemplate['source'],
  customised: boolean,
): EmailTemplate => ({
  kind: row.kind,
  subject: row.subject,
  text: row.text_body,
  html: row.html_body,
  customised,
  source,
  updatedAt: row.updated_at,
});

const builtInWording = (language: InterviewLanguage, kind: EmailTemplateKind): EmailTemplate => ({
  kind,
  ...getBuiltInTemplate(language, kind),
  html: null,
  customised: false,
  source: 'built_in',
  updatedAt: null,
});

/** The organisation's wording of every kind of e-mail in one language, the built-in one where it has none. */
export async function loadOrganisationTemplates(
  db: Db,
  options: { organisationId: string; language: InterviewLanguage },
): Promise<Record<EmailTemplateKind, EmailTemplate>> {
  const stored = new Map((await listOrganisationEmailTemplates(db, options)).map((row) => [row.kind, row]));
  const entries = emailTemplateKinds.map((kind): [EmailTemplateKind, EmailTemplate] => {
    const row = stored.get(kind);
    return [kind, row ? fromStored(row, 'organisation', true) : builtInWording(options.language, kind)];
  });
  return Object.fromEntries(entries) as Record<EmailTemplateKind, EmailTemplate>;
}

/**
 * Every kind of e-mail as it will be sent for the interview: its own wording where set, else the organisation's
 * wording in the interview's language, else the built-in one.
 */
export async function loadEffectiveTemplates(
  db: Db,
  options: { organisationId: string; interviewId: string; language: InterviewLanguage },
): Promise<Record<EmailTemplateKind, EmailTemplate>> {
  const [own, organisation] = await Promise.all([
    listEmailTemplates(db, options.interviewId),
    loadOrganisationTemplates(db, options),
  ]);
  const stored = new Map(own.map((row) => [row.kind, row]));
  const entries = emailTemplateKinds.map((kind): [EmailTemplateKind, EmailTemplate] => {
    const row = stored.get(kind);
    // The organisation's wording is not the interview's own: "customised" stays false for it.
    return [kind, row ? fromStored(row, 'interview', true) : { ...organisation[kind], customised: false }];
  });
  return Object.fromEntries(entries) as Record<EmailTemplateKind, EmailTemplate>;
}

export function createEmailTemplateFunctions({ db, clock, interviews }: InvitationsDeps) {
  const loadInterview = (ref: InterviewRef) => interviews.getInterview(ref);

  /** The interview's e-mails in its language, marking which ones the employer has reworded. */
  async function listInterviewEmailTemplates(ref: InterviewRef): Promise<EmailTemplate[]> {
    const interview = await loadInterview(ref);
    const templates = await loadEffectiveTemplates(db, {
      organisationId: ref.organisationId,
      interviewId: interview.id,
      language: interview.language,
    });
    return emailTemplateKinds.map((kind) => templates[kind]);
  }

  async function getTemplate(ref: InterviewRef, kind: EmailTemplateKind): Promise<EmailTemplate> {
    const templates = await listInterviewEmailTemplates(ref);
    return templates.find((t) => t.kind === kind) as EmailTemplate;
  }

  return {
    listInterviewEmailTemplates,

    /** Rewords one kind of e-mail for the interview; refuses placeholders that do not exist, naming them. */
    async updateInterviewEmailTemplate(
      options: InterviewRef & { kind: EmailTemplateKind; input: UpdateEmailTemplateInput },
    ): Promise<EmailTemplate> {
      const interview = await loadInterview(options);
      assertInterviewActive(interview);
      const { subject, text, html } = options.input;
      const fields = checkTemplatePlaceholders(options.input);
      if (fields.length > 0) throw validationFailed(fields);
      await upsertEmailTemplate(db, {
        interview_id: interview.id,
        organisation_id: options.organisationId,
        kind: options.kind,
        subject,
        text_body: text,
        html_body: html ?? null,
        updated_at: isoNow(clock),
      });
      return getTemplate(options, options.kind);
    },

    /** Goes back to the built-in wording for one kind of e-mail. */
    async resetInterviewEmailTemplate(
      options: InterviewRef & { kind: EmailTemplateKind },
    ): Promise<EmailTemplate> {
      const interview = await loadInterview(options);
      assertInterviewActive(interview);
      await deleteEmailTemplate(db, { interviewId: interview.id, kind: options.kind });
      return getTemplate(options, options.kind);
    },
  };
}
