import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CLASSIFY_THRESHOLD } from '../../src/classify/classify.js';
import { type ImportFormat, type ImportResult, importTable, toDraftYaml } from '../../src/import/index.js';
import { anyText, catalogText, ENUMS, HOSTILE_KEYS, hostileKey, hugeText, RUNS, saysSuccess, unifiedCodes } from './arbitraries.js';
import { answerOrInputError } from './invariants.js';
import { type PrototypeSnapshot, prototypeChanges, snapshotPrototypes } from './prototype.js';

let before: PrototypeSnapshot;
beforeAll(() => {
  before = snapshotPrototypes();
});
afterAll(() => {
  expect(prototypeChanges(before, snapshotPrototypes())).toEqual([]);
});

const FORMATS: ImportFormat[] = ['auto', 'markdown', 'csv', 'tsv', 'html', 'lines'];
const has = (list: readonly string[], v: unknown) => typeof v === 'string' && list.includes(v);
/** Provider texts carry any BCP 47 tag (ko, ja, es, pt…), not only the three unified languages. */
const BCP47 = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/;

/** Imports and checks the result's shape, its line numbers and the safety of each suggestion. */
function check(text: string, format: ImportFormat, provider = 'acme-pay'): ImportResult | undefined {
  const r = answerOrInputError(() => importTable(text, { provider, format }));
  if ('error' in r) return undefined;
  const res = r.value;
  const lineCount = text.split('\n').length;
  expect(res.provider).toBe(provider);
  expect(has(['markdown', 'csv', 'tsv', 'html', 'json', 'source', 'lines'], res.format)).toBe(true);
  for (const l of res.languages) expect(l).toMatch(BCP47);
  for (const e of res.entries) {
    expect(typeof e.code).toBe('string');
    expect(e.code.length).toBeGreaterThan(0);
    expect(ENUMS.FLOWS).toContain(e.flow);
    for (const [lang, m] of Object.entries(e.messages)) {
      expect(lang).toMatch(BCP47);
      expect(typeof m).toBe('string');
    }
    expect(Number.isInteger(e.source.line)).toBe(true);
    expect(e.source.line).toBeGreaterThanOrEqual(1);
    expect(e.source.line).toBeLessThanOrEqual(lineCount);
    if (e.source.end !== undefined) expect(e.source.end).toBeGreaterThanOrEqual(e.source.line);
    const s = e.suggestion;
    expect(unifiedCodes.has(s.unified)).toBe(true);
    expect(ENUMS.OUTCOMES).toContain(s.outcome);
    expect(ENUMS.NEXT_STEPS).toContain(s.next);
    expect(ENUMS.PARTIES).toContain(s.party);
    expect(s.confidence >= 0 && s.confidence <= 1).toBe(true);
    for (const ev of s.evidence) expect(typeof ev).toBe('string');
    // Below the threshold only unknown/query stands, whatever unified code carries it; but for a success
    // the words settle (says-paid), which stands past the threshold and says so.
    const settled = s.outcome === 'succeeded' && s.evidence.some((ev) => ev.startsWith('threshold: safety rule says-paid'));
    if (s.confidence < CLASSIFY_THRESHOLD && !settled) expect([s.outcome, s.next]).toEqual(['unknown', 'query']);
    // The suggestion reads the code, the messages and the description column (details), as import does.
    const said = [e.code, ...Object.values(e.messages), ...Object.values(e.details ?? {})].join(' ');
    if (s.outcome === 'succeeded') expect(saysSuccess(said, e.flow), e.code).toBe(true);
  }
  return res;
}

const cell = fc.oneof(anyText, hostileKey, catalogText, fc.constantFrom('|', ',', '\t', '"', '<td>', '</tr>', '---', '\r\n', ''));
const code = fc.oneof(
  fc.stringMatching(/^[A-Z][A-Z0-9_]{1,11}$/),
  fc.integer({ min: 0, max: 99999 }).map(String),
  fc.constantFrom('toString', 'valueOf', 'E_PROTO', '0000'),
);
const words = fc
  .array(
    fc.constantFrom(
      'payment',
      'failed',
      'card',
      'expired',
      'order',
      'not',
      'found',
      'bank',
      'busy',
      'try',
      'again',
      'amount',
      'invalid',
      'constructor',
      'toString',
    ),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  .map((w) => w.join(' '));

/** Rows of cells rendered as each table format, with junk around them. */
const table = fc
  .tuple(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 0, maxLength: 12 }), fc.constantFrom(...FORMATS))
  .map(([rows, format]) => {
    const render = (r: string[]) => {
      if (format === 'markdown') return `| ${r.join(' | ')} |`;
      if (format === 'csv') return r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
      if (format === 'tsv') return r.join('\t');
      if (format === 'html') return `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`;
      return r.join(' ');
    };
    const head = format === 'markdown' ? '| Code | Message |\n|---|---|\n' : format === 'html' ? '<table>' : '';
    return { text: head + rows.map(render).join('\n'), format };
  });

describe('importTable() under hostile input', () => {
  it('reads any text in any format into well-formed draft entries, or refuses it with PaycodesInputError', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          table.map((t) => t.text),
        ),
        fc.constantFrom(...FORMATS),
        (text, format) => {
          check(text, format);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('reads tables built from hostile cells in their own format', () => {
    fc.assert(
      fc.property(table, ({ text, format }) => {
        check(text, format);
        check(text, 'auto');
      }),
      { numRuns: RUNS },
    );
  });

  it('finds every code of a clean markdown table, hostile-looking codes included, and the draft YAML keeps them', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(code, words), { minLength: 1, maxLength: 15, selector: ([c]) => c }), (rows) => {
        const text = `| Code | Message |\n|------|---------|\n${rows.map(([c, m]) => `| ${c} | ${m} |`).join('\n')}\n`;
        const res = check(text, 'auto');
        expect(res?.format).toBe('markdown');
        expect(res?.entries.map((e) => e.code)).toEqual(rows.map(([c]) => c));
        expect(res?.entries.map((e) => e.messages.en)).toEqual(rows.map(([, m]) => m));
        const yaml = parseYaml(toDraftYaml(res as ImportResult, { document: 'test.md', retrieved: '2025-01-01' })) as {
          entries: { code: unknown }[];
        };
        expect(yaml.entries.map((e) => String(e.code))).toEqual(rows.map(([c]) => c));
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('treats hostile keys as ordinary cells and provider ids', () => {
    for (const k of HOSTILE_KEYS) {
      for (const format of FORMATS) {
        check(`| Code | ${k} |\n|---|---|\n| ${k} | ${k} |\n| E1 | ${k} failed |`, format, k);
        check(`code,message\n${k},${k}\nE1,"${k}"`, format);
      }
    }
  });

  it('stays defined on megabyte-long input', () => {
    fc.assert(
      fc.property(hugeText, fc.constantFrom(...FORMATS), (text, format) => {
        check(text, format);
      }),
      { numRuns: 3 },
    );
    const lines = Array.from({ length: 5_000 }, (_, i) => `E${i}\tpayment failed ${i}`).join('\n');
    expect(check(lines, 'auto')?.entries.length).toBe(5_000);
  });
});
