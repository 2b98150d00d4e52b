import type { Question } from '@oneway/shared';
import { useEffect, useRef, type HTMLAttributes } from 'react';
import { PromptVideoSummary } from '../prompt-video/PromptVideoSummary.tsx';
import type { Feedback } from '../../../hooks/usePageFeedback.ts';
import { QuestionForm } from './QuestionForm.tsx';
import { ApplyRulesToAllButton, DeleteQuestionButton, SaveToBankButton } from './QuestionRowActions.tsx';
import { QuestionRules, RubricDetails } from './QuestionRules.tsx';

interface QuestionItemProps {
  interviewId: string;
  question: Question;
  index: number;
  count: number;
  canEdit: boolean;
  isEditing: boolean;
  onEdit: (id: string | null) => void;
  onMove: (from: number, to: number) => void;
  onDeleted: () => void;
  feedback: Feedback;
  dropProps: HTMLAttributes<HTMLLIElement>;
  handleProps: HTMLAttributes<HTMLSpanElement>;
}

/** One question with its rules; editors can move, edit, save to the bank or delete it. */
export function QuestionItem(props: QuestionItemProps) {
  const { interviewId, question, index, count, canEdit, isEditing, onEdit, onMove, feedback } = props;
  const number = index + 1;
  const refs = { up: useRef<HTMLButtonElement>(null), down: useRef<HTMLButtonElement>(null) };
  const editRef = useRef<HTMLButtonElement>(null);
  const pendingFocus = useRef<'up' | 'down' | 'edit' | null>(null);

  // A move changes the index and closing the form changes isEditing; either can take the focused button out
  // of the page for a moment, so put focus back on the control that was used once the change has landed.
  useEffect(() => {
    const target = pendingFocus.current;
    if (!target || isEditing) return;
    pendingFocus.current = null;
    (target === 'edit' ? editRef : refs[target]).current?.focus();
  }, [index, isEditing]);

  function move(direction: 'up' | 'down') {
    const to = direction === 'up' ? index - 1 : index + 1;
    if (to < 0 || to >= count) return;
    pendingFocus.current = direction;
    onMove(index, to);
  }

  if (isEditing) {
    return (
      <li className="question question--editing">
        <QuestionForm
          interviewId={interviewId}
          question={question}
          number={number}
          onDone={(saved) => {
            if (saved) feedback.success(`Question ${number} saved.`);
            pendingFocus.current = 'edit';
            onEdit(null);
          }}
        />
      </li>
    );
  }

  const moveButton = (direction: 'up' | 'down', label: string, isEdge: boolean) => (
    <button
      ref={refs[direction]}
      type="button"
      className="button button--small"
      aria-label={`Move question ${number} ${direction}`}
      aria-disabled={isEdge || undefined}
      onClick={() => move(direction)}
    >
      <span aria-hidden="true">{direction === 'up' ? '↑' : '↓'}</span> {label}
    </button>
  );

  return (
    <li className="question" {...props.dropProps}>
      <div className="question__header">
        {canEdit ? (
          <span
            className="question__handle"
            title="Drag to reorder"
            aria-hidden="true"
            {...props.handleProps}
          >
            ⠿
          </span>
        ) : null}
        <h3 className="question__number">Question {number}</h3>
      </div>
      <p className="question__prompt">{question.promptText}</p>
      <PromptVideoSummary video={question.promptVideo} />
      <QuestionRules question={question} />
      <RubricDetails question={question} />
      {canEdit ? (
        <div className="question__actions">
          {moveButton('up', 'Up', index === 0)}
          {moveButton('down', 'Down', index === count - 1)}
          <button
            ref={editRef}
            type="button"
            className="button button--small"
            aria-label={`Edit question ${number}`}
            onClick={() => onEdit(question.id)}
          >
            Edit
          </button>
          <SaveToBankButton question={question} number={number} feedback={feedback} />
          {count > 1 ? (
            <ApplyRulesToAllButton
              interviewId={interviewId}
              question={question}
              number={number}
              feedback={feedback}
            />
          ) : null}
          <DeleteQuestionButton
            interviewId={interviewId}
            question={question}
            number={number}
            feedback={feedback}
            onDeleted={props.onDeleted}
          />
        </div>
      ) : null}
    </li>
  );
}
