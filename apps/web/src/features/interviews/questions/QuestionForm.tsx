import type { Question, QuestionDefaults } from '@oneway/shared';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { useForm } from '../../../hooks/useForm.ts';
import { showSaveError } from '../fields/formIssues.ts';
import { TextAreaField } from '../../../components/TextAreaField.tsx';
import { plural } from '../format/durations.ts';
import { useInterview } from '../interviewQueries.ts';
import { allCandidates, useInvitations } from '../../invitations/invitationQueries.ts';
import { PromptVideoField } from '../prompt-video/PromptVideoField.tsx';
import { questionFormSchema } from './questionSchema.ts';
import {
  createCriterionDraft,
  createQuestionValues,
  questionFieldRoutes,
  toQuestionValues,
} from './questionValues.ts';
import { RubricEditor } from './RubricEditor.tsx';
import { useAddQuestion, useUpdateQuestion } from './useQuestions.ts';
import { QuestionRuleFields } from './QuestionRuleFields.tsx';

interface QuestionFormProps {
  interviewId: string;
  /** The question to change, with its number in the list; leave out to add one at the end. */
  question?: Question;
  number: number;
  /** The organisation's rules a new question starts with (the built-in ones while they load). */
  defaults?: QuestionDefaults | undefined;
  onDone: (saved: Question | null) => void;
}

/** Adds or changes one question: prompt, answer type, timers, takes, how recording starts, and a rubric. */
export function QuestionForm({ interviewId, question, number, defaults, onDone }: QuestionFormProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const add = useAddQuestion(interviewId);
  const update = useUpdateQuestion(interviewId);
  const save = question ? update : add;
  const form = useForm(question ? toQuestionValues(question) : createQuestionValues(defaults));
  const [criteria, setCriteria] = useState(() => question?.rubric?.criteria.map(createCriterionDraft) ?? []);
  const rubric = form.bind('rubric');
  const language = useInterview(interviewId).data?.language ?? 'en';
  const heading = question ? `Edit question ${number}` : `New question ${number}`;
  const invited = useInvitations(interviewId, allCandidates).data?.length ?? 0;

  useEffect(() => headingRef.current?.focus(), []);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (add.isPending || update.isPending) return;
    const input = form.validate(questionFormSchema, { values: form.values, criteria });
    if (!input) return;
    const onError = (error: unknown) => showSaveError(form, error, questionFieldRoutes);
    if (question) update.mutate({ questionId: question.id, input }, { onSuccess: onDone, onError });
    else add.mutate(input, { onSuccess: onDone, onError });
  }

  return (
    <div className="question-form">
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {heading}
      </h3>
      {invited > 0 ? (
        <p className="alert alert--info" id={`${headingId}-invited`}>
          {plural(invited, 'candidate is', 'candidates are')} invited already. They keep the questions they
          were invited with, so {question ? 'this change does' : 'a new question does'} not reach them;
          candidates you invite from now on get it.
        </p>
      ) : null}
      <ErrorSummary errors={form.errors} formError={form.formError} attempt={form.attempt} />
      <form
        className="form"
        noValidate
        onSubmit={handleSubmit}
        aria-labelledby={headingId}
        aria-busy={save.isPending}
      >
        <TextAreaField
          {...form.bind('promptText')}
          label="Prompt"
          hint="The question as candidates read it."
          rows={3}
        />
        {question ? (
          <PromptVideoField
            target={{ interviewId, questionId: question.id }}
            video={question.promptVideo}
            title="Video prompt"
            noun="video prompt"
            hint="The question asked on video, by you or a colleague. It plays when the candidate starts the question, and their think time begins after it. The prompt above is always shown with it as its text version. Saved as soon as it is uploaded, apart from the other fields."
            language={language}
          />
        ) : (
          <p className="field__hint">
            You can add a video prompt once the question is saved: choose Edit on it.
          </p>
        )}
        <QuestionRuleFields values={form.values} bind={form.bind} />
        <RubricEditor id={rubric.id} error={rubric.error} criteria={criteria} onChange={setCriteria} />
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            Save question
          </button>
          <button type="button" className="button" onClick={() => onDone(null)}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
