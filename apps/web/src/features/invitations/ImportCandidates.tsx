import type { InvitationImportPreview } from '@oneway/shared';
import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useForm } from '../../hooks/useForm.ts';
import { plural } from '../interviews/format/durations.ts';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import type { Feedback } from '../../hooks/usePageFeedback.ts';
import { describeInterviewTimeZone } from './deadlineInput.ts';
import { exampleCsvHref } from './exampleCsv.ts';
import { useImportInvitations, usePreviewImport } from './invitationMutations.ts';
import { ImportPreview } from './ImportPreview.tsx';
import { byDelivery, notDelivered, useMailDelivery } from '../auth/mailDelivery.ts';

/** Invites many candidates from a CSV: choose or paste, check every row, then import all or nothing. */
export function ImportCandidates({
  interviewId,
  timeZone,
  feedback,
}: {
  interviewId: string;
  /** The interview's time zone, which reads deadlines without an offset. */
  timeZone: string;
  feedback: Feedback;
}) {
  const check = usePreviewImport(interviewId);
  const importAll = useImportInvitations(interviewId);
  const form = useForm({ csv: '' });
  const [preview, setPreview] = useState<InvitationImportPreview | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const canImport = preview !== null && preview.errors.length === 0 && preview.valid.length > 0;
  const delivery = useMailDelivery(preview?.valid.length ?? 1);

  function setCsv(text: string) {
    form.setValue('csv', text);
    // A preview describes the text it was made from; any change means checking again.
    setPreview(null);
  }

  async function handleFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file) setCsv(await file.text());
  }

  function handleCheck(event: FormEvent) {
    event.preventDefault();
    if (check.isPending) return;
    if (!form.values.csv.trim()) {
      form.showIssues([{ field: 'csv', message: 'Choose a CSV file or paste its text' }]);
      return;
    }
    check.mutate(form.values.csv, {
      onSuccess: (result) => {
        form.reset(form.values);
        setPreview(result);
        requestAnimationFrame(() => resultRef.current?.focus());
      },
      onError: form.showError,
    });
  }

  function handleImport() {
    if (importAll.isPending || !canImport) return;
    importAll.mutate(form.values.csv, {
      onSuccess: ({ created }) => {
        setCsv('');
        if (fileRef.current) fileRef.current.value = '';
        const invited = `${plural(created, 'candidate', 'candidates')} invited.`;
        feedback.success(
          byDelivery(
            delivery,
            `${invited} Each gets an e-mail with their link.`,
            `${invited} Their e-mails are ${notDelivered(delivery)}: use “Copy link” on each row to give them their links.`,
          ),
        );
      },
      onError: form.showError,
    });
  }

  return (
    <section className="panel" aria-labelledby="import-heading">
      <h2 id="import-heading">Import from CSV</h2>
      <p>
        The first line names the columns: <code>name</code> and <code>email</code>, and optionally{' '}
        <code>phone</code>, <code>external_id</code> and <code>deadline</code> (such as 2030-05-01 17:00).
        Save the file as CSV UTF-8. Nobody is invited until every row is right.
      </p>
      <p className="hint" id="import-deadline-zone">
        Deadlines: {describeInterviewTimeZone(timeZone)} A deadline with its own offset (such as
        2030-05-01T17:00:00+02:00) is read as written.
      </p>
      <p>
        <a
          href={exampleCsvHref()}
          download="oneway-candidates-example.csv"
          onClick={(event) => {
            // Made at the click, so its deadline is two weeks from today even on a page left open for days.
            event.currentTarget.href = exampleCsvHref();
          }}
        >
          Download an example CSV
        </a>
      </p>
      <ErrorSummary errors={form.errors} formError={form.formError} attempt={form.attempt} />
      <form className="form import-form" noValidate onSubmit={handleCheck} aria-labelledby="import-heading">
        <div className="field">
          <label className="field__label" htmlFor="import-file">
            CSV file
          </label>
          <input
            ref={fileRef}
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            className="file-input"
            onChange={(event) => void handleFile(event)}
          />
        </div>
        <TextAreaField
          {...form.bind('csv')}
          onChange={(event) => setCsv(event.target.value)}
          label="Or paste the CSV"
          hint="A chosen file shows here too, so you can correct a line before checking again."
          rows={6}
          spellCheck={false}
        />
        <div className="form__actions">
          <button type="submit" className="button">
            Check file
          </button>
        </div>
      </form>
      {preview ? (
        <div className="import-result">
          <h3 ref={resultRef} tabIndex={-1}>
            {plural(preview.rowCount, 'row', 'rows')} checked
          </h3>
          <ImportPreview preview={preview} />
          {canImport ? (
            <button type="button" className="button button--primary" onClick={handleImport}>
              Import {plural(preview.valid.length, 'candidate', 'candidates')}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
