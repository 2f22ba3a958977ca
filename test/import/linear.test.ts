import { describe, expect, it } from 'vitest';
import { importTable } from '../../src/import/index.js';

/**
 * Inputs that made the old readers quadratic (issue 16, F6). Each runs at a size where quadratic
 * work would take many minutes; the generous timeout only stops a hung run, no speed is asserted.
 */
const MB = 1 << 20;
const run = (text: string) => importTable(text, { provider: 'acme' });
const slow = { timeout: 120_000 };

describe('import: no input makes it super-linear', () => {
  it('a markdown heading with a long run of spaces', slow, () => {
    const text = `#${' '.repeat(MB)}x\n| code | message |\n| --- | --- |\n| E1 | Declined card |\n`;
    expect(run(text).entries.map((e) => e.code)).toEqual(['E1']);
  });

  it('a separator row with trailing spaces', slow, () => {
    const text = `| code | message |\n|---|---|${' '.repeat(MB)}\n| E1 | Declined card |\n`;
    expect(run(text).entries.map((e) => e.code)).toEqual(['E1']);
  });

  for (const piece of ['<', '<tr ', '<!--', '<script', '<td ', '<table><tr><td>', '<th ']) {
    it(`HTML made of repeated ${JSON.stringify(piece)}`, slow, () => {
      const text = `<table><tr><td>E1</td><td>Declined card</td></tr><tr><td>E2</td><td>Expired card</td></tr></table>${piece.repeat(MB / piece.length)}`;
      const codes = run(text).entries.map((e) => e.code);
      expect(codes.slice(0, 2)).toEqual(['E1', 'E2']);
    });
  }

  it('one very long line of pipes, quotes and backticks', slow, () => {
    const text = `| a | b |\n| --- | --- |\n| E1 | ${'`|"'.repeat(MB / 3)} |\n`;
    expect(() => run(text)).not.toThrow();
  });

  it('XML Schema enumerations that are never closed, and C# attributes with no member', slow, () => {
    const open = '<xs:enumeration value="E1">';
    const xsd = run(open.repeat(MB / open.length)).entries;
    expect(xsd.length).toBe(Math.floor(MB / open.length));
    expect(xsd[0]?.code).toBe('E1');
    const attr = '[EnumMember(Value = "00")]\n';
    expect(() => run(attr.repeat(MB / attr.length))).not.toThrow();
  });

  it('a CSV cell of quotes and a source line of quotes', slow, () => {
    expect(() => run(`code,message\nE1,${'"a'.repeat(MB / 2)}\n`)).not.toThrow();
    expect(() => run(`X = ${"'".repeat(MB)}\n`)).not.toThrow();
  });

  // Each short run asks whether its code's shape is already known: counting the shapes again every
  // time read all earlier rows once per run.
  it('many small tables, each followed by a one-line run of another shape', slow, () => {
    const n = 12_000;
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      parts.push(
        `Section ${i}`,
        '',
        `E${i}A  Declined one`,
        `E${i}B  Declined two`,
        `E${i}C  Declined three`,
        '',
        `Note ${i}`,
        '',
        `X-${i}  Something else`,
        '',
      );
    }
    const codes = run(parts.join('\n')).entries.map((e) => e.code);
    expect(codes).toHaveLength(3 * n);
    expect(codes.some((c) => c.startsWith('X-'))).toBe(false);
  });
});
