import { starterRoles, type StarterLanguage, type StarterRole } from '@oneway/shared';
import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import type { Feedback } from '../../hooks/usePageFeedback.ts';
import { QuestionSearch } from './QuestionSearch.tsx';
import { StarterQuestionItem } from './StarterQuestionItem.tsx';
import { useStarterQuestions, type StarterFilters } from './useQuestionBank.ts';

const roleLabels: Record<StarterRole, string> = {
  sales: 'Sales',
  engineering: 'Engineering',
  support: 'Customer support',
  operations: 'Operations',
  general: 'General and culture',
};
const roleOptions = [
  { value: '', label: 'All roles' },
  ...starterRoles.map((role) => ({ value: role, label: roleLabels[role] })),
];
const languageOptions: { value: StarterLanguage; label: string }[] = [
  { value: 'en', label: 'English' },
  { value: 'es', label: 'Spanish (Español)' },
];

interface StarterLibraryProps {
  canEdit: boolean;
  feedback: Feedback;
  onShowInBank: (bankQuestionId: string) => void;
}

/** Ready-made questions with rubrics, by role and language, to copy to the bank or add to an interview. */
export function StarterLibrary({ canEdit, feedback, onShowInBank }: StarterLibraryProps) {
  const [filters, setFilters] = useState<StarterFilters>({ role: '', language: 'en', q: '' });
  const starter = useStarterQuestions(filters);

  return (
    <section className="panel" aria-labelledby="starter-heading">
      <h2 id="starter-heading">Starter library</h2>
      <p className="field__hint bank-intro">
        Interview questions for common roles, each with a suggested rubric. Copy one to your saved questions
        to change it, or add it to an interview as it is.
      </p>
      <div className="bank-filters bank-filters--starter">
        <QuestionSearch
          id="starter-search"
          label="Search the starter library"
          ariaLabel="Starter library"
          value={filters.q}
          onSearch={(q) => setFilters({ ...filters, q })}
        />
        <SelectField
          id="starter-role"
          label="Role"
          value={filters.role}
          options={roleOptions}
          onChange={(event) => {
            const role = starterRoles.find((r) => r === event.target.value) ?? '';
            setFilters({ ...filters, role });
          }}
        />
        <SelectField
          id="starter-language"
          label="Language"
          value={filters.language}
          options={languageOptions}
          onChange={(event) => {
            const language = languageOptions.find((o) => o.value === event.target.value)?.value;
            if (language) setFilters({ ...filters, language });
          }}
        />
      </div>
      {starter.isPending ? (
        <Loading />
      ) : starter.isError ? (
        <ErrorMessage error={starter.error} />
      ) : starter.data.length === 0 ? (
        <p className="empty">No starter questions match the search.</p>
      ) : (
        <>
          <p className="list-meta" aria-live="polite">
            {starter.data.length} {starter.data.length === 1 ? 'question' : 'questions'}
          </p>
          <ul className="item-list" aria-busy={starter.isFetching}>
            {starter.data.map((question) => (
              <StarterQuestionItem
                key={question.id}
                question={question}
                canEdit={canEdit}
                feedback={feedback}
                onShowInBank={onShowInBank}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
