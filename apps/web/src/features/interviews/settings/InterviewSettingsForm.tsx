import type { Interview } from '@oneway/shared';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { useForm } from '../../../hooks/useForm.ts';
import { showSaveError } from '../fields/formIssues.ts';
import { interviewPath, useCreateInterview, useUpdateInterview } from '../interviewQueries.ts';
import { AboutFields } from './AboutFields.tsx';
import { DeadlineFields } from './DeadlineFields.tsx';
import { PracticeFields } from './PracticeFields.tsx';
import { ReminderFields } from './ReminderFields.tsx';
import { ReviewFields } from './ReviewFields.tsx';
import { settingsFormSchema } from './settingsSchema.ts';
import {
  createSettingsValues,
  settingsFieldRoutes,
  toReminderList,
  toSettingsValues,
} from './settingsValues.ts';

interface InterviewSettingsFormProps {
  /** The interview to change; leave out to create a new one. */
  interview?: Interview;
  onSaved: (interview: Interview) => void;
}

/** Every setting of an interview in one form; errors from the browser and the server show by their fields. */
export function InterviewSettingsForm({ interview, onSaved }: InterviewSettingsFormProps) {
  const create = useCreateInterview();
  const update = useUpdateInterview(interview?.id ?? '');
  const save = interview ? update : create;
  const form = useForm(interview ? toSettingsValues(interview) : createSettingsValues());
  const [reminders, setReminders] = useState(() => toReminderList(interview));

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const input = form.validate(settingsFormSchema, { values: form.values, reminders });
    if (!input) return;
    save.mutate(input, {
      onSuccess: onSaved,
      onError: (error) => showSaveError(form, error, settingsFieldRoutes),
    });
  }

  return (
    <>
      <ErrorSummary errors={form.errors} formError={form.formError} attempt={form.attempt} />
      <form
        className="form settings-form"
        noValidate
        onSubmit={handleSubmit}
        aria-label="Interview settings"
        aria-busy={save.isPending}
      >
        <AboutFields form={form} interview={interview} />
        <section className="panel form-section" aria-labelledby="deadline-heading">
          <h2 id="deadline-heading">Deadline and reminders</h2>
          <DeadlineFields form={form} />
          <ReminderFields form={form} reminders={reminders} onChange={setReminders} />
        </section>
        <PracticeFields form={form} />
        <ReviewFields form={form} />
        <div className="form__actions form__actions--sticky">
          <button type="submit" className="button button--primary">
            {interview ? 'Save settings' : 'Create interview'}
          </button>
          <Link to={interview ? interviewPath(interview.id) : '/interviews'}>Cancel</Link>
        </div>
      </form>
    </>
  );
}
