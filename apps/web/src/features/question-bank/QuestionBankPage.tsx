import { useEffect, useRef, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageFeedback } from '../../components/PageFeedback.tsx';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { useSignedInSession } from '../auth/useSession.ts';
import { canEditInterviews } from '../interviews/permissions.ts';
import { usePageFeedback } from '../../hooks/usePageFeedback.ts';
import { BankFilterBar } from './BankFilterBar.tsx';
import { BankQuestionItem } from './BankQuestionItem.tsx';
import { StarterLibrary } from './StarterLibrary.tsx';
import { noBankFilters, useQuestionBank, type BankFilters } from './useQuestionBank.ts';

/** The organisation's saved questions, ready to add to any interview, and the starter library to fill them from. */
export function QuestionBankPage() {
  const headingRef = usePageHeading('Question bank');
  const listHeadingRef = useRef<HTMLHeadingElement>(null);
  const canEdit = canEditInterviews(useSignedInSession());
  const [filters, setFilters] = useState<BankFilters>(noBankFilters);
  const [filterKey, setFilterKey] = useState(0);
  const [highlightedId, setHighlightedId] = useState<string | null>(null);
  const bank = useQuestionBank(filters);
  const { status, error, feedback, dismiss } = usePageFeedback();
  const isFiltered = filters.q.trim() !== '' || filters.tag !== '';
  const questions = bank.data?.bankQuestions;

  // Bring the item a copy made, or a refused copy named, into view once the list shows it.
  useEffect(() => {
    if (!highlightedId || !questions?.some((q) => q.id === highlightedId)) return;
    document.getElementById(`bank-item-${highlightedId}`)?.scrollIntoView({ block: 'center' });
  }, [highlightedId, questions]);

  function showInBank(bankQuestionId: string) {
    if (isFiltered) {
      setFilters(noBankFilters);
      // A fresh filter bar, so its search box empties too.
      setFilterKey((key) => key + 1);
    }
    setHighlightedId(bankQuestionId);
  }

  return (
    <div className="page">
      <h1 ref={headingRef} tabIndex={-1}>
        Question bank
      </h1>
      <p className="lead">
        Questions your team reuses across interviews. Adding one to an interview copies it, so later changes
        to either stay separate.
      </p>
      <PageFeedback status={status} error={error} onDismiss={dismiss} />
      <section className="panel" aria-labelledby="bank-heading">
        <h2 id="bank-heading" ref={listHeadingRef} tabIndex={-1}>
          Saved questions{questions ? ` (${questions.length})` : ''}
        </h2>
        {bank.data && (bank.data.bankQuestions.length > 0 || isFiltered) ? (
          <BankFilterBar
            key={filterKey}
            idPrefix="bank"
            filters={filters}
            tags={bank.data.tags}
            onChange={setFilters}
          />
        ) : null}
        {bank.isPending ? (
          <Loading />
        ) : bank.isError ? (
          <ErrorMessage error={bank.error} />
        ) : bank.data.bankQuestions.length === 0 ? (
          <p className="empty">
            {isFiltered
              ? 'No saved questions match the search.'
              : 'No saved questions yet. Copy one from the starter library below, or on an interview choose “Save to question bank” on a question.'}
          </p>
        ) : (
          <ul className="item-list" aria-busy={bank.isFetching}>
            {bank.data.bankQuestions.map((question) => (
              <BankQuestionItem
                key={question.id}
                question={question}
                canEdit={canEdit}
                feedback={feedback}
                isHighlighted={question.id === highlightedId}
                onDeleted={() => listHeadingRef.current?.focus()}
              />
            ))}
          </ul>
        )}
      </section>
      <StarterLibrary canEdit={canEdit} feedback={feedback} onShowInBank={showInBank} />
    </div>
  );
}
