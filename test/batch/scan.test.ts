import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decider } from '../../src/batch/decide.js';
import { NdjsonProcessor } from '../../src/batch/ndjson.js';
import { Tally } from '../../src/batch/tally.js';
import {
  FALLBACK,
  SLOT,
  scanObject,
  T_ARRAY,
  T_FALSE,
  T_MISSING,
  T_NULL,
  T_NUMBER,
  T_OBJECT,
  T_STRING,
  T_TRUE,
} from '../../src/io/json-scan.js';
import { OutBuffer } from '../../src/io/sink.js';

const KEYS = ['provider', 'code', 'flow', 'message'].map((k) => Buffer.from(k));
const NAMES = { provider: 'provider', code: 'code', flow: 'flow', message: 'message', state: 'state' };

function scan(line: string) {
  const buf = Buffer.from(line);
  const out = new Int32Array(KEYS.length * SLOT + 1);
  const close = scanObject(buf, 0, buf.length, KEYS, out);
  const field = (k: number) => {
    const t = out[k * SLOT];
    if (t === T_MISSING) return { type: t };
    return { type: t, text: buf.toString('utf8', out[k * SLOT + 1], out[k * SLOT + 2]) };
  };
  return { close, members: out[KEYS.length * SLOT], provider: field(0), code: field(1), flow: field(2), message: field(3) };
}

/** Runs lines through a processor, fast path on or off, and returns the output text and the tally. */
function processLines(input: string | Buffer, fast: boolean, chunkSize = 1 << 20, provider?: string) {
  const out = new OutBuffer();
  const rejected: [number, string][] = [];
  const tally = new Tally((line, m) => rejected.push([line, m]));
  const decider = new Decider(provider ? { provider } : {});
  const p = new NdjsonProcessor(decider, out, tally, NAMES, fast);
  const buf = Buffer.isBuffer(input) ? input : Buffer.from(input);
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += chunkSize) {
    p.push(buf.subarray(i, i + chunkSize));
    parts.push(...out.take().map((b) => Buffer.from(b)));
  }
  p.end();
  parts.push(...out.take().map((b) => Buffer.from(b)));
  return { text: Buffer.concat(parts).toString('utf8'), tally, rejected };
}

