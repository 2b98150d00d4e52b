import { useState, type FormEvent } from 'react';
import { SelectField } from '../../components/SelectField.tsx';
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
  const [q, setQ] = useState(filters.q);
  const tagOptions = [{ value: '', label: 'All tags' }, ...tags.map((tag) => ({ value: tag, label: tag }))];

  function handleSearch(event: FormEvent) {
    event.preventDefault();
    onChange({ ...filters, q });
  }

  return (
    <div className="bank-filters">
      <form role="search" className="bank-filters__search" onSubmit={handleSearch}>
        <div className="field">
          <label className="field__label" htmlFor={`${idPrefix}-search`}>
            Search saved questions
          </label>
          <div className="search-row">
            <input
              id={`${idPrefix}-search`}
              type="search"
              className="input"
              value={q}
              placeholder="Words of the question"
              autoComplete="off"
              onChange={(event) => {
                setQ(event.target.value);
                if (event.target.value === '' && filters.q) onChange({ ...filters, q: '' });
              }}
            />
            <button type="submit" className="button">
              Search
            </button>
          </div>
        </div>
      </form>
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
