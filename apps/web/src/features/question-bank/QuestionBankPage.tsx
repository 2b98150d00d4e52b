import { useRef } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageFeedback } from '../../components/PageFeedback.tsx';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { useSignedInSession } from '../auth/useSession.ts';
import { canEditInterviews } from '../interviews/permissions.ts';
import { usePageFeedback } from '../interviews/usePageFeedback.ts';
import { BankQuestionItem } from './BankQuestionItem.tsx';
import { useQuestionBank } from './useQuestionBank.ts';

/** The organisation's saved questions, ready to add to any interview. */
export function QuestionBankPage() {
  const headingRef = usePageHeading('Question bank');
  const listHeadingRef = useRef<HTMLHeadingElement>(null);
  const canEdit = canEditInterviews(useSignedInSession());
  const bank = useQuestionBank();
  const { status, error, feedback, dismiss } = usePageFeedback();

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
          Saved questions{bank.data ? ` (${bank.data.length})` : ''}
        </h2>
        {bank.isPending ? (
          <Loading />
        ) : bank.isError ? (
          <ErrorMessage error={bank.error} />
        ) : bank.data.length === 0 ? (
          <p className="empty">
            No saved questions yet. On an interview, choose “Save to question bank” on a question to keep it
            here.
          </p>
        ) : (
          <ul className="item-list">
            {bank.data.map((question) => (
              <BankQuestionItem
                key={question.id}
                question={question}
                canEdit={canEdit}
                feedback={feedback}
                onDeleted={() => listHeadingRef.current?.focus()}
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
