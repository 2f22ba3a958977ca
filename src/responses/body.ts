/**
 * Defensive body reading. Provider responses arrive as parsed objects, JSON text with quirks, or
 * form-encoded text; none of that may throw: a body we cannot read is an answer ("unknown"), not a crash.
 */

import { envelopes } from '../data/envelopes.js';
import type { EnvelopeData } from './envelope.js';

/** Bigger than any real provider response; larger input is a bug or an attack. */
export const MAX_BODY_BYTES = 1 << 20;

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type Obj = Record<string, unknown>;

export type ParsedBody = { ok: true; value: Obj } | { ok: false; error: string };

/**
 * Keys whose values are codes. Digits there keep their exact spelling (`0000`, `00`, `-1`), which
 * JSON numbers would lose or (for leading zeros) reject outright. A body is read before anyone knows
 * whose it is, so the keys are every field that some provider's envelope reads a code or a state
 * from (the last step of its path), with the generic `code` and `status`.
 */
const CODE_KEYS = codeKeys(envelopes);

export function codeKeys(all: Record<string, EnvelopeData>): string[] {
  const keys = new Set(['code', 'status']);
  const add = (path: string | undefined) => {
    if (path) keys.add(path.slice(path.lastIndexOf('.') + 1));
  };
  for (const e of Object.values(all)) {
    for (const c of e.request?.code ?? []) add(c);
    add(e.records?.code);
    for (const t of Object.values(e.states ?? {})) {
      add(t.field);
      for (const a of t.also ?? []) add(a);
    }
  }
  // Field names are plain identifiers; anything else would not be a key the pattern below can hold.
  return [...keys].filter((k) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(k)).sort();
}
const BARE_CODE = new RegExp(`("(?:${CODE_KEYS.join('|')})"\\s*:\\s*)(-?\\d+(?:\\.\\d+)?)(?=\\s*[,}\\]])`, 'g');
/** Any other bare number with a leading zero is invalid JSON; quoting it is the only faithful repair. */
const LEADING_ZERO = /(:\s*)(-?0\d+)(?=\s*[,}\]])/g;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An own property only: `__proto__` and friends are ordinary keys here. */
export function own(o: unknown, key: string): unknown {
  return isObj(o) && Object.hasOwn(o, key) ? o[key] : undefined;
}

/** A scalar field as a trimmed string, or undefined when absent, empty or not a scalar. */
export function str(o: unknown, key: string): string | undefined {
  const v = own(o, key);
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? undefined : t;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

export function repairJson(text: string): string {
  return text.replace(BARE_CODE, '$1"$2"').replace(LEADING_ZERO, '$1"$2"');
}

function decodeText(input: unknown): string | undefined {
  if (typeof input === 'string') return input;
  if (input instanceof Uint8Array) return new TextDecoder('utf-8', { fatal: false }).decode(input);
  if (input instanceof ArrayBuffer) return new TextDecoder('utf-8', { fatal: false }).decode(new Uint8Array(input));
  return undefined;
}

function parseForm(text: string): Obj | undefined {
  if (!/^[^\s={}[\]"]+=[^\s]*$/.test(text)) return undefined;
  const out: Obj = {};
  for (const [k, v] of new URLSearchParams(text)) {
    // defineProperty keeps a hostile `__proto__=` key an ordinary own property.
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Reads a response body: an object, JSON text (repaired), or form-encoded text. Never throws. */
export function parseBody(input: unknown): ParsedBody {
  if (input === undefined || input === null) return { ok: false, error: 'no body' };
  const text = decodeText(input);
  if (text === undefined && isObj(input)) return { ok: true, value: input };
  if (text === undefined)
    return { ok: false, error: `a body must be an object or text, got ${Array.isArray(input) ? 'an array' : typeof input}` };
  if (text.length > MAX_BODY_BYTES) return { ok: false, error: `body is larger than ${MAX_BODY_BYTES} bytes` };
  const t = text.replace(/^\uFEFF/, '').trim();
  if (t === '') return { ok: false, error: 'empty body' };
  if (t.startsWith('{')) {
    for (const candidate of [t, repairJson(t)]) {
      try {
        const v: unknown = JSON.parse(candidate, codeReviver);
        if (isObj(v)) return { ok: true, value: v };
      } catch {
        // try the repaired text next
      }
    }
    return { ok: false, error: 'body is not valid JSON' };
  }
  const form = parseForm(t);
  if (form) return { ok: true, value: form };
  return { ok: false, error: 'body is neither JSON nor form-encoded' };
}

/** JSON numbers in code fields become strings, so `"respcd": 1145` and `"respcd": "1145"` read alike. */
function codeReviver(this: unknown, key: string, value: unknown): unknown {
  if (typeof value === 'number' && CODE_KEYS.includes(key) && Number.isFinite(value)) return String(value);
  return value;
}
