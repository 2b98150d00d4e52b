import type { ChangeEvent, ReactNode } from 'react';

interface Bound {
  id: string;
  name: string;
  value: string;
  error?: string | undefined;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}

interface DurationFieldsProps {
  legend: string;
  /** Carries the error for the whole duration; the summary focuses this input. */
  minutes: Bound;
  seconds: Bound;
  hint?: ReactNode;
}

/** A length of time as minutes and seconds, in one fieldset with one error. */
export function DurationFields({ legend, minutes, seconds, hint }: DurationFieldsProps) {
  const error = minutes.error ?? seconds.error;
  const legendId = `${minutes.id}-legend`;
  const hintId = `${minutes.id}-hint`;
  const errorId = `${minutes.id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const input = (bound: Bound, label: string) => (
    <div className="duration__part">
      <label className="duration__label" htmlFor={bound.id} id={`${bound.id}-label`}>
        {label}
      </label>
      <input
        id={bound.id}
        name={bound.name}
        value={bound.value}
        onChange={bound.onChange}
        className="input input--number"
        inputMode="numeric"
        autoComplete="off"
        // "Answer time limit Minutes": the legend tells this pair apart from other minutes and seconds.
        aria-labelledby={`${legendId} ${bound.id}-label`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
  return (
    <fieldset className={`fieldset${error ? ' field--invalid' : ''}`}>
      <legend className="field__label" id={legendId}>
        {legend}
      </legend>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      <div className="duration">
        {input(minutes, 'Minutes')}
        {input(seconds, 'Seconds')}
      </div>
    </fieldset>
  );
}
