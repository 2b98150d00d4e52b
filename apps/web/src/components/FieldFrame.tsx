import type { ReactNode } from 'react';

export interface FieldFrameProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  /** Hide the label visually while keeping it as the accessible name (for compact rows). */
  hideLabel?: boolean;
  className?: string | undefined;
  /** The control, given the attributes that tie it to the hint and error for assistive technology. */
  children: (aria: { 'aria-invalid': true | undefined; 'aria-describedby': string | undefined }) => ReactNode;
}

/** Label, hint and error around one form control: the part every field shares. */
export function FieldFrame({ id, label, hint, error, hideLabel, className, children }: FieldFrameProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  const classes = ['field', error ? 'field--invalid' : '', hideLabel ? 'field--inline' : '', className ?? ''];
  return (
    <div className={classes.filter(Boolean).join(' ')}>
      <label className={hideLabel ? 'visually-hidden' : 'field__label'} htmlFor={id}>
        {label}
      </label>
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
      {children({ 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy || undefined })}
    </div>
  );
}
