import { bankTagsSchema, type BankQuestion } from '@oneway/shared';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useForm } from '../../hooks/useForm.ts';
import { DurationFields } from '../interviews/fields/DurationFields.tsx';
import { showSaveError, type FieldRoute } from '../interviews/fields/formIssues.ts';
import { RadioGroupField } from '../interviews/fields/RadioGroupField.tsx';
import { ThinkTimeFields } from '../interviews/fields/ThinkTimeFields.tsx';
import { answerTypeLabels, startModeLabels } from '../interviews/format/questionLabels.ts';
import { RubricEditor } from '../interviews/questions/RubricEditor.tsx';
import { questionFormSchema } from '../interviews/questions/questionSchema.ts';
import {
  createCriterionDraft,
  questionFieldRoutes,
  toQuestionValues,
} from '../interviews/questions/questionValues.ts';
import { useUpdateBankQuestion } from './useQuestionBank.ts';

const toOptions = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
const answerTypeOptions = toOptions(answerTypeLabels);
const startModeOptions = toOptions(startModeLabels);
const takesOptions = Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }));
const bankFieldRoutes: FieldRoute[] = [...questionFieldRoutes, { prefix: 'tags', field: 'tags' }];

/** "Sales, Culture" as the list of tags the API takes. */
const splitTags = (text: string) =>
  text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');

interface BankQuestionFormProps {
  question: BankQuestion;
  onDone: (saved: BankQuestion | null) => void;
}

/** Changes a saved question: prompt, answer type, timers, takes, how recording starts, rubric and tags. */
export function BankQuestionForm({ question, onDone }: BankQuestionFormProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const update = useUpdateBankQuestion();
  const form = useForm({ ...toQuestionValues(question), tags: question.tags.join(', ') });
  const [criteria, setCriteria] = useState(() => question.rubric?.criteria.map(createCriterionDraft) ?? []);
  const isText = form.values.answerType === 'text';
  const rubric = form.bind('rubric');

  useEffect(() => headingRef.current?.focus(), []);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (update.isPending) return;
    const input = form.validate(questionFormSchema, { values: form.values, criteria });
    if (!input) return;
    const tags = bankTagsSchema.safeParse(splitTags(form.values.tags));
    if (!tags.success) {
      form.showIssues([{ field: 'tags', message: tags.error.issues[0]?.message ?? 'Check the tags' }]);
      return;
    }
    update.mutate(
      { id: question.id, input: { ...input, tags: tags.data } },
      { onSuccess: onDone, onError: (error) => showSaveError(form, error, bankFieldRoutes) },
    );
  }

  return (
    <div className="question-form">
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        Edit saved question
      </h3>
      <ErrorSummary errors={form.errors} formError={form.formError} attempt={form.attempt} />
      <form
        className="form"
        noValidate
        onSubmit={handleSubmit}
        aria-labelledby={headingId}
        aria-busy={update.isPending}
      >
        <TextAreaField
          {...form.bind('promptText')}
          label="Prompt"
          hint="The question as candidates read it."
          rows={3}
        />
        <TextField
          {...form.bind('tags')}
          label="Tags"
          hint="Separate tags with commas, for example: sales, culture."
          autoComplete="off"
        />
        <RadioGroupField {...form.bind('answerType')} legend="Answer type" options={answerTypeOptions} />
        <ThinkTimeFields mode={form.bind('thinkMode')} seconds={form.bind('thinkSeconds')} />
        {isText ? (
          <TextField
            {...form.bind('textMaxChars')}
            label="Character limit"
            hint="From 100 to 10,000 characters."
            inputMode="numeric"
            autoComplete="off"
            className="field--short"
          />
        ) : (
          <DurationFields
            legend="Answer time limit"
            hint="From 15 seconds to 30 minutes."
            minutes={form.bind('answerMin')}
            seconds={form.bind('answerSec')}
          />
        )}
        <SelectField
          {...form.bind('takes')}
          label="Takes"
          hint="How many times the candidate may record their answer and keep the best one."
          options={takesOptions}
        />
        {isText ? null : (
          <RadioGroupField {...form.bind('startMode')} legend="Recording starts" options={startModeOptions} />
        )}
        <RubricEditor id={rubric.id} error={rubric.error} criteria={criteria} onChange={setCriteria} />
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            Save changes
          </button>
          <button type="button" className="button" onClick={() => onDone(null)}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
