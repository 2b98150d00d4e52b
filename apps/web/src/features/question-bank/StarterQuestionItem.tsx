import { bankQuestionExistsDetailsSchema, type StarterQuestion } from '@oneway/shared';
import { useId, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { useInterviews } from '../interviews/interviewQueries.ts';
import { QuestionRules, RubricDetails } from '../interviews/questions/QuestionRules.tsx';
import type { Feedback } from '../../hooks/usePageFeedback.ts';
import { shortenPrompt } from './BankQuestionItem.tsx';
import { BankTags } from './BankTags.tsx';
import { useAddSettingsToInterview, useCopyStarterToBank } from './useQuestionBank.ts';

interface StarterQuestionItemProps {
  question: StarterQuestion;
  canEdit: boolean;
  feedback: Feedback;
  /** Points at the bank item that holds this question. */
  onShowInBank: (bankQuestionId: string) => void;
}

/** The bank item a refused copy names, when the refusal says which. */
function existingItemOf(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'bank_question_exists') return null;
  const details = bankQuestionExistsDetailsSchema.safeParse(error.details);
  return details.success ? details.data.bankQuestionId : null;
}

/** A starter question with its rules and rubric; editors copy it to the bank or add it straight to an interview. */
export function StarterQuestionItem({ question, canEdit, feedback, onShowInBank }: StarterQuestionItemProps) {
  const selectId = useId();
  const [isChoosing, setIsChoosing] = useState(false);
  const [interviewId, setInterviewId] = useState('');
  const addRef = useRef<HTMLButtonElement>(null);
  const copy = useCopyStarterToBank();
  const addToInterview = useAddSettingsToInterview();
  const interviews = useInterviews('active');
  const shortPrompt = shortenPrompt(question.promptText);
  const { id: _id, role: _role, language: _language, tags: _tags, bankQuestionId, ...settings } = question;

  function handleCopy() {
    if (copy.isPending) return;
    copy.mutate(question.id, {
      onSuccess: (saved) => {
        feedback.success(`“${shortPrompt}” copied to your saved questions, where you can edit it.`);
        onShowInBank(saved.id);
      },
      onError: (error) => {
        feedback.failure(error);
        const existing = existingItemOf(error);
        if (existing) onShowInBank(existing);
      },
    });
  }

  function handleAdd() {
    const interview = interviews.data?.find((i) => i.id === interviewId);
    if (!interview || addToInterview.isPending) return;
    addToInterview.mutate(
      { interviewId: interview.id, settings },
      {
        onSuccess: () => {
          feedback.success(`“${shortPrompt}” added to the interview “${interview.title}”.`);
          setIsChoosing(false);
          requestAnimationFrame(() => addRef.current?.focus());
        },
        onError: feedback.failure,
      },
    );
  }

  const interviewOptions = [
    { value: '', label: 'Choose an interview' },
    ...(interviews.data ?? []).map((i) => ({ value: i.id, label: i.title })),
  ];

  return (
    <li className="item bank-item bank-item--starter">
      <div className="item__main">
        <p className="item__title" lang={question.language}>
          {question.promptText}
        </p>
        <BankTags tags={question.tags} />
        <QuestionRules question={question} />
        <div lang={question.language}>
          <RubricDetails question={question} />
        </div>
        {bankQuestionId ? <p className="item__meta">In your saved questions</p> : null}
        {isChoosing ? (
          <div className="starter-add">
            <SelectField
              id={selectId}
              label="Interview"
              value={interviewId}
              options={interviewOptions}
              onChange={(event) => setInterviewId(event.target.value)}
            />
            <button
              type="button"
              className="button button--small button--primary"
              disabled={interviewId === ''}
              onClick={handleAdd}
            >
              Add to this interview
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                setIsChoosing(false);
                requestAnimationFrame(() => addRef.current?.focus());
              }}
            >
              Cancel
            </button>
          </div>
        ) : null}
      </div>
      {canEdit && !isChoosing ? (
        <div className="item__actions">
          {bankQuestionId ? (
            <button
              type="button"
              className="button button--small"
              onClick={() => onShowInBank(bankQuestionId)}
            >
              Show saved copy
            </button>
          ) : (
            <button
              type="button"
              className="button button--small"
              aria-label={`Copy “${shortPrompt}” to the question bank`}
              onClick={handleCopy}
            >
              Copy to bank
            </button>
          )}
          <button
            ref={addRef}
            type="button"
            className="button button--small"
            aria-label={`Add “${shortPrompt}” to an interview`}
            onClick={() => setIsChoosing(true)}
          >
            Add to interview
          </button>
        </div>
      ) : null}
    </li>
  );
}
