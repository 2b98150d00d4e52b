import { emailPlaceholders, type EmailPlaceholder } from '@oneway/shared';

/** The values a mail is filled in with; the first name comes from the name, so the two can never disagree. */
export type PlaceholderValues = Record<Exclude<EmailPlaceholder, 'candidateFirstName'>, string>;

/** The first word of the name as it was given ("Ana María López" gives "Ana"). */
export const firstNameOf = (name: string): string => name.trim().split(/\s+/)[0] ?? '';

const valueOf = (values: PlaceholderValues, name: EmailPlaceholder): string =>
  name === 'candidateFirstName' ? firstNameOf(values.candidateName) : values[name];

const placeholderPattern = /\{\{\s*([^{}]*?)\s*\}\}/g;
const knownPlaceholders = new Set<string>(emailPlaceholders);

/** Every {{name}} in a template, in order of appearance, each once. */
export function findPlaceholders(template: string): string[] {
  return [...new Set([...template.matchAll(placeholderPattern)].map((m) => m[1] ?? ''))];
}

export const findUnknownPlaceholders = (template: string): string[] =>
  findPlaceholders(template).filter((name) => !knownPlaceholders.has(name));

export const usesPlaceholder = (template: string, name: EmailPlaceholder): boolean =>
  findPlaceholders(template).includes(name);

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => htmlEscapes[c] ?? c);

function fill(template: string, values: PlaceholderValues, encode: (value: string) => string): string {
  return template.replace(placeholderPattern, (whole, name: string) =>
    knownPlaceholders.has(name) ? encode(valueOf(values, name as EmailPlaceholder)) : whole,
  );
}

/** A subject: values never bring line breaks into a mail header. */
export const renderSubject = (template: string, values: PlaceholderValues): string =>
  fill(template, values, (v) => v.replace(/\s+/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

export const renderText = (template: string, values: PlaceholderValues): string =>
  fill(template, values, (v) => v);

/** An employer's own HTML: every value escaped, the markup around them left as written. */
export const renderHtml = (template: string, values: PlaceholderValues): string =>
  fill(template, values, escapeHtml);

/**
 * The HTML part made from a text template: every paragraph escaped, placeholder values included; a paragraph that
 * is only {{link}} becomes a button.
 */
export function renderHtmlFromText(
  template: string,
  values: PlaceholderValues,
  options: { buttonLabel: string; accentColour: string | null },
): string {
  const colour = /^#[0-9a-f]{6}$/i.test(options.accentColour ?? '') ? options.accentColour : '#1a56db';
  const paragraphs = template
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((paragraph) => {
      if (/^\{\{\s*link\s*\}\}$/.test(paragraph)) {
        const href = escapeHtml(values.link);
        return (
          `<p><a href="${href}" style="display:inline-block;padding:12px 20px;border-radius:6px;` +
          `background:${colour};color:#ffffff;text-decoration:none;font-weight:600">` +
          `${escapeHtml(options.buttonLabel)}</a></p>\n<p style="font-size:13px;color:#555555">${href}</p>`
        );
      }
      const escaped = escapeHtml(paragraph).replace(placeholderPattern, (whole, name: string) =>
        knownPlaceholders.has(name) ? escapeHtml(valueOf(values, name as EmailPlaceholder)) : whole,
      );
      return `<p>${escaped.replace(/\n/g, '<br>\n')}</p>`;
    });
  return (
    '<!doctype html>\n<html><body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;' +
    `line-height:1.5;color:#1f2328;max-width:600px">\n${paragraphs.join('\n')}\n</body></html>`
  );
}
