import { describe, expect, it } from 'vitest';
import { envelopes } from '../../src/data/envelopes.js';
import { codeKeys, parseBody } from '../../src/responses/body.js';

// A body is read before anyone knows whose it is: every field some provider's envelope reads a code
// or a state from keeps a bare number's exact spelling.
describe('reading a response body', () => {
  const keys = codeKeys(envelopes);

  it('takes its code fields from the envelopes, not from a list in code', () => {
    for (const [id, e] of Object.entries(envelopes)) {
      for (const path of e.request?.code ?? []) expect(keys, id).toContain(path.split('.').pop());
      for (const t of Object.values(e.states)) expect(keys, id).toContain(t.field.split('.').pop());
    }
    // A provider added in YAML brings its own field names.
    const more = codeKeys({
      ...envelopes,
      kiwipay: {
        ...(Object.values(envelopes)[0] as (typeof envelopes)[string]),
        request: { code: ['kiwi.result_code'], message: [], accepted: ['0'], provenance: 'official', source: 'x' },
      },
    });
    expect(more).toContain('result_code');
    expect(keys).not.toContain('result_code');
  });

  it('keeps the spelling of bare numbers in every code field, and leaves other numbers alone', () => {
    for (const k of keys) {
      const r = parseBody(`{"${k}": 0012, "amount": 100, "nested": {"${k}": -1}}`);
      expect(r.ok, k).toBe(true);
      if (!r.ok) continue;
      expect(r.value[k], k).toBe('0012');
      expect(r.value.amount, k).toBe(100);
      expect((r.value.nested as Record<string, unknown>)[k], k).toBe('-1');
    }
  });
});
