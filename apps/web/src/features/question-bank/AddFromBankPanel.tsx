import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useForm } from '../../hooks/useForm.ts';
import { QuestionRules } from '../interviews/questions/QuestionRules.tsx';
import { BankFilterBar } from './BankFilterBar.tsx';
import { BankTags } from './BankTags.tsx';
import { noBankFilters, useAddFromBank, useQuestionBank, type BankFilters } from './useQuestionBank.ts';

interface AddFromBankPanelProps {
  interviewId: string;
  /** Called with how many questions were added (0 when cancelled). */
  onDone: (added: number) => void;
}

/**
 * The question bank as a checklist, searchable and filtered by tag; the chosen questions (kept while the filters
 * change) are copied to the end of the interview in the bank's order.
 */
export function AddFromBankPanel({ interviewId, onDone }: AddFromBankPanelProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const bank = useQuestionBank();
  const [filters, setFilters] = useState<BankFilters>(noBankFilters);
  const isFiltered = filters.q.trim() !== '' || filters.tag !== '';
  const filtered = useQuestionBank(filters, isFiltered);
  const shown = isFiltered ? filtered.data?.bankQuestions : bank.data?.bankQuestions;
  const addFromBank = useAddFromBank(interviewId);
  const form = useForm({ bankQuestionIds: '' });
  const [chosen, setChosen] = useState<string[]>([]);
  const firstId = form.bind('bankQuestionIds').id;

  useEffect(() => headingRef.current?.focus(), []);

  function toggle(id: string, isChecked: boolean) {
    setChosen((current) => (isChecked ? [...current, id] : current.filter((c) => c !== id)));
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (addFromBank.isPending) return;
    if (chosen.length === 0) {
      form.showIssues([{ field: 'bankQuestionIds', message: 'Choose at least one question to add' }]);
      return;
    }
    // Keep the bank's order, whatever order the boxes were ticked in.
    const ids = (bank.data?.bankQuestions ?? []).map((q) => q.id).filter((id) => chosen.includes(id));
    addFromBank.mutate(ids, {
      onSuccess: (result) => onDone(result.questions.length),
      onError: form.showError,
    });
  }

  return (
    <section className="question-form" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        Add from question bank
      </h3>
      {bank.isPending ? (
        <Loading />
      ) : bank.isError ? (
        <ErrorMessage error={bank.error} />
      ) : bank.data.bankQuestions.length === 0 ? (
        <p className="empty">
          The question bank is empty. Use “Save to question bank” on a question to keep it for other
          interviews.
        </p>
      ) : (
        <>
          <ErrorSummary errors={form.errors} formError={form.formError} attempt={form.attempt} />
          <BankFilterBar
            idPrefix={`${headingId}-filter`}
            filters={filters}
            tags={bank.data.tags}
            onChange={setFilters}
          />
          <form className="form" noValidate onSubmit={handleSubmit} aria-busy={addFromBank.isPending}>
            <fieldset className={`fieldset${form.errors.length > 0 ? ' field--invalid' : ''}`}>
              <legend className="field__label">Questions to add</legend>
              {form.errors[0] ? (
                <p className="field__error" id={`${firstId}-error`}>
                  <span className="visually-hidden">Error: </span>
                  {form.errors[0].message}
                </p>
              ) : null}
              {filtered.isError ? <ErrorMessage error={filtered.error} /> : null}
              {shown?.length === 0 ? <p className="empty">No saved questions match the search.</p> : null}
              <ul className="bank-picker" aria-busy={isFiltered && filtered.isFetching}>
                {(shown ?? []).map((question, index) => {
                  const id = index === 0 ? firstId : `${firstId}-${question.id}`;
                  return (
                    <li key={question.id} className="bank-picker__item">
                      <input
                        id={id}
                        type="checkbox"
                        className="checkbox"
                        checked={chosen.includes(question.id)}
                        onChange={(event) => toggle(question.id, event.target.checked)}
                        aria-describedby={`${id}-rules`}
                      />
                      <label htmlFor={id} className="bank-picker__label">
                        {question.promptText}
                      </label>
                      <div id={`${id}-rules`} className="bank-picker__rules">
                        <QuestionRules question={question} />
                        <BankTags tags={question.tags} />
                      </div>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
            <div className="form__actions">
              <button type="submit" className="button button--primary">
                {chosen.length > 0
                  ? `Add ${chosen.length} selected ${chosen.length === 1 ? 'question' : 'questions'}`
                  : 'Add selected questions'}
              </button>
              <button type="button" className="button" onClick={() => onDone(0)}>
                Cancel
              </button>
            </div>
          </form>
        </>
      )}
      {bank.isSuccess && bank.data.bankQuestions.length > 0 ? null : (
        <button type="button" className="button" onClick={() => onDone(0)}>
          Close
        </button>
      )}
    </section>
  );
}
