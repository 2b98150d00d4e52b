import type { Question } from '@oneway/shared';
import { useRef, useState } from 'react';
import { useSaveToBank } from '../../question-bank/useQuestionBank.ts';
import { InlineConfirm } from '../../../components/InlineConfirm.tsx';
import type { Feedback } from '../../../hooks/usePageFeedback.ts';
import { useApplyRulesToAll, useDeleteQuestion } from './useQuestions.ts';

interface RowActionProps {
  interviewId: string;
  question: Question;
  number: number;
  feedback: Feedback;
}

/** Copies the question to the organisation's question bank. */
export function SaveToBankButton({ question, number, feedback }: Omit<RowActionProps, 'interviewId'>) {
  const saveToBank = useSaveToBank();

  function handleClick() {
    if (saveToBank.isPending) return;
    saveToBank.mutate(question.id, {
      onSuccess: () => feedback.success(`Question ${number} saved to the question bank.`),
      onError: feedback.failure,
    });
  }

  return (
    <button
      type="button"
      className="button button--small"
      aria-label={`Save to question bank: question ${number}`}
      aria-disabled={saveToBank.isPending || undefined}
      onClick={handleClick}
    >
      Save to question bank
    </button>
  );
}

/** Delete, asking first in place of the button; focus goes to `onDeleted`'s target afterwards. */
export function DeleteQuestionButton(props: RowActionProps & { onDeleted: () => void }) {
  const { interviewId, question, number, feedback } = props;
  const [isConfirming, setIsConfirming] = useState(false);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const deleteQuestion = useDeleteQuestion(interviewId);

  function handleDelete() {
    if (deleteQuestion.isPending) return;
    deleteQuestion.mutate(question.id, {
      onSuccess: () => {
        feedback.success(`Question ${number} deleted.`);
        props.onDeleted();
      },
      onError: (error) => {
        setIsConfirming(false);
        feedback.failure(error);
        requestAnimationFrame(() => deleteRef.current?.focus());
      },
    });
  }

  if (isConfirming) {
    return (
      <InlineConfirm
        question={`Delete question ${number}? This cannot be undone.`}
        confirmLabel={`Yes, delete question ${number}`}
        onConfirm={handleDelete}
        onCancel={() => {
          setIsConfirming(false);
          requestAnimationFrame(() => deleteRef.current?.focus());
        }}
      />
    );
  }
  return (
    <button
      ref={deleteRef}
      type="button"
      className="button button--small button--danger-quiet"
      aria-label={`Delete question ${number}`}
      onClick={() => setIsConfirming(true)}
    >
      Delete
    </button>
  );
}

/**
 * "Use these rules for all": think time, takes and start mode for every question, the answer time for the other
 * recorded ones or the character limit for the other written ones. Asks first, in place of the button.
 */
export function ApplyRulesToAllButton({ interviewId, question, number, feedback }: RowActionProps) {
  const [isConfirming, setIsConfirming] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const applyRules = useApplyRulesToAll(interviewId);
  const limit = question.answerType === 'text' ? 'character limit' : 'answer time';
  const kind = question.answerType === 'text' ? 'written' : 'recorded';
  const backToButton = () => requestAnimationFrame(() => buttonRef.current?.focus());

  function handleApply() {
    if (applyRules.isPending) return;
    applyRules.mutate(question.id, {
      onSuccess: () => {
        setIsConfirming(false);
        feedback.success(`Every question now has question ${number}'s rules.`);
        backToButton();
      },
      onError: (error) => {
        setIsConfirming(false);
        feedback.failure(error);
        backToButton();
      },
    });
  }

  if (isConfirming) {
    return (
      <InlineConfirm
        question={
          `Give every other question the think time, takes and start mode of question ${number}, and its ` +
          `${limit} to the other ${kind} questions? Prompts and rubrics stay as they are.`
        }
        confirmLabel={`Yes, use question ${number}'s rules for all`}
        onConfirm={handleApply}
        onCancel={() => {
          setIsConfirming(false);
          backToButton();
        }}
      />
    );
  }
  return (
    <button
      ref={buttonRef}
      type="button"
      className="button button--small"
      aria-label={`Use the rules of question ${number} for all questions`}
      onClick={() => setIsConfirming(true)}
    >
      Use these rules for all
    </button>
  );
}
