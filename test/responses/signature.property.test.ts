import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { envelopes } from '../../src/data/envelopes.js';
import { fromNotification, PaycodesSignatureError, type ResponseProvider, signNotification } from '../../src/responses/index.js';
import { fixture } from './fixtures.js';

const SECRET = 'whsec_property_only_0001';
const NOW = 1_769_752_369_058;

/** One valid notification per provider with a signature scheme (the notification fixtures). */
const NOTIFICATIONS: Record<string, string> = {
  qfpay: 'notify-payment.json',
  eftpay: 'notify-trade-success.json',
  'shopline-payments': 'notify-trade-succeeded.json',
  subotiz: 'notify-trades-succeeded.json',
  ottpay: 'notify-payment.json',
};

type Mutation =
  | { kind: 'byte'; at: number; value: number }
  | { kind: 'field'; path: number; value: unknown }
  | { kind: 'drop-field'; path: number }
  | { kind: 'header'; at: number; value: string }
  | { kind: 'drop-header'; at: number }
  | { kind: 'add-header'; name: string; value: string };

const jsonValue = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.constantFrom('SUCCESS', 'FAIL', '0000', '1201', 'TRADE_SUCCESS', 'refund', null),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('byte' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('field' as const), path: fc.nat(), value: jsonValue }),
  fc.record({ kind: fc.constant('drop-field' as const), path: fc.nat() }),
  fc.record({ kind: fc.constant('header' as const), at: fc.nat(), value: fc.string({ maxLength: 20 }) }),
  fc.record({ kind: fc.constant('drop-header' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('add-header' as const),
    name: fc.stringMatching(/^[A-Za-z-]{1,16}$/),
    value: fc.string({ maxLength: 20 }),
  }),
);

/** Every leaf path of a JSON value, including paths inside `data`. */
function paths(v: unknown, prefix: string[] = []): string[][] {
  if (typeof v !== 'object' || v === null) return [prefix];
  const out: string[][] = prefix.length > 0 ? [prefix] : [];
  for (const [k, child] of Object.entries(v)) out.push(...paths(child, [...prefix, k]));
  return out;
}

function setPath(o: unknown, path: string[], value: unknown, drop: boolean): unknown {
  const copy = structuredClone(o) as Record<string, unknown>;
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string, unknown>;
  const last = path.at(-1) as string;
  if (drop) delete cur[last];
  else cur[last] = value;
  return copy;
}

function apply(body: string, headers: Record<string, string>, m: Mutation): { body: Buffer; headers: Record<string, string> } {
  const bytes = Buffer.from(body, 'utf8');
  const h = { ...headers };
  const names = Object.keys(h);
  switch (m.kind) {
    case 'byte': {
      const i = m.at % bytes.length;
      bytes[i] = m.value;
      return { body: bytes, headers: h };
    }
    case 'field':
    case 'drop-field': {
      const parsed = JSON.parse(body) as unknown;
      const all = paths(parsed);
      const path = all[m.path % all.length] as string[];
      const next = setPath(parsed, path, m.kind === 'field' ? m.value : undefined, m.kind === 'drop-field');
      return { body: Buffer.from(JSON.stringify(next), 'utf8'), headers: h };
    }
    case 'header':
      if (names.length > 0) h[names[m.at % names.length] as string] = m.value;
      return { body: bytes, headers: h };
    case 'drop-header':
      if (names.length > 0) delete h[names[m.at % names.length] as string];
      return { body: bytes, headers: h };
    case 'add-header':
      h[m.name] = m.value;
      return { body: bytes, headers: h };
  }
}

const signed = Object.entries(envelopes).filter(([, e]) => e.signature !== undefined);

describe('signatures: a changed notification decides the same or throws PaycodesSignatureError', () => {
  it('every provider with a signature scheme has a notification to mutate', () => {
    expect(signed.map(([id]) => id).sort()).toEqual(Object.keys(NOTIFICATIONS).sort());
  });

  for (const [id] of signed) {
    it(id, () => {
      const provider = id as ResponseProvider;
      const valid = signNotification(provider, fixture(provider, NOTIFICATIONS[id] as string), SECRET, { timestamp: NOW });
      const base = fromNotification(provider, valid.body, { headers: valid.headers, secret: SECRET, now: NOW });
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
          let cur: { body: Buffer; headers: Record<string, string> } = { body: Buffer.from(valid.body, 'utf8'), headers: valid.headers };
          for (const m of ms) {
            let text: string;
            try {
              text = cur.body.toString('utf8');
              JSON.parse(text);
            } catch {
              text = '';
            }
            // Field mutations need JSON; on a body that is no longer JSON they become byte edits.
            cur = apply(
              text === '' ? cur.body.toString('latin1') : text,
              cur.headers,
              text === '' && (m.kind === 'field' || m.kind === 'drop-field') ? { kind: 'byte', at: m.path, value: 0x7b } : m,
            );
          }
          try {
            const d = fromNotification(provider, cur.body, { headers: cur.headers, secret: SECRET, now: NOW });
            expect([d.outcome, d.next, d.unified, d.flow]).toEqual([base.outcome, base.next, base.unified, base.flow]);
          } catch (e) {
            if (!(e instanceof PaycodesSignatureError)) throw e;
          }
        }),
        { numRuns: 300, seed: 20261202 },
      );
    });
  }
});
