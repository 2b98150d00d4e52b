import type { Question } from '@oneway/shared';
import { useRef, useState } from 'react';
import { useSaveToBank } from '../../question-bank/useQuestionBank.ts';
import { InlineConfirm } from '../InlineConfirm.tsx';
import type { Feedback } from '../usePageFeedback.ts';
import { useDeleteQuestion } from './useQuestions.ts';

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
