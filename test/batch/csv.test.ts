import { describe, expect, it } from 'vitest';
import { CsvRecord, csvField, INCOMPLETE } from '../../src/io/csv-scan.js';

function fields(text: string, eof = true) {
  const buf = Buffer.from(text);
  const r = new CsvRecord();
  const next = r.parse(buf, 0, buf.length, eof);
  if (next === INCOMPLETE) return { next, fields: [] as string[] };
  return {
    next,
    fields: Array.from({ length: r.count }, (_, i) => r.field(buf, i)),
    content: buf.toString('utf8', 0, r.contentEnd),
    crlf: r.crlf,
    error: r.error,
  };
}

describe('CsvRecord', () => {
  it('splits plain fields and stops after the line ending', () => {
    expect(fields('a,b,c\nx,y')).toEqual({ next: 6, fields: ['a', 'b', 'c'], content: 'a,b,c', crlf: false, error: undefined });
    expect(fields('a,,c\r\n')).toMatchObject({ next: 6, fields: ['a', '', 'c'], content: 'a,,c', crlf: true });
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const r = fields('"a,1","say ""hi""","two\nlines",d\n');
    expect(r.fields).toEqual(['a,1', 'say "hi"', 'two\nlines', 'd']);
    expect(r.next).toBe(33);
    expect(fields('"x"\r\n')).toMatchObject({ fields: ['x'], crlf: true });
  });

  it('asks for more input when a record is cut, unless the input ended', () => {
    expect(fields('a,"b\nc', false).next).toBe(INCOMPLETE);
    expect(fields('a,b', false).next).toBe(INCOMPLETE);
    expect(fields('"a"', false).next).toBe(INCOMPLETE);
    expect(fields('a,b', true)).toMatchObject({ next: 3, fields: ['a', 'b'] });
  });

  it('flags broken quoting but still delimits the record', () => {
    expect(fields('a,"b\nc', true).error).toBe('unterminated quoted field');
    expect(fields('"a"x,b\n').error).toBe('text after a closing quote');
    expect(fields('"a"x,b\n').next).toBe(7);
  });

  it('quotes output fields only when needed', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
  });
});
