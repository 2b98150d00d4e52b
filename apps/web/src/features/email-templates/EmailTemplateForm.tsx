import { updateEmailTemplateSchema, type EmailTemplate } from '@oneway/shared';
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useForm } from '../../hooks/useForm.ts';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { InlineConfirm } from '../../components/InlineConfirm.tsx';
import type { Feedback } from '../../hooks/usePageFeedback.ts';
import { EmailPreviewPanel } from './EmailPreviewPanel.tsx';
import { kindLabels } from './emailTemplateText.ts';
import { useResetEmailTemplate, useSaveEmailTemplate, type TemplateSet } from './useEmailTemplates.ts';

interface EmailTemplateFormProps {
  set: TemplateSet;
  template: EmailTemplate;
  /** What "Reset" goes back to: the organisation's wording for an interview, else the default wording. */
  resetTo: string;
  canEdit: boolean;
  feedback: Feedback;
}

const valuesOf = (template: EmailTemplate) => ({
  subject: template.subject,
  text: template.text,
  html: template.html ?? '',
});

const badgeOf = (template: EmailTemplate): string =>
  template.customised
    ? 'Customised'
    : template.source === 'organisation'
      ? 'Organisation wording'
      : 'Default wording';

/** One kind of e-mail: subject, text and optional HTML, saved or put back to the wording below it. */
export function EmailTemplateForm({ set, template, resetTo, canEdit, feedback }: EmailTemplateFormProps) {
  const save = useSaveEmailTemplate(set, template.kind);
  const reset = useResetEmailTemplate(set, template.kind);
  const form = useForm(valuesOf(template));
  const [isConfirming, setIsConfirming] = useState(false);
  const { title, when } = kindLabels[template.kind];
  const headingId = `email-template-${template.kind}`;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending || !canEdit) return;
    const { subject, text, html } = form.values;
    // An empty HTML box means "make the HTML part from the text".
    const input = form.validate(updateEmailTemplateSchema, { subject, text, html: html.trim() || null });
    if (!input) return;
    save.mutate(input, {
      onSuccess: (saved) => {
        form.reset(valuesOf(saved));
        feedback.success(`${title} e-mail saved.`);
      },
      onError: form.showError,
    });
  }

  function handleReset() {
    setIsConfirming(false);
    if (reset.isPending) return;
    reset.mutate(undefined, {
      onSuccess: (saved) => {
        form.reset(valuesOf(saved));
        feedback.success(`${title} e-mail is back to ${resetTo}.`);
      },
      onError: feedback.failure,
    });
  }

  const forKind = <span className="visually-hidden">: {title}</span>;
  return (
    <section className="panel email-template" aria-labelledby={headingId}>
      <div className="email-template__header">
        <h2 id={headingId}>{title}</h2>
        <span className={`badge ${template.customised ? 'badge--active' : 'badge--archived'}`}>
          {badgeOf(template)}
        </span>
      </div>
      <p className="hint">{when}</p>
      <ErrorSummary errors={form.errors} formError={form.formError} attempt={form.attempt} />
      <form className="form" noValidate onSubmit={handleSubmit} aria-labelledby={headingId}>
        <TextField {...form.bind('subject')} label="Subject" readOnly={!canEdit} />
        <TextAreaField {...form.bind('text')} label="Text" rows={10} readOnly={!canEdit} />
        <TextAreaField
          {...form.bind('html')}
          label="HTML (optional)"
          hint="Leave empty and the HTML part is made from the text, with the link as a button."
          rows={4}
          readOnly={!canEdit}
          spellCheck={false}
        />
        {canEdit ? (
          <div className="form__actions">
            <button
              type="submit"
              className="button button--primary"
              aria-disabled={save.isPending || undefined}
            >
              Save template{forKind}
            </button>
            {template.customised && !isConfirming ? (
              <button
                type="button"
                className="button"
                aria-disabled={reset.isPending || undefined}
                onClick={() => setIsConfirming(true)}
              >
                Reset{forKind}
              </button>
            ) : null}
          </div>
        ) : null}
        <EmailPreviewPanel
          set={set}
          kind={template.kind}
          title={title}
          draft={form.values}
          canSend={canEdit}
          feedback={feedback}
        />
        {isConfirming ? (
          <InlineConfirm
            question={`Put the ${title.toLowerCase()} e-mail back to ${resetTo}? This wording is lost.`}
            confirmLabel="Reset"
            onConfirm={handleReset}
            onCancel={() => setIsConfirming(false)}
          />
        ) : null}
      </form>
    </section>
  );
}
