import { SelectField } from '../../components/SelectField.tsx';
import { QuestionSearch } from './QuestionSearch.tsx';
import type { BankFilters } from './useQuestionBank.ts';

interface BankFilterBarProps {
  /** Makes the ids unique when the bar is on a page twice. */
  idPrefix: string;
  filters: BankFilters;
  /** Every tag in the bank. */
  tags: readonly string[];
  onChange: (filters: BankFilters) => void;
}

/** Search the bank's prompts (on Enter or the Search button) and keep one tag. */
export function BankFilterBar({ idPrefix, filters, tags, onChange }: BankFilterBarProps) {
  const tagOptions = [{ value: '', label: 'All tags' }, ...tags.map((tag) => ({ value: tag, label: tag }))];

  return (
    <div className="bank-filters">
      <QuestionSearch
        id={`${idPrefix}-search`}
        label="Search saved questions"
        className="bank-filters__search"
        value={filters.q}
        onSearch={(q) => onChange({ ...filters, q })}
      />
      <SelectField
        id={`${idPrefix}-tag`}
        label="Tag"
        value={filters.tag}
        options={tagOptions}
        onChange={(event) => onChange({ ...filters, tag: event.target.value })}
      />
    </div>
  );
}
