import { describe, expect, it } from 'vitest';
import type { Flow } from '../../src/core/types.js';
import { envelopes } from '../../src/data/envelopes.js';
import { normalize } from '../../src/normalize.js';
import { fromResponse, type ResponseProvider } from '../../src/responses/index.js';

/** Sets a dotted path in a fresh object. */
function put(o: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const keys = path.split('.');
  let cur = o;
  for (const k of keys.slice(0, -1)) {
    cur[k] ??= {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[keys.at(-1) as string] = value;
  return o;
}

/**
 * A whole response carrying `code` and `state` in the provider's own places. Most tables name their
 * field directly; the adapters' shapes (QFPay enquiry records, Subotiz refunds) are spelled out.
 */
function responseWith(provider: string, table: string, code: string, state: string, side: 'payment' | 'refund'): Record<string, unknown> {
  const env = envelopes[provider];
  if (env === undefined) throw new Error(provider);
  const body: Record<string, unknown> = {};
  const codeField = env.request.code[0] as string;
  if (code !== '') body[codeField] = code;
  if (provider === 'qfpay' && table === 'cancel') return { ...body, data: [{ respcd: '0000', cancel: state, order_type: side }] };
  if (provider === 'subotiz' && table === 'refund') return { refund_id: 'R1', status: state };
  if (provider === 'subotiz' && table === 'refund_status') return { trade_status: 'succeeded', refund_status: state };
  return put(body, (env.states[table] as { field: string }).field, state);
}

/** Codes that only say "accepted", plus one code that refuses the request, per provider. */
function codesOf(provider: string): string[] {
  const accepted = (envelopes[provider]?.request.accepted ?? []).map((c) => (c === 'http-2xx' ? '' : c));
  const refused: Record<string, string> = { qfpay: '1201', eftpay: '-1', ottpay: 'SYSTEM_ERROR' };
  return refused[provider] ? [...accepted, refused[provider] as string] : accepted;
}

const pick = (d: { outcome: string; next: string; party: string; unified: string; reason?: string; message: unknown }) => ({
  outcome: d.outcome,
  next: d.next,
  party: d.party,
  unified: d.unified,
  reason: d.reason,
  message: d.message,
});

describe('normalize({ state }) and fromResponse agree for every (code, state) pair in the tables', () => {
  for (const [provider, env] of Object.entries(envelopes)) {
    it(provider, () => {
      let pairs = 0;
      for (const [name, table] of Object.entries(env.states)) {
        for (const side of ['payment', 'refund'] as const) {
          const flow: Flow = side === 'refund' ? 'refund' : 'payment';
          for (const state of Object.keys(table[side])) {
            for (const code of codesOf(provider)) {
              const body = responseWith(provider, name, code, state, side);
              const whole = fromResponse(provider as ResponseProvider, body, { flow });
              const logged = normalize({ provider, code, state, flow });
              expect(pick(logged), `${provider} ${name}.${side} code=${code} state=${state}`).toEqual(pick(whole));
              pairs++;
            }
          }
        }
      }
      expect(pairs).toBeGreaterThan(0);
    });
  }
});

describe('normalize({ state }): the two-layer answers', () => {
  it('eftPay 00 + TRADE_SUCCESS is succeeded/done; 00 alone is not', () => {
    const d = normalize({ provider: 'eftpay', code: '00', state: 'TRADE_SUCCESS' });
    expect([d.outcome, d.next, d.unified]).toEqual(['succeeded', 'done', 'approved']);
    expect(normalize({ provider: 'eftpay', code: '00' }).outcome).not.toBe('succeeded');
    expect(Object.isFrozen(d)).toBe(true);
  });
  it('OTT Pay SUCCESS + SUCCESS is succeeded/done', () => {
    const d = normalize({ provider: 'ottpay', code: 'SUCCESS', state: 'SUCCESS' });
    expect([d.outcome, d.next]).toEqual(['succeeded', 'done']);
  });
  it('QFPay 0000 + PENDING waits; a refusing code ignores the state', () => {
    expect(normalize({ provider: 'qfpay', code: '0000', state: 'PENDING' }).outcome).toBe('pending');
    expect(normalize({ provider: 'qfpay', code: '1201', state: 'SUCCESS' }).unified).toBe('insufficient_funds');
  });
  it('an unknown state value is unknown/query, never a guess', () => {
    const d = normalize({ provider: 'eftpay', code: '00', state: 'TRADE_WHATEVER' });
    expect([d.outcome, d.next]).toEqual(['unknown', 'query']);
  });
  it('bad state input is a clear error', () => {
    expect(() => normalize({ provider: 'eftpay', code: '00', state: '' })).toThrow(/^state must be/);
    expect(() => normalize({ provider: 'eftpay', code: '00', state: 7 as unknown as string })).toThrow(/^state must be/);
  });
});
