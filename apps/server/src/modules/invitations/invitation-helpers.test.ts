import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, detectDelimiter, findEncodingProblemLine, parseCsv } from './csv.ts';
import { formatDeadline, parseCsvDeadline, wallTimeToUtc } from './deadlines.ts';
import { toCsvCell } from '../../lib/csv-export.ts';
import { findUnknownPlaceholders, renderHtmlFromText, renderSubject } from './mail-render.ts';

describe('the CSV reader', () => {
  it('reads RFC 4180 quoting: delimiters, line breaks and doubled quotes inside quotes', () => {
    const text = 'name,email\r\n"Lovelace, Ada","a@x.com"\r\n"Multi\nline ""quoted""",b@x.com\r\n';
    expect(parseCsv(text, ',')).toEqual([
      { line: 1, fields: ['name', 'email'] },
      { line: 2, fields: ['Lovelace, Ada', 'a@x.com'] },
      { line: 3, fields: ['Multi\nline "quoted"', 'b@x.com'] },
    ]);
  });

  it('drops a byte-order mark, skips blank lines and keeps counting lines through them', () => {
    expect(parseCsv('\uFEFFa;b\n\n\nc;d', ';')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 4, fields: ['c', 'd'] },
    ]);
  });

  it('keeps empty trailing fields and handles CR-only line ends', () => {
    expect(parseCsv('a,b,\rc,,', ',')).toEqual([
      { line: 1, fields: ['a', 'b', ''] },
      { line: 2, fields: ['c', '', ''] },
    ]);
  });

  it('names the line of an unclosed quote or of text after a closing quote', () => {
    const unclosed = () => parseCsv('a,b\nc,"open\nstill open', ',');
    expect(unclosed).toThrow(CsvSyntaxError);
    expect(unclosed).toThrow('never closed');
    const lineOf = (text: string) => {
      try {
        parseCsv(text, ',');
      } catch (err) {
        return err instanceof CsvSyntaxError ? err.line : null;
      }
      return null;
    };
    expect(lineOf('a,b\n\n"x"y,z')).toBe(3);
    expect(lineOf('a,b\n"multi\nline",ok\n"open')).toBe(4);
  });

  it('chooses the delimiter the header uses', () => {
    expect(detectDelimiter('name;email;phone\nA,B;c;d')).toBe(';');
    expect(detectDelimiter('"a;b",email\n')).toBe(',');
    expect(detectDelimiter('name')).toBe(',');
  });

  it('finds the first line that was not UTF-8', () => {
    expect(findEncodingProblemLine('ok\nfine\nbad \uFFFD')).toBe(3);
    expect(findEncodingProblemLine('a\u0000')).toBe(1);
    expect(findEncodingProblemLine('José,ñ')).toBeNull();
  });
});

describe('deadlines', () => {
  it('formats in the language and zone given, naming the zone', () => {
    expect(formatDeadline('2026-12-04T17:00:00Z', 'en', 'Europe/London')).toBe(
      'Friday 4 December 2026, 17:00 (Europe/London)',
    );
    expect(formatDeadline('2026-12-04T17:00:00Z', 'es', 'America/Mexico_City')).toBe(
      'viernes, 4 de diciembre de 2026, 11:00 (America/Mexico_City)',
    );
  });

  it('turns wall time in a zone into UTC across summer time', () => {
    expect(
      wallTimeToUtc({ year: 2026, month: 7, day: 1, hour: 17, minute: 0 }, 'Europe/Madrid').toISOString(),
    ).toBe('2026-07-01T15:00:00.000Z');
    expect(
      wallTimeToUtc({ year: 2026, month: 1, day: 1, hour: 17, minute: 0 }, 'Europe/Madrid').toISOString(),
    ).toBe('2026-01-01T16:00:00.000Z');
  });

  it('reads CSV deadlines as dates, date-times or ISO with an offset', () => {
    expect(parseCsvDeadline('2026-12-31', 'America/New_York')).toBe('2027-01-01T04:59:00.000Z');
    expect(parseCsvDeadline('2026-12-31 08:30', 'UTC')).toBe('2026-12-31T08:30:00.000Z');
    expect(parseCsvDeadline('2026-12-31T10:00:00+02:00', 'UTC')).toBe('2026-12-31T08:00:00.000Z');
    for (const bad of ['2026-02-30', '31/12/2026', 'tomorrow', '2026-12-31 25:00']) {
      expect(parseCsvDeadline(bad, 'UTC')).toBeNull();
    }
  });
});

describe('e-mail rendering and export cells', () => {
  const values = {
    candidateName: 'Ada <3',
    companyName: 'A&B\nLtd',
    interviewTitle: 'AE',
    roleTitle: '',
    link: 'https://x.test/i/abc?"',
    deadline: 'soon',
    questionCount: '3',
  };

  it('finds unknown placeholders and keeps line breaks out of subjects', () => {
    expect(findUnknownPlaceholders('{{candidateName}} {{ nope }} {{link}}{{Link}}')).toEqual([
      'nope',
      'Link',
    ]);
    expect(renderSubject('Hi {{candidateName}} from {{companyName}}', values)).toBe('Hi Ada <3 from A&B Ltd');
  });

  it('escapes every value in HTML made from text, the link included', () => {
    const html = renderHtmlFromText('Hello {{candidateName}}\n\n{{link}}', values, {
      buttonLabel: 'Open',
      accentColour: '"><script>',
    });
    expect(html).toContain('<p>Hello Ada &lt;3</p>');
    expect(html).toContain('href="https://x.test/i/abc?&quot;"');
    expect(html).not.toContain('<script>');
  });

  it('prefixes cells a spreadsheet would run as formulas', () => {
    expect(toCsvCell('=1+1')).toBe("'=1+1");
    expect(toCsvCell('+44+cmd|calc')).toBe("'+44+cmd|calc");
    expect(toCsvCell('+1+1')).toBe("'+1+1");
    expect(toCsvCell('-2')).toBe("'-2");
    expect(toCsvCell('@A1')).toBe("'@A1");
    expect(toCsvCell('\t=cmd')).toBe("'\t=cmd");
    expect(toCsvCell('a,"b"')).toBe('"a,""b"""');
    expect(toCsvCell(null)).toBe('');
    expect(toCsvCell('plain')).toBe('plain');
  });

  it('leaves plain phone numbers as they are, so the file imports again unchanged', () => {
    expect(toCsvCell('+44 20 7946 0000')).toBe('+44 20 7946 0000');
    expect(toCsvCell('+1 (555) 010-0199')).toBe('+1 (555) 010-0199');
    expect(toCsvCell('+34.600.000.000')).toBe('+34.600.000.000');
    expect(toCsvCell('+44')).toBe('+44');
  });
});
