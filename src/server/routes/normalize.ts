import { Hono } from 'hono';
import type { z } from 'zod';
import { PaycodesInputError } from '../../core/errors.js';
import type { Decision, Lang } from '../../core/types.js';
import { type StateInput as Input, normalize } from '../../normalize.js';
import { readJson } from '../body.js';
import type { AppEnv } from '../env.js';
import { language } from '../language.js';
import { limitedBody } from '../limit.js';
import { type FieldError, fieldErrors, HttpProblem } from '../problem.js';
import { langOf, parse } from '../respond.js';
import { LangQuery, MAX_BATCH, NormalizeInput, NormalizeQuery } from '../schemas.js';
import { apiResponse } from '../security.js';

/**
 * Catalog decisions are frozen and shared, so the UTF-8 bytes of their JSON can be kept beside
 * them. Bytes rather than text: V8 joins strings holding non-Latin-1 characters (the Korean and
 * Chinese messages) about fifty times slower than one-byte ones (~1 ms for a batch of 100), and the
 * Node adapter would then measure and encode that text again. Copying cached bytes costs neither.
 */
const bytesOf = new WeakMap<Decision, Uint8Array<ArrayBuffer>>();
const utf8 = new TextEncoder();
function decisionBytes(d: Decision): Uint8Array<ArrayBuffer> {
  if (!Object.isFrozen(d)) return utf8.encode(JSON.stringify(d));
  let bytes = bytesOf.get(d);
  if (bytes === undefined) {
    bytes = utf8.encode(JSON.stringify(d));
    bytesOf.set(d, bytes);
  }
  return bytes;
}

/** `[a,b,…]` from each item's JSON bytes: the bytes JSON.stringify would give for the array. */
export function jsonArrayBytes(items: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  let size = items.length + 1;
  for (const item of items) size += item.byteLength;
  const out = new Uint8Array(size);
  out[0] = 0x5b;
  let at = 1;
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out[at++] = 0x2c;
    const item = items[i] as Uint8Array;
    out.set(item, at);
    at += item.byteLength;
  }
  out[at] = 0x5d;
  return out;
}

const HEADERS = (lang: Lang): Record<string, string> => ({
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-cache',
  'content-language': lang,
  vary: 'Accept-Language',
});

/** Library input errors become 400s that name the field. */
export function decide(input: Input, where: FieldError['in'], prefix: PropertyKey[] = []): Decision {
  try {
    return normalize(input);
  } catch (e) {
    if (e instanceof PaycodesInputError)
      throw new HttpProblem(400, e.message, fieldErrors(where, [{ path: [...prefix, e.field], message: e.message }]));
    throw e;
  }
}

/** The validated fields as normalize() takes them; absent ones stay absent. */
export function toInput(v: z.output<typeof NormalizeInput> | z.output<typeof NormalizeQuery>, lang: Lang): Input {
  const input: Input = { provider: v.provider, code: v.code, lang };
  if (v.flow) input.flow = v.flow;
  if (v.message !== undefined) input.message = v.message;
  if (v.state !== undefined) input.state = v.state;
  if (v.network !== undefined) input.network = v.network;
  if (v.networkCode !== undefined) input.networkCode = v.networkCode;
  if (v.adviceCode !== undefined) input.adviceCode = v.adviceCode;
  return input;
}

type Checked = { input: Input; errors?: undefined } | { input?: undefined; errors: FieldError[] };

function check(item: unknown, path: PropertyKey[], fallback: Lang): Checked {
  const r = NormalizeInput.safeParse(item);
  if (!r.success)
    return {
      errors: fieldErrors(
        'body',
        r.error.issues.map((i) => ({ path: [...path, ...i.path], message: i.message })),
      ),
    };
  const v = r.data;
  return { input: toInput(v, v.lang ?? fallback) };
}

/** GET for one code from a URL, POST for one object or a batch. */
export function normalizeRoutes(limit: number): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.use('/v1/normalize', language());

  r.get('/v1/normalize', (c) => {
    const q = parse(NormalizeQuery, c.req.query(), 'query', 'query parameters');
    const lang = langOf(c, q.lang);
    const input = toInput(q, lang);
    return apiResponse(decisionBytes(decide(input, 'query')), 200, HEADERS(lang));
  });

  const guardedLimit = limitedBody(limit);

  r.post('/v1/normalize', guardedLimit, async (c) => {
    const q = parse(LangQuery, c.req.query(), 'query', 'query parameters');
    const fallback = langOf(c, q.lang);
    const body = await readJson(c.req.raw);
    if (!Array.isArray(body)) {
      const one = check(body, [], fallback);
      if (one.errors)
        throw new HttpProblem(400, one.errors.length === 1 ? (one.errors[0] as FieldError).message : 'invalid normalize input', one.errors);
      return apiResponse(decisionBytes(decide(one.input, 'body')), 200, HEADERS(fallback));
    }
    if (body.length === 0)
      throw new HttpProblem(400, 'the batch is empty', [{ in: 'body', path: '', message: `send 1 to ${MAX_BATCH} items` }]);
    if (body.length > MAX_BATCH) {
      throw new HttpProblem(400, `a batch holds at most ${MAX_BATCH} items; this one has ${body.length}`, [
        { in: 'body', path: '', message: `at most ${MAX_BATCH} items` },
      ]);
    }
    const inputs: Input[] = [];
    const errors: FieldError[] = [];
    body.forEach((item, i) => {
      const one = check(item, [i], fallback);
      if (one.errors) errors.push(...one.errors);
      else inputs.push(one.input);
    });
    if (errors.length > 0)
      throw new HttpProblem(400, `${errors.length} invalid field${errors.length === 1 ? '' : 's'} in the batch`, errors);
    const bytes = jsonArrayBytes(inputs.map((input, i) => decisionBytes(decide(input, 'body', [i]))));
    return apiResponse(bytes, 200, HEADERS(fallback));
  });
  return r;
}
