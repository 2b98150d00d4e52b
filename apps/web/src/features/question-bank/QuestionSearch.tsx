import { useState, type FormEvent } from 'react';

interface QuestionSearchProps {
  id: string;
  label: string;
  /** The search in force; emptying the box clears it at once. */
  value: string;
  onSearch: (q: string) => void;
  className?: string;
  ariaLabel?: string;
}

/** A search over question prompts, run on Enter or the Search button. */
export function QuestionSearch({ id, label, value, onSearch, className, ariaLabel }: QuestionSearchProps) {
  const [q, setQ] = useState(value);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    onSearch(q);
  }

  return (
    <form role="search" className={className} aria-label={ariaLabel} onSubmit={handleSubmit}>
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        <div className="search-row">
          <input
            id={id}
            type="search"
            className="input"
            value={q}
            placeholder="Words of the question"
            autoComplete="off"
            onChange={(event) => {
              setQ(event.target.value);
              if (event.target.value === '' && value) onSearch('');
            }}
          />
          <button type="submit" className="button">
            Search
          </button>
        </div>
      </div>
    </form>
  );
}
