import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Aggregator, LIMITS } from '../../src/analytics/aggregate.js';
import { renderHtml } from '../../src/analytics/html.js';
import { CsvReader, type CsvRow, parseCsv } from '../../src/io/csv.js';
import { type Line, LineSplitter } from '../../src/io/lines.js';

function split(chunks: Buffer[], max?: number): Line[] {
  const out: Line[] = [];
  const s = new LineSplitter((l) => out.push(l), max);
  for (const c of chunks) s.push(c);
  s.end();
  return out;
}

function cut(buf: Buffer, points: number[]): Buffer[] {
  const sorted = [...new Set(points.map((p) => p % (buf.length + 1)))].sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let at = 0;
  for (const p of sorted) {
    parts.push(buf.subarray(at, p));
    at = p;
  }
  parts.push(buf.subarray(at));
  return parts;
}

describe('LineSplitter', () => {
  const input = Buffer.concat([
    Buffer.from('\ufeff{"a":1}\r\n\n餘額不足\n'),
    Buffer.from([0x7b, 0xc3, 0x28, 0x7d, 0x0a]),
    Buffer.from('x'.repeat(50)),
    Buffer.from('\nlast'),
  ]);

  it('gives the same lines however the bytes are chunked', () => {
    const whole = split([input], 40);
    expect(whole.map((l) => [l.number, l.text, l.problem])).toEqual([
      [1, '{"a":1}', undefined],
      [2, '', undefined],
      [3, '餘額不足', undefined],
      [4, undefined, 'invalid_utf8'],
      [5, undefined, 'too_long'],
      [6, 'last', undefined],
    ]);
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 12 }), (points) => {
        expect(split(cut(input, points), 40)).toEqual(whole);
      }),
    );
  });

  it('never holds more than one over-long line in memory', () => {
    const lines = split([Buffer.alloc(100, 0x61), Buffer.alloc(100, 0x61), Buffer.from('\nok\n')], 64);
    expect(lines.map((l) => l.problem ?? l.text)).toEqual(['too_long', 'ok']);
  });
});

describe('CsvReader (the one CSV reader)', () => {
  const text = '\ufeffa,b,c\r\n1,"x, ""y""",3\n\n2,"multi\nline",\n"unterminated,4';

  it('parses RFC 4180 with a BOM, quotes, quoted newlines, CRLF, and skips a blank line', () => {
    const recs = parseCsv(text);
    expect(recs.map((r) => [r.line, r.fields, r.problem])).toEqual([
      [1, ['a', 'b', 'c'], undefined],
      [2, ['1', 'x, "y"', '3'], undefined],
      [4, ['2', 'multi\nline', ''], undefined],
      [6, ['unterminated,4'], 'unterminated_quote'],
    ]);
  });

  it('gives the same records however the text is chunked', () => {
    const whole = parseCsv(text);
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 10 }), (points) => {
        const out: CsvRow[] = [];
        const p = new CsvReader((r) => out.push(r));
        for (const part of cut(Buffer.from(text), points)) p.push(Buffer.from(part));
        p.end();
        expect(out).toEqual(whole);
      }),
    );
  });
});

describe('Aggregator limits', () => {
  it('tracks at most LIMITS.unmappedKeys unmapped codes and counts the rest as dropped', () => {
    const agg = new Aggregator('mem', 'ndjson');
    const n = LIMITS.unmappedKeys + 25;
    for (let i = 0; i < n; i++) agg.add(i + 1, { provider: 'qfpay', code: `X${i}`, message: 'm'.repeat(1000) });
    const f = agg.figures();
    expect(f.unmapped.distinct).toBe(LIMITS.unmappedKeys);
    expect(f.unmapped.records).toBe(n);
    expect(f.unmapped.dropped.records).toBe(25);
    expect(f.unmapped.codes[0]?.messages[0]?.length).toBe(LIMITS.messageChars);
    expect(f.outcomes.unknown).toBe(n);
  });

  it('folds currencies beyond the cap into (other), keeping the totals', () => {
    const agg = new Aggregator('mem', 'ndjson');
    for (let i = 0; i < 100; i++) agg.add(i + 1, { provider: 'qfpay', code: '9999', currency: `C${i}`, amount: 1 });
    const f = agg.figures();
    expect(f.reconciliation).toHaveLength(LIMITS.currencies);
    expect(f.reconciliation.reduce((s, q) => s + q.total.records, 0)).toBe(100);
    expect(f.reconciliation.reduce((s, q) => s + q.queue.amount, 0)).toBe(100);
    expect(f.dropped.currencies).toBe(100 - (LIMITS.currencies - 1));
  });

  it('treats hostile keys as plain strings', () => {
    const agg = new Aggregator('mem', 'ndjson');
    for (const p of ['__proto__', 'constructor', 'toString'])
      agg.add(1, { provider: p, code: '__proto__', currency: '__proto__', flow: 'payment' });
    const f = agg.figures();
    expect(f.unmapped.codes.map((c) => c.provider).sort()).toEqual(['__proto__', 'constructor', 'tostring']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(renderHtml(f)).toContain('__proto__');
  });

  it('buckets by day over a few weeks and by month over years', () => {
    const days = new Aggregator('mem', 'ndjson');
    days.add(1, { provider: 'qfpay', code: '0000', ts: '2026-11-01T05:00:00Z' });
    days.add(2, { provider: 'qfpay', code: '0000', ts: 1794268800 }); // 2026-11-10T00:00:00Z in epoch seconds
    const d = days.figures().timeseries;
    expect([d.bucket, d.points.length, d.from, d.to]).toEqual(['day', 10, '2026-11-01T00:00:00.000Z', '2026-11-11T00:00:00.000Z']);
    expect(d.points.map((p) => p.succeeded)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);

    const months = new Aggregator('mem', 'ndjson');
    months.add(1, { provider: 'qfpay', code: '0000', ts: '2024-01-15T00:00:00Z' });
    months.add(2, { provider: 'qfpay', code: '1201', ts: '2026-03-02T00:00:00Z' });
    months.add(3, { provider: 'qfpay', code: '1201', ts: '9999-01-01T00:00:00Z' });
    const m = months.figures().timeseries;
    expect([m.bucket, m.points.length, m.withoutTimestamp]).toEqual(['month', 27, 1]);
  });
});

describe('roundTicks', () => {
  it('gives 0 up to at least the maximum in steps of 1, 2 or 5 times a power of ten', async () => {
    const { roundTicks } = await import('../../src/analytics/html.js');
    expect(roundTicks(437)).toEqual([0, 200, 400, 600]);
    expect(roundTicks(1000)).toEqual([0, 500, 1000]);
    expect(roundTicks(3)).toEqual([0, 1, 2, 3]);
    expect(roundTicks(0)).toEqual([0, 1]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), (max) => {
        const t = roundTicks(max);
        const step = (t[1] as number) - (t[0] as number);
        expect(String(step)).toMatch(/^[125]0*$/);
        expect(t.at(-1)).toBeGreaterThanOrEqual(max);
        expect(t.length).toBeLessThanOrEqual(7);
      }),
    );
  });
});
