import { useId, useState, type ChangeEvent } from 'react';
import { ApiError, type ClientErrorCode } from '../api/client.ts';
import { getErrorMessage } from '../api/errorMessages.ts';

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/** A zod-like schema; the shared schemas from @oneway/shared fit. */
export interface FormSchema<T> {
  safeParse(
    input: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } };
}

/** One problem for the error summary, linking to its field. */
export interface SummaryError {
  id: string;
  message: string;
}

type Values = Record<string, string>;

/** Errors that are about one field, shown next to the first of these fields the form has. */
const fieldsForCode: Partial<Record<ClientErrorCode, string[]>> = {
  weak_password: ['password', 'newPassword'],
  email_taken: ['email'],
  already_member: ['email'],
  wrong_password: ['currentPassword'],
  second_factor_invalid: ['code'],
};
type ControlElement = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * Form state with client-side validation against a shared schema and server errors mapped back to fields.
 * `attempt` changes on every failed submit so the error summary can take focus again.
 */
export function useForm<V extends Values>(initial: V) {
  const formId = useId();
  const [values, setValues] = useState<V>(initial);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof V, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const fieldId = (name: keyof V & string) => `${formId}-${name}`;
  const isField = (name: string): name is keyof V & string => Object.hasOwn(initial, name);

  function setValue(name: keyof V & string, value: string) {
    setValues((current) => ({ ...current, [name]: value }));
  }

  /** Props for TextField / SelectField. */
  function bind(name: keyof V & string) {
    return {
      id: fieldId(name),
      name,
      value: values[name],
      error: fieldErrors[name],
      onChange: (event: ChangeEvent<ControlElement>) => setValue(name, event.target.value),
    };
  }

  function showIssues(issues: readonly Issue[] | readonly { field: string; message: string }[]) {
    const errors = new Map<keyof V, string>();
    const other: string[] = [];
    for (const issue of issues) {
      const name = 'field' in issue ? issue.field : String(issue.path[0] ?? '');
      if (!isField(name)) other.push(issue.message);
      else if (!errors.has(name)) errors.set(name, issue.message);
    }
    setFieldErrors(Object.fromEntries(errors) as Partial<Record<keyof V, string>>);
    setFormError(other.length > 0 ? other.join(' ') : null);
    setAttempt((n) => n + 1);
  }

  /** Checks the input against the schema; returns the parsed data, or null after showing the errors. */
  function validate<T>(schema: FormSchema<T>, input: unknown = values): T | null {
    const result = schema.safeParse(input);
    if (result.success) {
      setFieldErrors({});
      setFormError(null);
      return result.data;
    }
    showIssues(result.error.issues);
    return null;
  }

  /** Shows a failed request: field messages next to their fields, anything else in the summary. */
  function showError(error: unknown) {
    if (error instanceof ApiError && error.fieldIssues.length > 0) {
      showIssues(error.fieldIssues);
      return;
    }
    const field = error instanceof ApiError ? fieldsForCode[error.code]?.find(isField) : undefined;
    if (field) {
      showIssues([{ field, message: getErrorMessage(error) }]);
      return;
    }
    setFieldErrors({});
    setFormError(getErrorMessage(error));
    setAttempt((n) => n + 1);
  }

  function reset(next: V = initial) {
    setValues(next);
    setFieldErrors({});
    setFormError(null);
  }

  const errors: SummaryError[] = Object.keys(initial)
    .filter(isField)
    .flatMap((name) => {
      const message = fieldErrors[name];
      return message ? [{ id: fieldId(name), message }] : [];
    });

  return { values, setValue, bind, validate, showIssues, showError, reset, errors, formError, attempt };
}
