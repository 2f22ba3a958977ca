import type { Context } from 'hono';
import type { z } from 'zod';
import type { Lang } from '../core/types.js';
import { type FieldError, fieldErrors, HttpProblem } from './problem.js';
import { apiResponse } from './security.js';
import type { StaticFile } from './static-file.js';

/** A request part checked against its schema; a 400 naming each wrong field otherwise. */
export function parse<S extends z.ZodType>(schema: S, value: unknown, where: FieldError['in'], what: string): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const errors = fieldErrors(where, r.error.issues);
    // One wrong field: its message is the whole story (`code is required`, on GET as on POST).
    throw new HttpProblem(400, errors.length === 1 ? (errors[0] as FieldError).message : `invalid ${what}`, errors);
  }
  return r.data;
}

/** The language of an answer: the explicit parameter, else what Accept-Language asked for. */
export const langOf = (c: Context, explicit: Lang | undefined): Lang => explicit ?? (c.get('language') as Lang | undefined) ?? 'en';

/** JSON that may change with the catalog; when it depends on the language, caches learn that too. */
export function json(body: unknown, lang?: Lang): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'cache-control': 'no-cache' };
  if (lang) {
    headers['content-language'] = lang;
    headers.vary = 'Accept-Language';
  }
  return apiResponse(JSON.stringify(body), 200, headers);
}

/**
 * If-None-Match compares weakly (RFC 9110): gzip marks the tag it sends `W/`, and the browser
 * sends that back. A list of tags, or `*`, is read too.
 */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || (tag.startsWith('W/') ? tag.slice(2) : tag) === etag;
  });
}

/** A file with its ETag: a matching If-None-Match gets a 304 and no body. */
export function send(c: Context, f: StaticFile): Response {
  const headers = { etag: f.etag, 'cache-control': f.cacheControl };
  if (matches(c.req.header('if-none-match'), f.etag)) return c.body(null, 304, headers);
  return c.body(f.body as Uint8Array<ArrayBuffer>, 200, { ...headers, 'content-type': f.type });
}
