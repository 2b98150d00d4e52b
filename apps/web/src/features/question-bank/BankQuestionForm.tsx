import { bankTagsSchema, type BankQuestion } from '@oneway/shared';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useForm } from '../../hooks/useForm.ts';
import { showSaveError, type FieldRoute } from '../interviews/fields/formIssues.ts';
import { RubricEditor } from '../interviews/questions/RubricEditor.tsx';
import { questionFormSchema } from '../interviews/questions/questionSchema.ts';
import {
  createCriterionDraft,
  questionFieldRoutes,
  toQuestionValues,
} from '../interviews/questions/questionValues.ts';
import { useUpdateBankQuestion } from './useQuestionBank.ts';
import { QuestionRuleFields } from '../interviews/questions/QuestionRuleFields.tsx';

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
        <QuestionRuleFields values={form.values} bind={form.bind} />
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
