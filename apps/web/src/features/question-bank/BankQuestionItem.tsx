import type { BankQuestion } from '@oneway/shared';
import { useRef, useState } from 'react';
import { formatDate } from '../../lib/formatDate.ts';
import { InlineConfirm } from '../../components/InlineConfirm.tsx';
import { QuestionRules, RubricDetails } from '../interviews/questions/QuestionRules.tsx';
import type { Feedback } from '../../hooks/usePageFeedback.ts';
import { BankQuestionForm } from './BankQuestionForm.tsx';
import { BankTags } from './BankTags.tsx';
import { useDeleteBankQuestion } from './useQuestionBank.ts';

interface BankQuestionItemProps {
  question: BankQuestion;
  canEdit: boolean;
  feedback: Feedback;
  onDeleted: () => void;
  /** Outlined for a moment: the item a refused save pointed at. */
  isHighlighted?: boolean;
}

export const shortenPrompt = (prompt: string) => (prompt.length > 60 ? `${prompt.slice(0, 57)}…` : prompt);

/** A saved question with its rules and tags; editors change it or delete it (interviews keep their own copies). */
export function BankQuestionItem({
  question,
  canEdit,
  feedback,
  onDeleted,
  isHighlighted,
}: BankQuestionItemProps) {
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-delete'>('view');
  const editRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const remove = useDeleteBankQuestion();
  const shortPrompt = shortenPrompt(question.promptText);

  function handleDelete() {
    if (remove.isPending) return;
    remove.mutate(question.id, {
      onSuccess: () => {
        feedback.success(`“${shortPrompt}” removed from the question bank.`);
        onDeleted();
      },
      onError: (error) => {
        setMode('view');
        feedback.failure(error);
        deleteRef.current?.focus();
      },
    });
  }

  if (mode === 'edit') {
    return (
      <li className="item bank-item" id={`bank-item-${question.id}`}>
        <BankQuestionForm
          question={question}
          onDone={(saved) => {
            setMode('view');
            if (saved) feedback.success(`“${shortenPrompt(saved.promptText)}” saved.`);
            requestAnimationFrame(() => editRef.current?.focus());
          }}
        />
      </li>
    );
  }

  return (
    <li
      className={`item bank-item${isHighlighted ? ' bank-item--highlighted' : ''}`}
      id={`bank-item-${question.id}`}
    >
      <div className="item__main">
        <p className="item__title">{question.promptText}</p>
        <BankTags tags={question.tags} />
        <QuestionRules question={question} />
        <RubricDetails question={question} />
        <p className="item__meta">
          <span>
            Saved <time dateTime={question.createdAt}>{formatDate(question.createdAt)}</time>
          </span>
          {question.updatedAt ? (
            <span>
              Edited <time dateTime={question.updatedAt}>{formatDate(question.updatedAt)}</time>
            </span>
          ) : null}
          {question.starterQuestionId ? <span>From the starter library</span> : null}
        </p>
      </div>
      {canEdit && mode === 'view' ? (
        <div className="item__actions">
          <button
            ref={editRef}
            type="button"
            className="button button--small"
            aria-label={`Edit “${shortPrompt}”`}
            onClick={() => setMode('edit')}
          >
            Edit
          </button>
          <button
            ref={deleteRef}
            type="button"
            className="button button--small button--danger-quiet"
            aria-label={`Delete “${shortPrompt}” from the question bank`}
            onClick={() => setMode('confirm-delete')}
          >
            Delete
          </button>
        </div>
      ) : null}
      {mode === 'confirm-delete' ? (
        <InlineConfirm
          question="Delete this question from the bank? Interviews that use it keep their own copy."
          confirmLabel="Yes, delete it"
          onConfirm={handleDelete}
          onCancel={() => {
            setMode('view');
            requestAnimationFrame(() => deleteRef.current?.focus());
          }}
        />
      ) : null}
    </li>
  );
}
