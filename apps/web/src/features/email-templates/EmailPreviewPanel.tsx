import type { EmailPreview, EmailTemplateKind } from '@oneway/shared';
import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import type { Feedback } from '../../hooks/usePageFeedback.ts';
import { notDelivered, useMailDelivery } from '../auth/mailDelivery.ts';
import { usePreviewEmailTemplate, useSendTestEmail, type TemplateSet } from './useEmailTemplates.ts';

interface EmailPreviewPanelProps {
  set: TemplateSet;
  kind: EmailTemplateKind;
  /** "Invitation": the e-mail's name, for the buttons' names. */
  title: string;
  /** The wording in the form now, saved or not. */
  draft: { subject: string; text: string; html: string };
  canSend: boolean;
  feedback: Feedback;
}

/** "Preview" shows the wording in the form filled in for an example candidate; "Send me a test" mails it to me. */
export function EmailPreviewPanel({ set, kind, title, draft, canSend, feedback }: EmailPreviewPanelProps) {
  const preview = usePreviewEmailTemplate(set, kind);
  const test = useSendTestEmail(set, kind);
  const delivery = useMailDelivery();
  const [shown, setShown] = useState<EmailPreview | null>(null);
  const input = { subject: draft.subject, text: draft.text, html: draft.html.trim() || null };
  const forKind = <span className="visually-hidden">: {title}</span>;
  return (
    <div className="email-preview">
      <div className="form__actions">
        <button
          type="button"
          className="button"
          aria-disabled={preview.isPending || undefined}
          onClick={() => {
            if (preview.isPending) return;
            preview.mutate(input, { onSuccess: setShown });
          }}
        >
          Preview{forKind}
        </button>
        {canSend ? (
          <button
            type="button"
            className="button"
            aria-disabled={test.isPending || undefined}
            onClick={() => {
              if (test.isPending) return;
              test.mutate(input, {
                onSuccess: ({ to }) =>
                  feedback.success(
                    delivery === 'smtp'
                      ? `Test e-mail sent to ${to}.`
                      : `Test e-mail to ${to} is ${notDelivered(delivery)}.`,
                  ),
                onError: feedback.failure,
              });
            }}
          >
            Send me a test{forKind}
          </button>
        ) : null}
      </div>
      <ErrorMessage error={preview.error} />
      {shown ? (
        <section className="email-preview__shown" aria-label={`Preview of the ${title.toLowerCase()} e-mail`}>
          <p className="hint">As Alex Example would get it, with the wording in the form above.</p>
          <p>
            <strong>Subject:</strong> <span className="break-anywhere">{shown.subject}</span>
          </p>
          <pre className="email-preview__text">{shown.text}</pre>
        </section>
      ) : null}
    </div>
  );
}
