import {
  builtInQuestionDefaults,
  questionDefaultsSchema,
  type AnswerType,
  type QuestionDefaults,
  type StartMode,
} from '@oneway/shared';
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../../components/ErrorMessage.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import { useForm } from '../../../hooks/useForm.ts';
import {
  createFormSchema,
  createNumberReader,
  showSaveError,
  type FieldRoute,
  type FormIssue,
} from '../fields/formIssues.ts';
import { readAnswerSeconds, readThinkTime } from './questionSchema.ts';
import { createQuestionValues, type QuestionValues } from './questionValues.ts';
import { useQuestionDefaults, useSaveQuestionDefaults } from './useQuestionDefaults.ts';
import { QuestionRuleFields } from './QuestionRuleFields.tsx';

const routes: FieldRoute[] = [
  { prefix: 'think', field: 'thinkMode' },
  { prefix: 'think.seconds', field: 'thinkSeconds' },
  { prefix: 'answerSeconds', field: 'answerMin' },
];

function toDefaultsInput(values: QuestionValues) {
  const issues: FormIssue[] = [];
  const readNumber = createNumberReader(issues);
  const input: QuestionDefaults = {
    answerType: values.answerType as AnswerType,
    think: readThinkTime(values, readNumber),
    answerSeconds: readAnswerSeconds(values, readNumber),
    textMaxChars: readNumber(
      values.textMaxChars,
      'textMaxChars',
      'Enter the character limit as a whole number',
    ),
    takes: Number(values.takes),
    startMode: values.startMode as StartMode,
  };
  return { input, issues };
}

const defaultsFormSchema = createFormSchema(toDefaultsInput, questionDefaultsSchema, routes);

/** Settings: the rules every new question starts with; owners and admins change them, recruiters read them. */
export function QuestionDefaultsPanel({ canEdit }: { canEdit: boolean }) {
  const defaults = useQuestionDefaults();
  // Kept here: the form starts afresh from what was saved, and the message must outlive it.
  const [status, setStatus] = useState<string | null>(null);
  return (
    <section className="panel" aria-labelledby="question-defaults-heading">
      <h2 id="question-defaults-heading">Rules for new questions</h2>
      <p className="field__hint">
        Every new question in every interview starts with these; each question can still have its own. On an
        interview, “Use these rules for all” gives all its questions the rules of one.
      </p>
      {defaults.isPending ? (
        <Loading />
      ) : defaults.isError ? (
        <ErrorMessage error={defaults.error} />
      ) : (
        <QuestionDefaultsForm
          key={JSON.stringify(defaults.data)}
          defaults={defaults.data}
          canEdit={canEdit}
          status={status}
          onStatus={setStatus}
        />
      )}
    </section>
  );
}

interface QuestionDefaultsFormProps {
  defaults: QuestionDefaults;
  canEdit: boolean;
  status: string | null;
  onStatus: (status: string | null) => void;
}

function QuestionDefaultsForm({ defaults, canEdit, status, onStatus: setStatus }: QuestionDefaultsFormProps) {
  const save = useSaveQuestionDefaults();
  const form = useForm(createQuestionValues(defaults));
  const isBuiltIn = JSON.stringify(defaults) === JSON.stringify(builtInQuestionDefaults);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending || !canEdit) return;
    setStatus(null);
    const input = form.validate(defaultsFormSchema);
    if (!input) return;
    save.mutate(input, {
      onSuccess: () => setStatus('Rules for new questions saved.'),
      onError: (error) => showSaveError(form, error, routes),
    });
  }

  function handleReset() {
    if (save.isPending || !canEdit) return;
    setStatus(null);
    save.mutate(null, { onSuccess: () => setStatus('Back to the built-in rules for new questions.') });
  }

  return (
    <>
      <StatusMessage message={status} onDismiss={() => setStatus(null)} />
      <ErrorSummary errors={form.errors} formError={form.formError} attempt={form.attempt} />
      <form
        className="form"
        noValidate
        onSubmit={handleSubmit}
        aria-label="Rules for new questions"
        aria-busy={save.isPending}
      >
        <fieldset className="fieldset" disabled={!canEdit}>
          <QuestionRuleFields values={form.values} bind={form.bind} allTypes />
        </fieldset>
        {canEdit ? (
          <div className="form__actions">
            <button type="submit" className="button button--primary">
              Save rules for new questions
            </button>
            {isBuiltIn ? null : (
              <button type="button" className="button" onClick={handleReset}>
                Use the built-in rules
              </button>
            )}
          </div>
        ) : (
          <p className="field__hint">Only owners and admins change these.</p>
        )}
      </form>
    </>
  );
}
