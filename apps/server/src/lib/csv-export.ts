/** One value of an exported CSV file. */
export type CsvValue = string | number | boolean | null;

/** "+44 20 7946 0000": a plus, digits, spaces, dots, dashes and brackets, which no spreadsheet can run. */
const plainPhoneNumber = /^\+\d[\d ().-]*$/;

/**
 * A cell safe to open in a spreadsheet: text a spreadsheet would run as a formula (= + - @, or a tab or carriage
 * return before one) gets a leading apostrophe (OWASP "CSV injection"), then RFC 4180 quoting where needed. A plain
 * phone number is left alone: it holds no formula, and the apostrophe would break importing the file again.
 */
export function toCsvCell(value: CsvValue): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !plainPhoneNumber.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV file as the exports write it: UTF-8 with a byte-order mark (so spreadsheets read accents right), CRLF
 * lines, every cell (the header's too) through the formula guard.
 */
export function toCsvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((cells) => cells.map(toCsvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