describe('scanObject', () => {
  it('finds wanted keys in any order and reports their types and ranges', () => {
    const r = scan('{"flow":"refund","x":1,"code":"1201","provider":"qfpay"}');
    expect(r.close).toBe(55);
    expect(r.members).toBe(4);
    expect(r.provider).toEqual({ type: T_STRING, text: 'qfpay' });
    expect(r.code).toEqual({ type: T_STRING, text: '1201' });
    expect(r.flow).toEqual({ type: T_STRING, text: 'refund' });
    expect(r.message).toEqual({ type: T_MISSING });
  });

  it('reads numbers, literals and nested values as typed ranges', () => {
    const r = scan(' { "code" : -12.5e3 , "provider":null,"flow":true,"message":{"a":[1,{"b":"}"}]} }  ');
    expect(r.code).toEqual({ type: T_NUMBER, text: '-12.5e3' });
    expect(r.provider.type).toBe(T_NULL);
    expect(r.flow.type).toBe(T_TRUE);
    expect(r.message).toEqual({ type: T_OBJECT, text: '{"a":[1,{"b":"}"}]}' });
    expect(scan('{"code":false}').code.type).toBe(T_FALSE);
    expect(scan('{"code":[]}').code.type).toBe(T_ARRAY);
  });

  it('takes the last of duplicate keys, as JSON.parse does', () => {
    expect(scan('{"code":"1","code":"2"}').code.text).toBe('2');
  });

  it('skips escapes in other fields but leaves escaped wanted values to JSON.parse', () => {
    expect(scan('{"note":"say \\"hi\\" \\u00e9\\n","code":"1"}').code.text).toBe('1');
    expect(scan('{"code":"12\\u0030"}').close).toBe(FALLBACK);
    expect(scan('{"co\\u0064e":"1"}').close).toBe(FALLBACK);
  });

  it('refuses everything JSON.parse refuses', () => {
    const bad = [
      '',
      '{',
      '{"a":1,}',
      '{"a":01}',
      '{"a":1.}',
      '{"a":.5}',
      '{"a":tru}',
      '{"a":"x\ty"}',
      '{"a":"\\x"}',
      '{"a":1} x',
      '{"a" 1}',
      "{'a':1}",
      '{"a":[1,]}',
      '{"a":{"b":1,}}',
      '{"a":"\\u12"}',
      '{"a":-}',
      '{"a":1e}',
      '{"a":1}}',
    ];
    for (const line of bad) {
      expect(() => JSON.parse(line), line).toThrow();
      expect(scan(line).close, line).toBe(FALLBACK);
    }
    // Valid JSON that is not an object is JSON.parse's to judge too.
    expect(scan('[1]').close).toBe(FALLBACK);
    expect(scan('"x"').close).toBe(FALLBACK);
  });

  it('accepts exactly what JSON.parse accepts for generated objects, with the same values', () => {
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.oneof(fc.integer(), fc.string()), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 4 }), fc.string(), { maxKeys: 2 }),
    );
    const key = fc.oneof(fc.constantFrom('provider', 'code', 'flow', 'message'), fc.string({ maxLength: 6 }));
    const ws = fc.constantFrom('', ' ', '\t', '  ');
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value, ws), { maxLength: 6 }), ws, (members, pad) => {
        const line = `${pad}{${members.map(([k, v, w]) => `${w}${JSON.stringify(k)}${w}:${w}${JSON.stringify(v)}`).join(',')}}${pad}`;
        const parsed = JSON.parse(line) as Record<string, unknown>;
        const r = scan(line);
        if (r.close === FALLBACK) {
          // Only escapes in a wanted key or value may send a valid line to JSON.parse.
          expect(line.includes('\\')).toBe(true);
          return;
        }
        for (const [i, name] of ['provider', 'code', 'flow', 'message'].entries()) {
          const f = [r.provider, r.code, r.flow, r.message][i] as { type: number; text?: string };
          if (!Object.hasOwn(parsed, name)) expect(f.type).toBe(T_MISSING);
          else if (f.type === T_STRING) expect(f.text).toBe(parsed[name]);
          else expect(JSON.parse(f.text as string)).toEqual(parsed[name]);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('NdjsonProcessor: fast path and JSON.parse give identical output', () => {
  const lines = [
    '{"provider":"qfpay","code":"1201"}',
    '{"code":1201,"provider":"qfpay","flow":"refund"}',
    '{ "provider" : "qfpay" , "code" : "0" }  ',
    '{"provider":"eftpay","code":"-99","message":"out_trade_no/refund_no must be unique"}',
    '{"provider":"eftpay","code":"-99","message":"System error"}',
    '{"provider":"shopline-payments","code":"4454","note":"餘額 \\"x\\"","meta":{"a":[1,2,{"b":null}]}}',
    '{"provider":"qfpay","code":"12\\u00301"}',
    '{"provider":"SHOPLINE Payments","code":"4454","flow":"payment"}',
    '{"provider":"qfpay","code":"9999","message":"余额不足"}',
    '{"provider":"nope","code":"1"}',
    '{"provider":"qfpay","code":true}',
    '{"provider":"qfpay","code":"1201","flow":"sideways"}',
    '{"provider":"qfpay","code":"1201","message":5}',
    '{"provider":"qfpay"}',
    '{"code":"1201"}',
    '{}',
    '{"provider":"qfpay","code":""}',
    '{"provider":"qfpay","code":1e400}',
    '{"__proto__":"x","constructor":1,"provider":"qfpay","code":"1201"}',
  ];

  it('for every kind of line', () => {
    const input = `${lines.join('\n')}\n`;
    const fast = processLines(input, true);
    const slow = processLines(input, false);
    expect(fast.text).toBe(slow.text);
    expect(fast.rejected).toEqual(slow.rejected);
    const out = fast.text.trimEnd().split('\n');
    expect(out).toHaveLength(lines.length);
    // Every output line is JSON holding the input record unchanged plus the decision.
    out.forEach((o, i) => {
      const rec = JSON.parse(o);
      const src = JSON.parse(lines[i] as string);
      for (const k of Object.keys(src)) expect(rec[k], `${i} ${k}`).toEqual(src[k]);
    });
    expect(JSON.parse(out[0] as string)).toMatchObject({
      known: true,
      unified: 'insufficient_funds',
      outcome: 'failed',
      next: 'ask_customer',
    });
    expect(JSON.parse(out[2] as string)).toMatchObject({ known: true, unified: 'approved' });
    expect(JSON.parse(out[3] as string).unified).toBe('duplicate_order');
    expect(JSON.parse(out[4] as string).unified).toBe('system_error');
    expect(JSON.parse(out[6] as string)).toMatchObject({ code: '1201', known: true, unified: 'insufficient_funds' });
    expect(JSON.parse(out[9] as string)).toMatchObject({ known: false, unified: 'unmapped', outcome: 'unknown' });
    expect(JSON.parse(out[10] as string).paycodes_error).toMatch(/code must be a string or a number/);
    expect(JSON.parse(out[11] as string).paycodes_error).toMatch(/flow/);
    expect(JSON.parse(out[12] as string).paycodes_error).toMatch(/message must be a string/);
    expect(JSON.parse(out[13] as string).paycodes_error).toMatch(/no code/);
    expect(JSON.parse(out[14] as string).paycodes_error).toMatch(/no provider/);
    expect(JSON.parse(out[18] as string)).toMatchObject({ __proto__: 'x', constructor: 1, known: true });
    expect(fast.tally.rejected).toBe(8);
    expect(fast.tally.records).toBe(lines.length);
  });

  it('keeps the record bytes before the closing brace exactly', () => {
    const line = '{ "z" : 1.50 ,"provider":"qfpay",  "code":"1201"   }';
    const { text } = processLines(`${line}\n`, true);
    expect(text.startsWith('{ "z" : 1.50 ,"provider":"qfpay",  "code":"1201"   ,"known":true,')).toBe(true);
  });

  it('gives the same output whatever the chunk size', () => {
    const input = `\ufeff${lines.join('\r\n')}\r\n\n   \n{"provider":"qfpay","code":"1201"}`;
    const whole = processLines(input, true);
    for (const size of [1, 2, 3, 7, 64]) {
      const chunked = processLines(input, true, size);
      expect(chunked.text, `chunk ${size}`).toBe(whole.text);
      expect(chunked.tally.blank).toBe(2);
    }
    expect(whole.text.startsWith('{"provider":"qfpay","code":"1201","known":true')).toBe(true);
    expect(whole.text).not.toContain('\r');
  });

  it('uses --provider for records without one', () => {
    const { text, tally } = processLines('{"code":"1201"}\n{"provider":"eftpay","code":"-99"}\n', true, 1 << 20, 'qfpay');
    const [a, b] = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(a).toMatchObject({ unified: 'insufficient_funds' });
    expect(b).toMatchObject({ provider: 'eftpay', unified: 'system_error' });
    expect(tally.rejected).toBe(0);
  });

  it('gives records with the same answer the same fields, and still names each unmapped code', () => {
    // A provider outside the catalog: every record is classified from its message. Records whose
    // answers agree share their encoded fields; the tally must still see each record's own code.
    const lines = ['Insufficient funds (ref 1)', 'Insufficient funds (ref 2)', 'Invalid API key (ref 3)', 'Insufficient funds (ref 4)']
      .map((m, i) => JSON.stringify({ provider: 'acme-pay', code: `E${i}`, message: m }))
      .join('\n');
    const { text, tally } = processLines(`${lines}\n`, true);
    const rows = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => r.code)).toEqual(['E0', 'E1', 'E2', 'E3']);
    const added = (r: Record<string, unknown>) => JSON.stringify([r.known, r.unified, r.outcome, r.next, r.party, r.confidence]);
    expect(added(rows[1])).toBe(added(rows[0]));
    expect(added(rows[3])).toBe(added(rows[0]));
    expect(added(rows[2])).not.toBe(added(rows[0]));
    expect([...tally.unmapped.keys()].sort()).toEqual(['acme-pay:E0', 'acme-pay:E1', 'acme-pay:E2', 'acme-pay:E3']);
  });
  it('rejects invalid UTF-8 and non-objects with the raw text, and counts every record', () => {
    const bad = Buffer.concat([Buffer.from('{"provider":"qfpay","code":"1'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n')]);
    const input = Buffer.concat([Buffer.from('[1]\n42\nnope\n'), bad, Buffer.from('{"provider":"qfpay","code":"1201"}\n')]);
    const { text, tally, rejected } = processLines(input, true);
    const out = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(5);
    expect(out[0]).toEqual({ paycodes_error: 'not_object: not a JSON object (got an array)', paycodes_raw: '[1]' });
    expect(out[1].paycodes_error).toMatch(/^not_object: not a JSON object/);
    expect(out[2].paycodes_error).toMatch(/^invalid_json: invalid JSON/);
    expect(out[3].paycodes_error).toBe('invalid_utf8: invalid UTF-8');
    expect(out[4].known).toBe(true);
    expect(rejected.map(([l]) => l)).toEqual([1, 2, 3, 4]);
    expect(tally.records).toBe(5);
    expect(tally.records - tally.rejected).toBe(1);
  });
});
