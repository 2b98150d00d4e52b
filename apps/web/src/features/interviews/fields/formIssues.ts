import type { ChangeEvent } from 'react';
import { ApiError } from '../../../api/client.ts';
import type { FormSchema } from '../../../hooks/useForm.ts';

/** What useForm's bind() gives a field. */
export interface BoundField {
  id: string;
  name: string;
  value: string;
  error?: string | undefined;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => void;
}

export interface FormIssue {
  field: string;
  message: string;
}

/**
 * Where an API field (a dotted path such as "deadlinePolicy.days") shows in a flat form. With `item`, a list
 * index after the prefix names the entry in the message: "Criterion 2: Name the criterion".
 */
export interface FieldRoute {
  prefix: string;
  field: string;
  item?: string;
}

/** Moves issues from API paths to form fields; the longest matching prefix wins, others keep their name. */
export function toFormIssues(
  issues: readonly { path?: readonly PropertyKey[]; field?: string; message: string }[],
  routes: readonly FieldRoute[],
): FormIssue[] {
  const sorted = [...routes].sort((a, b) => b.prefix.length - a.prefix.length);
  return issues.map((issue) => {
    const path = issue.field ?? (issue.path ?? []).map(String).join('.');
    const route = sorted.find((r) => path === r.prefix || path.startsWith(`${r.prefix}.`));
    if (!route) return { field: path, message: issue.message };
    const index = Number(path.slice(route.prefix.length + 1).split('.')[0]);
    const label = route.item && Number.isInteger(index) ? `${route.item} ${index + 1}: ` : '';
    return { field: route.field, message: `${label}${issue.message}` };
  });
}

/**
 * A FormSchema for useForm.validate that turns form values into API input, checks it with the shared schema,
 * and reports both steps' problems against the form's fields.
 */
export function createFormSchema<V, T>(
  toInput: (values: V) => { input: unknown; issues: FormIssue[] },
  schema: FormSchema<T>,
  routes: readonly FieldRoute[],
): FormSchema<T> {
  const fail = (issues: FormIssue[]) => ({
    success: false as const,
    error: { issues: issues.map((issue) => ({ path: [issue.field], message: issue.message })) },
  });
  return {
    safeParse(values) {
      const { input, issues } = toInput(values as V);
      if (issues.length > 0) return fail(issues);
      const result = schema.safeParse(input);
      return result.success ? result : fail(toFormIssues(result.error.issues, routes));
    },
  };
}

/** Shows a failed save: per-field problems next to their fields, anything else in the summary. */
export function showSaveError(
  form: { showIssues: (issues: FormIssue[]) => void; showError: (error: unknown) => void },
  error: unknown,
  routes: readonly FieldRoute[],
): void {
  if (error instanceof ApiError && error.fieldIssues.length > 0) {
    form.showIssues(toFormIssues(error.fieldIssues, routes));
  } else {
    form.showError(error);
  }
}

/** Reads whole numbers from form values, collecting a message for each that is not one. */
export function createNumberReader(issues: FormIssue[]) {
  return (value: string, field: string, message: string): number => {
    const trimmed = value.trim();
    if (!/^\d+$/.test(trimmed)) {
      issues.push({ field, message });
      return 0;
    }
    return Number(trimmed);
  };
}
