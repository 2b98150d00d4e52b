import { maxQuestionsPerInterview, type Interview } from '@oneway/shared';
import { useEffect, useRef, useState } from 'react';
import { AddFromBankPanel } from '../../question-bank/AddFromBankPanel.tsx';
import type { Feedback } from '../../../hooks/usePageFeedback.ts';
import { PracticeQuestionItem } from './PracticeQuestionItem.tsx';
import { QuestionForm } from './QuestionForm.tsx';
import { QuestionItem } from './QuestionItem.tsx';
import { useQuestionDefaults } from './useQuestionDefaults.ts';
import { useQuestionDrag } from './useQuestionDrag.ts';
import { useReorderQuestions } from './useQuestions.ts';

interface QuestionsSectionProps {
  interview: Interview;
  canEdit: boolean;
  feedback: Feedback;
}

type Panel = { kind: 'edit'; id: string } | { kind: 'new' } | { kind: 'bank' } | null;

/** The ordered questions: reorder by drag or with Up and Down, add, edit, delete, and reuse from the bank. */
export function QuestionsSection({ interview, canEdit, feedback }: QuestionsSectionProps) {
  const questions = [...interview.questions].sort((a, b) => a.position - b.position);
  const [panel, setPanel] = useState<Panel>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const bankRef = useRef<HTMLButtonElement>(null);
  const reorder = useReorderQuestions(interview.id);
  const defaults = useQuestionDefaults().data;
  const drag = useQuestionDrag(move);
  const isFull = questions.length >= maxQuestionsPerInterview;

  function move(from: number, to: number) {
    const ids = questions.map((q) => q.id);
    const [id] = ids.splice(from, 1);
    if (id === undefined) return;
    ids.splice(to, 0, id);
    reorder.mutate(ids, { onError: feedback.failure });
    feedback.success(`Question ${from + 1} moved to position ${to + 1} of ${ids.length}.`);
  }

  // Focus goes back once the panel is gone and its button is there again (a frame may come before that render).
  const returnFocusTo = useRef<'add' | 'bank' | null>(null);
  useEffect(() => {
    if (panel !== null || returnFocusTo.current === null) return;
    const target = (returnFocusTo.current === 'add' ? addRef : bankRef).current ?? headingRef.current;
    returnFocusTo.current = null;
    target?.focus();
  }, [panel]);

  function closePanel(returnTo: 'add' | 'bank') {
    returnFocusTo.current = returnTo;
    setPanel(null);
  }

  return (
    <section className="panel" aria-labelledby="questions-heading">
      <h2 id="questions-heading" ref={headingRef} tabIndex={-1}>
        Questions ({questions.length})
      </h2>
      {canEdit && questions.length > 1 ? (
        <p className="hint hint--top">
          Candidates answer in this order. Drag a question by its handle, or use its Up and Down buttons.
        </p>
      ) : null}
      <PracticeQuestionItem interview={interview} />
      {questions.length === 0 ? (
        <p className="empty">No questions yet.{canEdit ? ' Add the first one below.' : ''}</p>
      ) : (
        <ol className="question-list">
          {questions.map((question, index) => (
            <QuestionItem
              key={question.id}
              interviewId={interview.id}
              question={question}
              index={index}
              count={questions.length}
              canEdit={canEdit}
              isEditing={panel?.kind === 'edit' && panel.id === question.id}
              onEdit={(id) => setPanel(id ? { kind: 'edit', id } : null)}
              onMove={move}
              onDeleted={() => headingRef.current?.focus()}
              feedback={feedback}
              dropProps={canEdit ? drag.dropProps(index) : {}}
              handleProps={drag.handleProps(index)}
            />
          ))}
        </ol>
      )}
      {panel?.kind === 'new' ? (
        <QuestionForm
          interviewId={interview.id}
          number={questions.length + 1}
          defaults={defaults}
          onDone={(saved) => {
            if (saved) feedback.success(`Question ${questions.length + 1} added.`);
            closePanel('add');
          }}
        />
      ) : null}
      {panel?.kind === 'bank' ? (
        <AddFromBankPanel
          interviewId={interview.id}
          onDone={(added) => {
            if (added > 0)
              feedback.success(`${added} ${added === 1 ? 'question' : 'questions'} added from the bank.`);
            closePanel('bank');
          }}
        />
      ) : null}
      {canEdit && !isFull && (panel === null || panel.kind === 'edit') ? (
        <div className="section-actions">
          <button
            ref={addRef}
            type="button"
            className="button button--primary"
            onClick={() => setPanel({ kind: 'new' })}
          >
            Add question
          </button>
          <button ref={bankRef} type="button" className="button" onClick={() => setPanel({ kind: 'bank' })}>
            Add from question bank
          </button>
        </div>
      ) : null}
      {canEdit && isFull ? (
        <p className="hint">
          This interview has the most questions it can hold ({maxQuestionsPerInterview}).
        </p>
      ) : null}
    </section>
  );
}
