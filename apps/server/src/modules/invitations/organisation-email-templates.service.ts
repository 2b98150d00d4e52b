import {
  emailTemplateKinds,
  type EmailPreview,
  type EmailTemplate,
  type EmailTemplateKind,
  type InterviewLanguage,
  type UpdateEmailTemplateInput,
} from '@oneway/shared';
import { validationFailed } from '../../errors.ts';
import { isoNow } from '../../lib/time.ts';
import { formatDeadline } from './deadlines.ts';
import { checkTemplatePlaceholders, sendExampleToMember } from './email-template-preview.ts';
import { loadOrganisationTemplates } from './email-templates.service.ts';
import {
  deleteOrganisationEmailTemplate,
  upsertOrganisationEmailTemplate,
} from './invitation-mail.repository.ts';
import type { InvitationsContext } from './invitations.context.ts';
import type { PlaceholderValues } from './mail-render.ts';
import { withYourDataFooter, yourDataUrlOf } from './your-data-footer.ts';

interface WordingRef {
  organisationId: string;
  language: InterviewLanguage;
  kind: EmailTemplateKind;
}

const weekMs = 7 * 86_400_000;
const exampleInterview = {
  en: { title: 'Account executive, first round', roleTitle: 'Account executive' },
  es: { title: 'Ejecutivo de cuentas, primera ronda', roleTitle: 'Ejecutivo de cuentas' },
} satisfies Record<InterviewLanguage, { title: string; roleTitle: string }>;

/**
 * The organisation's own wording of each kind of e-mail, per language: what every interview in that language
 * sends unless it has its own wording for the kind.
 */
export function createOrganisationEmailTemplateFunctions(ctx: InvitationsContext) {
  const { db, clock, config } = ctx;

  async function listOrganisationEmailTemplates(options: {
    organisationId: string;
    language: InterviewLanguage;
  }): Promise<EmailTemplate[]> {
    const templates = await loadOrganisationTemplates(db, options);
    return emailTemplateKinds.map((kind) => templates[kind]);
  }

  async function getTemplate(ref: WordingRef): Promise<EmailTemplate> {
    return (await loadOrganisationTemplates(db, ref))[ref.kind];
  }

  function checkPlaceholders(input: UpdateEmailTemplateInput): void {
    const fields = checkTemplatePlaceholders(input);
    if (fields.length > 0) throw validationFailed(fields);
  }

  /** The wording filled in for an example candidate of an example interview, as a candidate would get it. */
  async function renderExample(ref: WordingRef & { input: UpdateEmailTemplateInput }): Promise<EmailPreview> {
    checkPlaceholders(ref.input);
    const { name: companyName } = await ctx.accounts.getOrganisation(ref);
    const interview = exampleInterview[ref.language];
    const values: PlaceholderValues = {
      candidateName: 'Alex Example',
      companyName,
      interviewTitle: interview.title,
      roleTitle: interview.roleTitle,
      link:
        ref.kind === 'completion_team'
          ? `${config.publicUrl}/interviews`
          : `${config.publicUrl}/i/example-link-in-a-preview`,
      deadline: formatDeadline(new Date(clock.now().getTime() + weekMs).toISOString(), ref.language, 'UTC'),
      questionCount: '5',
    };
    const rendered = ctx.mailer.renderWording(
      { language: ref.language, accentColour: null },
      ref.kind,
      values,
      {
        subject: ref.input.subject,
        text: ref.input.text,
        html: ref.input.html ?? null,
      },
    );
    if (ref.kind === 'completion_team') return rendered;
    return withYourDataFooter(rendered, {
      language: ref.language,
      companyName,
      url: yourDataUrlOf(config.publicUrl, 'example-link-in-a-preview'),
    });
  }

  return {
    listOrganisationEmailTemplates,

    /** Rewords one kind of e-mail for every interview in the language; unknown placeholders are refused. */
    async updateOrganisationEmailTemplate(
      ref: WordingRef & { input: UpdateEmailTemplateInput },
    ): Promise<EmailTemplate> {
      checkPlaceholders(ref.input);
      await upsertOrganisationEmailTemplate(db, {
        organisation_id: ref.organisationId,
        language: ref.language,
        kind: ref.kind,
        subject: ref.input.subject,
        text_body: ref.input.text,
        html_body: ref.input.html ?? null,
        updated_at: isoNow(clock),
      });
      return getTemplate(ref);
    },

    /** Goes back to the built-in wording for one kind of e-mail in the language. */
    async resetOrganisationEmailTemplate(ref: WordingRef): Promise<EmailTemplate> {
      await deleteOrganisationEmailTemplate(db, ref);
      return getTemplate(ref);
    },

    previewOrganisationEmailTemplate: (ref: WordingRef & { input: UpdateEmailTemplateInput }) =>
      renderExample(ref),

    async sendOrganisationTestEmail(
      ref: WordingRef & { userId: string; input: UpdateEmailTemplateInput },
    ): Promise<{ to: string }> {
      return sendExampleToMember(ctx, ref, await renderExample(ref));
    },
  };
}
