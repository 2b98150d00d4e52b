import {
  emailTemplateKinds,
  type EmailTemplate,
  type EmailTemplateKind,
  type InterviewLanguage,
  type UpdateEmailTemplateInput,
} from '@oneway/shared';
import type { Db } from '../../db/database.ts';
import { isoNow } from '../../lib/time.ts';
import { validationFailed } from '../interviews/interview-access.ts';
import {
  deleteEmailTemplate,
  listEmailTemplates,
  upsertEmailTemplate,
} from './invitation-mail.repository.ts';
import { assertInterviewActive } from './invitation-state.ts';
import type { InterviewRef, InvitationsDeps } from './invitations.context.ts';
import { checkTemplatePlaceholders } from './email-template-preview.ts';
import { getBuiltInTemplate } from './mail-templates.ts';

/** Every kind of e-mail as it will be sent for the interview: its own wording where set, else the built-in one. */
export async function loadEffectiveTemplates(
  db: Db,
  options: { interviewId: string; language: InterviewLanguage },
): Promise<Record<EmailTemplateKind, EmailTemplate>> {
  const stored = new Map((await listEmailTemplates(db, options.interviewId)).map((row) => [row.kind, row]));
  const entries = emailTemplateKinds.map((kind): [EmailTemplateKind, EmailTemplate] => {
    const row = stored.get(kind);
    if (row) {
      return [
        kind,
        {
          kind,
          subject: row.subject,
          text: row.text_body,
          html: row.html_body,
          customised: true,
          updatedAt: row.updated_at,
        },
      ];
    }
    const builtIn = getBuiltInTemplate(options.language, kind);
    return [kind, { kind, ...builtIn, html: null, customised: false, updatedAt: null }];
  });
  return Object.fromEntries(entries) as Record<EmailTemplateKind, EmailTemplate>;
}

export function createEmailTemplateFunctions({ db, clock, interviews }: InvitationsDeps) {
  const loadInterview = (ref: InterviewRef) => interviews.getInterview(ref);

  /** The interview's e-mails in its language, marking which ones the employer has reworded. */
  async function listInterviewEmailTemplates(ref: InterviewRef): Promise<EmailTemplate[]> {
    const interview = await loadInterview(ref);
    const templates = await loadEffectiveTemplates(db, {
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
