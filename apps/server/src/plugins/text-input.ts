import type { FieldIssue } from '@oneway/shared';
import type { FastifyInstance, FastifyRequest, preValidationAsyncHookHandler } from 'fastify';
import { AppError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route's body is bytes, not JSON text (tus chunks): the control-character check is not attached to it, so
     * the busiest path of the server pays nothing for it.
     */
    rawBody?: boolean;
  }
}

// C0 controls but tab, line feed and carriage return; DEL; C1 controls. PostgreSQL refuses U+0000 in text (a 500
// before this check), and none of them belongs in anything a person types.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

// Parsed JSON and query strings (whose parser gives objects of a prototype-less class); not bodies that are bytes
// (Buffers of logos) or streams (prompt videos).
const isParsedObject = (value: object): value is Record<string, unknown> =>
  !ArrayBuffer.isView(value) && typeof (value as { pipe?: unknown }).pipe !== 'function';

const describe = (character: string): string =>
  `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

function describeProblem(value: string, character: string): string {
  // UTF-16 text read as UTF-8 (a spreadsheet's "Unicode text") has a NUL beside every letter.
  if (character === '\u0000' && value.split('\u0000').length > value.length / 4) {
    return 'This text is full of NUL characters, as text saved as UTF-16 is. Save it as UTF-8 and try again.';
  }
  return `Remove the control character ${describe(character)}: only letters, digits, punctuation, spaces, tabs and line breaks are accepted`;
}

/** Every string (and object key) holding a control character, with the path to it in the usual field form. */
export function findControlCharacters(
  value: unknown,
  path: string[] = [],
  found: FieldIssue[] = [],
): FieldIssue[] {
  if (typeof value === 'string') {
    const match = controlCharacter.exec(value);
    if (match) found.push({ field: path.join('.') || 'body', message: describeProblem(value, match[0]) });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => findControlCharacters(item, [...path, String(index)], found));
  } else if (value !== null && typeof value === 'object' && isParsedObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      findControlCharacters(key, [...path, key], found);
      findControlCharacters(item, [...path, key], found);
    }
  }
  return found;
}

const refuseControlCharacters: preValidationAsyncHookHandler = async (request: FastifyRequest) => {
  const fields = [
    ...findControlCharacters(request.params),
    ...findControlCharacters(request.query),
    ...findControlCharacters(request.body),
  ];
  if (fields.length === 0) return;
  throw new AppError('validation_failed', {
    message: `Check these fields: ${[...new Set(fields.map((f) => f.field))].join(', ')}`,
    details: { fields },
  });
};

/**
 * Refuses a control character in any text a request carries (path, query and JSON body), for every route at once,
 * before the route's own validation: 400 validation_failed naming the field. Tabs and line breaks pass (multi-line
 * fields need them; single-line fields refuse them in their own schemas). Register before the routes.
 */
export function registerTextInputCheck(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (route.config?.rawBody) return;
    const existing = route.preValidation;
    route.preValidation = [
      refuseControlCharacters,
      ...(existing === undefined ? [] : Array.isArray(existing) ? existing : [existing]),
    ];
  });
}
