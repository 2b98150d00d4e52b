import {
  emailPlaceholders,
  type EmailPreview,
  type EmailTemplateKind,
  type FieldIssue,
  type UpdateEmailTemplateInput,
} from '@oneway/shared';
import { notFound, validationFailed } from '../../errors.ts';
import { formatDeadline } from './deadlines.ts';
import type { InterviewRef, InvitationsContext } from './invitations.context.ts';
import { findUnknownPlaceholders, type PlaceholderValues } from './mail-render.ts';
import { withYourDataFooter, yourDataUrlOf } from './your-data-footer.ts';

const weekMs = 7 * 86_400_000;

/** Each unknown placeholder of a template, named with its field. */
export function checkTemplatePlaceholders(input: UpdateEmailTemplateInput): FieldIssue[] {
  const parts = { subject: input.subject, text: input.text, html: input.html ?? '' };
  return (['subject', 'text', 'html'] as const).flatMap((field) =>
    findUnknownPlaceholders(parts[field]).map((name) => ({
      field,
      message: `Unknown placeholder {{${name}}}. Use ${emailPlaceholders.map((p) => `{{${p}}}`).join(', ')}`,
    })),
  );
}

/** Sends an example e-mail to the member who asked for it, with "[Test]" before the subject; says where it went. */
export async function sendExampleToMember(
  ctx: Pick<InvitationsContext, 'accounts' | 'mail'>,
  ref: { organisationId: string; userId: string },
  example: EmailPreview,
): Promise<{ to: string }> {
  const members = await ctx.accounts.listMembers({ organisationId: ref.organisationId });
  const me = members.find((m) => m.userId === ref.userId);
  if (!me) throw notFound('Member');
  await ctx.mail.queueEmail({
    organisationId: ref.organisationId,
    to: me.email,
    subject: `[Test] ${example.subject}`,
    text: example.text,
    html: example.html,
  });
  return { to: me.email };
}

/** Previews and test sends of an interview's e-mails, filled in with an example candidate. */
export function createEmailPreviewFunctions(ctx: InvitationsContext) {
  const { config, clock } = ctx;

  async function renderExample(
    ref: InterviewRef & { kind: EmailTemplateKind; input: UpdateEmailTemplateInput },
  ) {
    const issues = checkTemplatePlaceholders(ref.input);
    if (issues.length > 0) throw validationFailed(issues);
    const scope = await ctx.mailer.loadMailScope(ref);
    const { interview } = scope;
    const values: PlaceholderValues = {
      candidateName: 'Alex Example',
      companyName: scope.companyName,
      interviewTitle: interview.title,
      roleTitle: interview.roleTitle,
      link:
        ref.kind === 'completion_team'
          ? `${config.publicUrl}/interviews/${interview.id}/review`
          : `${config.publicUrl}/i/example-link-in-a-preview`,
      deadline: formatDeadline(
        new Date(clock.now().getTime() + weekMs).toISOString(),
        interview.language,
        interview.timeZone,
      ),
      questionCount: String(interview.questions.length),
    };
    const rendered = ctx.mailer.render(scope, ref.kind, values, {
      subject: ref.input.subject,
      text: ref.input.text,
      html: ref.input.html ?? null,
    });
    // As candidates get it: ending with the "Your data" line every e-mail to a candidate carries.
    if (ref.kind === 'completion_team') return rendered;
    return withYourDataFooter(rendered, {
      language: interview.language,
      companyName: scope.companyName,
      url: yourDataUrlOf(config.publicUrl, 'example-link-in-a-preview'),
    });
  }

  return {
    /** The e-mail as a candidate (Alex Example) would get it with this wording, which need not be saved yet. */
    previewEmailTemplate: (
      ref: InterviewRef & { kind: EmailTemplateKind; input: UpdateEmailTemplateInput },
    ): Promise<EmailPreview> => renderExample(ref),

    /** Sends that example to the member who asks, with "[Test]" before the subject. Returns where it went. */
    async sendTestEmail(
      ref: InterviewRef & { userId: string; kind: EmailTemplateKind; input: UpdateEmailTemplateInput },
    ): Promise<{ to: string }> {
      return sendExampleToMember(ctx, ref, await renderExample(ref));
    },
  };
}
