/** One record of a CSV file and the line it starts on (a quoted value may span lines). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** The file cannot be read as CSV from `line` on (an unclosed quote, text after a closing quote). */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** The first line where the text holds a replacement character or a NUL, i.e. was not UTF-8 text. */
export function findEncodingProblemLine(text: string): number | null {
  const positions = [text.indexOf('\uFFFD'), text.indexOf('\u0000')].filter((p) => p !== -1);
  if (positions.length === 0) return null;
  const at = Math.min(...positions);
  return text.slice(0, at).split(/\r\n|\r|\n/).length;
}

/** Comma or semicolon (spreadsheets in many European locales save with ";"): whichever the header uses more. */
export function detectDelimiter(text: string): ',' | ';' {
  const headerEnd = text.search(/[\r\n]/);
  const header = (headerEnd === -1 ? text : text.slice(0, headerEnd)).replace(/"[^"]*"/g, '');
  const count = (c: string) => header.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

const countLineBreaks = (text: string): number => (text.match(/\r\n|\r|\n/g) ?? []).length;

/**
 * RFC 4180 records: fields separated by `delimiter`, records by CRLF, LF or CR; a field in double quotes may
 * hold delimiters, line breaks and "" for a quote. A leading byte-order mark is dropped. Blank lines are skipped.
 */
export function parseCsv(input: string, delimiter: ',' | ';'): CsvRecord[] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    if (fields.some((f) => f.trim() !== '')) records.push({ line: recordLine, fields });
    fields = [];
  };
  while (i <= text.length) {
    if (text[i] === '"') {
      const startLine = line;
      let value = '';
      i += 1;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote === -1) throw new CsvSyntaxError(startLine, 'A quoted value is never closed');
        const chunk = text.slice(i, quote);
        value += chunk;
        line += countLineBreaks(chunk);
        if (text[quote + 1] === '"') {
          value += '"';
          i = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      fields.push(value);
      const next = text[i];
      if (i < text.length && next !== delimiter && next !== '\n' && next !== '\r') {
        throw new CsvSyntaxError(line, 'Text follows a closing quote; put the whole value in quotes');
      }
    } else {
      // An unquoted field runs to the next delimiter or line break; a stray quote inside it is kept as text.
      let end = i;
      while (end < text.length && text[end] !== delimiter && text[end] !== '\n' && text[end] !== '\r') end++;
      fields.push(text.slice(i, end));
      i = end;
    }
    if (i >= text.length) {
      endRecord();
      break;
    }
    if (text[i] === delimiter) {
      i += 1;
      // A delimiter at the very end still ends with an empty field.
      if (i === text.length) {
        fields.push('');
        endRecord();
        break;
      }
      continue;
    }
    // A line break ends the record.
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    endRecord();
    line += 1;
    recordLine = line;
    if (i === text.length) break;
  }
  return records;
}
