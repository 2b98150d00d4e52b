import type { BankQuestion } from '@oneway/shared';
import { useRef, useState } from 'react';
import { formatDate } from '../../lib/formatDate.ts';
import { InlineConfirm } from '../interviews/InlineConfirm.tsx';
import { QuestionRules, RubricDetails } from '../interviews/questions/QuestionRules.tsx';
import type { Feedback } from '../interviews/usePageFeedback.ts';
import { useDeleteBankQuestion } from './useQuestionBank.ts';

interface BankQuestionItemProps {
  question: BankQuestion;
  canEdit: boolean;
  feedback: Feedback;
  onDeleted: () => void;
}

/** A saved question with its rules; editors can delete it (interviews keep their own copies). */
export function BankQuestionItem({ question, canEdit, feedback, onDeleted }: BankQuestionItemProps) {
  const [isConfirming, setIsConfirming] = useState(false);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const remove = useDeleteBankQuestion();
  const shortPrompt =
    question.promptText.length > 60 ? `${question.promptText.slice(0, 57)}…` : question.promptText;

  function handleDelete() {
    if (remove.isPending) return;
    remove.mutate(question.id, {
      onSuccess: () => {
        feedback.success(`“${shortPrompt}” removed from the question bank.`);
        onDeleted();
      },
      onError: (error) => {
        setIsConfirming(false);
        feedback.failure(error);
        deleteRef.current?.focus();
      },
    });
  }

  return (
    <li className="item bank-item">
      <div className="item__main">
        <p className="item__title">{question.promptText}</p>
        <QuestionRules question={question} />
        <RubricDetails question={question} />
        <p className="item__meta">
          <span>
            Saved <time dateTime={question.createdAt}>{formatDate(question.createdAt)}</time>
          </span>
        </p>
      </div>
      {canEdit && !isConfirming ? (
        <div className="item__actions">
          <button
            ref={deleteRef}
            type="button"
            className="button button--small button--danger-quiet"
            aria-label={`Delete “${shortPrompt}” from the question bank`}
            onClick={() => setIsConfirming(true)}
          >
            Delete
          </button>
        </div>
      ) : null}
      {isConfirming ? (
        <InlineConfirm
          question="Delete this question from the bank? Interviews that use it keep their own copy."
          confirmLabel="Yes, delete it"
          onConfirm={handleDelete}
          onCancel={() => {
            setIsConfirming(false);
            requestAnimationFrame(() => deleteRef.current?.focus());
          }}
        />
      ) : null}
    </li>
  );
}
