import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { FieldFrame } from './FieldFrame.tsx';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A labelled multi-line input, built like TextField. */
export function TextAreaField({ id, label, hint, error, rows = 4, ...textareaProps }: TextAreaFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(aria) => <textarea {...textareaProps} {...aria} id={id} rows={rows} className="input textarea" />}
    </FieldFrame>
  );
}
