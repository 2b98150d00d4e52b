import type {
  EmailTemplate,
  EmailTemplateKind,
  Interview,
  InterviewLanguage,
  InterviewSnapshot,
} from '@oneway/shared';
import type { InvitationEmailsTable } from '../../db/schema/invitation-emails.ts';
import { isoNow } from '../../lib/time.ts';
import { createToken, hashToken } from '../../lib/tokens.ts';
import { formatDeadline } from './deadlines.ts';
import { loadEffectiveTemplates } from './email-templates.service.ts';
import { insertInvitationEmails, insertInvitationLinks } from './invitation-mail.repository.ts';
import type { InterviewRef, InvitationsDeps } from './invitations.context.ts';
import type { InvitationRow } from './invitations.repository.ts';
import {
  renderHtml,
  renderHtmlFromText,
  renderSubject,
  renderText,
  type PlaceholderValues,
} from './mail-render.ts';
import { defaultLinkButtonLabel, linkButtonLabels } from './mail-templates.ts';
import { withYourDataFooter, yourDataUrlOf } from './your-data-footer.ts';

/** What every e-mail about one interview's invitations shares; load once for a batch. */
export interface MailScope {
  interview: Interview;
  companyName: string;
  templates: Record<EmailTemplateKind, EmailTemplate>;
  snapshots: Map<string, InterviewSnapshot>;
}

export type CandidateMailKind = Exclude<EmailTemplateKind, 'completion_team'>;

export function createInvitationMail(deps: InvitationsDeps) {
  const { db, config, clock, mail, interviews, accounts } = deps;

  /** Pass the interview when already loaded. */
  async function loadMailScope(ref: InterviewRef, loaded?: Interview): Promise<MailScope> {
    const interview = loaded ?? (await interviews.getInterview(ref));
    const [organisation, templates] = await Promise.all([
      accounts.getOrganisation({ organisationId: ref.organisationId }),
      loadEffectiveTemplates(db, {
        organisationId: ref.organisationId,
        interviewId: interview.id,
        language: interview.language,
      }),
    ]);
    return { interview, companyName: organisation.name, templates, snapshots: new Map() };
  }

  async function getSnapshot(scope: MailScope, versionId: string): Promise<InterviewSnapshot> {
    const cached = scope.snapshots.get(versionId);
    if (cached) return cached;
    const { snapshot } = await interviews.getVersion({ versionId });
    scope.snapshots.set(versionId, snapshot);
    return snapshot;
  }

  async function buildValues(
    scope: MailScope,
    invitation: InvitationRow,
    link: string,
  ): Promise<PlaceholderValues> {
    const snapshot = await getSnapshot(scope, invitation.interview_version_id);
    // The candidate's own zone once known; before that the interview's.
    const timeZone = invitation.candidate_time_zone ?? scope.interview.timeZone;
    return {
      candidateName: invitation.candidate_name,
      companyName: scope.companyName,
      interviewTitle: snapshot.title,
      roleTitle: snapshot.roleTitle,
      link,
      deadline: formatDeadline(invitation.deadline_at, scope.interview.language, timeZone),
      questionCount: String(snapshot.questions.length),
    };
  }

  /**
   * A wording filled in with the values, text and HTML parts; the HTML made from the text has its link button in
   * the language and colour given.
   */
  function renderWording(
    look: { language: InterviewLanguage; accentColour: string | null },
    kind: EmailTemplateKind,
    values: PlaceholderValues,
    template: Pick<EmailTemplate, 'subject' | 'text' | 'html'>,
  ) {
    return {
      subject: renderSubject(template.subject, values),
      text: renderText(template.text, values),
      html:
        template.html !== null
          ? renderHtml(template.html, values)
          : renderHtmlFromText(template.text, values, {
              buttonLabel: linkButtonLabels[look.language][kind] ?? defaultLinkButtonLabel[look.language],
              accentColour: look.accentColour,
            }),
    };
  }

  /** A template (the interview's, or a draft being previewed) filled in with the values, text and HTML parts. */
  function render(
    scope: MailScope,
    kind: EmailTemplateKind,
    values: PlaceholderValues,
    template: Pick<EmailTemplate, 'subject' | 'text' | 'html'> = scope.templates[kind],
  ) {
    return renderWording(scope.interview, kind, values, template);
  }

  /**
   * Queues one e-mail to the candidate. The invitation e-mail carries the token it is given; other kinds get a
   * further link of their own (only the hash is kept), which their {{link}} and the "Your data" line at the end of
   * every candidate e-mail use. Returns the message id.
   */
  async function sendCandidateMail(
    scope: MailScope,
    options: { invitation: InvitationRow; kind: CandidateMailKind; token?: string },
  ): Promise<string> {
    const { invitation, kind } = options;
    const now = isoNow(clock);
    let token = options.token ?? '';
    if (!options.token) {
      token = createToken();
      await insertInvitationLinks(db, [
        {
          token_hash: hashToken(token),
          invitation_id: invitation.id,
          organisation_id: invitation.organisation_id,
          created_at: now,
        },
      ]);
    }
    const values = await buildValues(scope, invitation, `${config.publicUrl}/i/${token}`);
    const content = withYourDataFooter(render(scope, kind, values), {
      language: scope.interview.language,
      companyName: scope.companyName,
      url: yourDataUrlOf(config.publicUrl, token),
    });
    const messageId = await mail.queueEmail({
      organisationId: invitation.organisation_id,
      to: invitation.candidate_email,
      ...content,
      aboutInvitationId: invitation.id,
    });
    const row: InvitationEmailsTable = {
      message_id: messageId,
      invitation_id: invitation.id,
      organisation_id: invitation.organisation_id,
      kind,
      created_at: now,
      delivered_at: null,
    };
    await insertInvitationEmails(db, [row]);
    return messageId;
  }

  /**
   * Tells the interview's hiring team that a candidate has completed it: owners, admins, recruiters and assigned
   * reviewers who want to hear at once (see the notifications module). The link is the candidate's review page,
   * which every one of them may open (the candidate's page with the timeline is not for reviewers).
   */
  async function sendTeamCompletionMail(scope: MailScope, invitation: InvitationRow): Promise<void> {
    const recipients = await deps.teamNotices.listImmediateCompletionRecipients({
      organisationId: invitation.organisation_id,
      interviewId: invitation.interview_id,
      isAnonymised: scope.interview.anonymisedReview,
    });
    const link = `${config.publicUrl}/interviews/${invitation.interview_id}/review/${invitation.id}`;
    const content = render(scope, 'completion_team', await buildValues(scope, invitation, link));
    for (const to of recipients) {
      await mail.queueEmail({
        organisationId: invitation.organisation_id,
        to,
        ...content,
        aboutInvitationId: invitation.id,
      });
    }
  }

  return { loadMailScope, sendCandidateMail, sendTeamCompletionMail, render, renderWording };
}

export type InvitationMail = ReturnType<typeof createInvitationMail>;
