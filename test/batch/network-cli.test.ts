import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STATE_ALIASES } from '../../src/batch/csv.js';
import { envelopes } from '../../src/data/envelopes.js';
import { parseCsv } from '../../src/io/csv.js';
import { normalize } from '../../src/normalize.js';
import { runCli } from '../helpers/run.js';

/**
 * The card network fields reach normalize() from the real `paycodes normalize` and `report`
 * binaries, in NDJSON and CSV, under their default names and under names given on the command line.
 */
const dir = mkdtempSync(join(tmpdir(), 'paycodes-network-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Card {
  provider: string;
  code: string;
  network?: string;
  network_code?: string;
  advice_code?: string;
}

const CASES: Card[] = [
  { provider: 'stripe', code: 'card_declined' },
  { provider: 'stripe', code: 'card_declined', network: 'visa', network_code: '51' },
  { provider: 'stripe', code: 'card_declined', network: 'visa', network_code: '04' },
  { provider: 'stripe', code: 'card_declined', network: 'visa', network_code: 'R1' },
  { provider: 'stripe', code: 'card_declined', network: 'mastercard', network_code: '51', advice_code: '03' },
  { provider: 'stripe', code: 'card_declined', network: 'mastercard', network_code: '51', advice_code: '24' },
  { provider: 'stripe', code: 'card_declined', network: 'mastercard', advice_code: '21' },
  { provider: 'stripe', code: 'card_declined', network: 'amex', network_code: '05' },
];

const KEYS = ['unified', 'outcome', 'next', 'party'] as const;

function library(c: Card): string[] {
  const d = normalize({
    provider: c.provider,
    code: c.code,
    ...(c.network ? { network: c.network as 'visa' } : {}),
    ...(c.network_code ? { networkCode: c.network_code } : {}),
    ...(c.advice_code ? { adviceCode: c.advice_code } : {}),
  });
  return KEYS.map((k) => String(d[k]));
}

describe('paycodes normalize with card network fields', () => {
  it('the network fields change the answer for these cases (the test can fail)', () => {
    const answers = new Set(CASES.map((c) => library(c).join()));
    expect(answers.size).toBeGreaterThan(2);
  });

  it('NDJSON under the default names agrees with normalize()', async () => {
    const file = join(dir, 'cards.ndjson');
    writeFileSync(file, `${CASES.map((c) => JSON.stringify(c)).join('\n')}\n`);
    const r = await runCli(['normalize', file, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => KEYS.map((k) => String(o[k])))).toEqual(CASES.map(library));
  });

  it('CSV under names given with --network-field, --network-code-field and --advice-code-field agrees too', async () => {
    const file = join(dir, 'cards.csv');
    const rows = CASES.map((c) => [c.provider, c.code, c.network ?? '', c.network_code ?? '', c.advice_code ?? ''].join(','));
    writeFileSync(file, `provider,code,scheme,issuer_response,mac\n${rows.join('\n')}\n`);
    const r = await runCli([
      'normalize',
      file,
      '--quiet',
      '--network-field',
      'scheme',
      '--network-code-field',
      'issuer_response',
      '--advice-code-field',
      'mac',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const [head, ...body] = parseCsv(r.stdout).map((x) => x.fields);
    const col = (k: string) => (head as string[]).indexOf(k);
    expect(body.map((f) => KEYS.map((k) => f[col(k)]))).toEqual(CASES.map(library));
  });

  it('a bad network is a clear per-record error, and the other records are kept', async () => {
    const file = join(dir, 'bad.ndjson');
    writeFileSync(
      file,
      `${JSON.stringify({ provider: 'stripe', code: 'card_declined', network: 'bogus' })}\n${JSON.stringify(CASES[1])}\n`,
    );
    const r = await runCli(['normalize', file]);
    // A rejected record makes the run exit 1; its line is still written, with the reason.
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('line 1: invalid_network');
    const [bad, good] = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(String(bad?.paycodes_error)).toMatch(/^invalid_network: network must be one of visa/);
    expect(good?.unified).toBe(library(CASES[1] as Card)[0]);
  });

  it('report reads the network fields from CSV', async () => {
    const file = join(dir, 'report.csv');
    const rows = CASES.map((c) => [c.provider, c.code, c.network ?? '', c.network_code ?? '', c.advice_code ?? ''].join(','));
    writeFileSync(file, `provider,code,network,network_code,advice_code\n${rows.join('\n')}\n`);
    const r = await runCli(['report', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const text = r.stdout;
    // Each unified code the library gives appears in the report's figures.
    for (const u of new Set(CASES.map((c) => library(c)[0] as string))) expect(text).toContain(`"${u}"`);
  });
});

describe('the state field names come from the providers’ envelopes', () => {
  it('every state table field (last part of its path) is an alias, except the too-generic ones', () => {
    const declared = new Set<string>();
    for (const env of Object.values(envelopes))
      for (const t of Object.values(env.states))
        for (const p of [t.field, ...(t.also ?? [])]) declared.add(p.slice(p.lastIndexOf('.') + 1));
    expect(new Set(STATE_ALIASES)).toEqual(new Set([...declared].filter((n) => n !== 'status' && n !== 'cancel')));
    expect(STATE_ALIASES).toContain('trade_status');
    expect(STATE_ALIASES).toContain('txstatus');
    expect(STATE_ALIASES).toContain('order_status');
  });

  it('a CSV log with an OTT Pay order_status column is read two-layer', async () => {
    const file = join(dir, 'ott.csv');
    writeFileSync(file, 'provider,code,order_status\nottpay,SUCCESS,SUCCESS\nottpay,SUCCESS,\n');
    const r = await runCli(['normalize', file, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const [head, a, b] = parseCsv(r.stdout).map((x) => x.fields);
    const col = (head as string[]).indexOf('outcome');
    expect(a?.[col]).toBe(normalize({ provider: 'ottpay', code: 'SUCCESS', state: 'SUCCESS' }).outcome);
    expect(a?.[col]).toBe('succeeded');
    expect(b?.[col]).toBe(normalize({ provider: 'ottpay', code: 'SUCCESS' }).outcome);
  });
});
