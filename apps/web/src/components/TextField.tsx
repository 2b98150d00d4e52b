import type { InputHTMLAttributes, ReactNode } from 'react';
import { FieldFrame } from './FieldFrame.tsx';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A labelled input with an optional hint and error, both tied to the input for assistive technology. */
export function TextField({
  id,
  label,
  hint,
  error,
  type = 'text',
  className,
  ...inputProps
}: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      {(aria) => <input {...inputProps} {...aria} id={id} type={type} className="input" />}
    </FieldFrame>
  );
}
