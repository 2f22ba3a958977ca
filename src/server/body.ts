import { HttpProblem } from './problem.js';

/** Deeper JSON than any real request; refused before JSON.parse recurses into it. */
export const MAX_JSON_DEPTH = 32;

/**
 * The request body, already held to the limit by Hono's body-limit middleware in front of the
 * route. A client that goes away mid-body is its fault, not ours: a 400, not a 500.
 */
async function readBody(req: Request): Promise<Uint8Array> {
  try {
    return new Uint8Array(await req.arrayBuffer());
  } catch {
    throw new HttpProblem(400, 'the request body ended before it was complete', undefined, { connection: 'close' });
  }
}

const lenient = new TextDecoder('utf-8');
const strict = new TextDecoder('utf-8', { fatal: true });

/**
 * The bytes as UTF-8, refusing invalid sequences. The lenient decoder is several times faster than
 * the strict one; it marks what it could not read with U+FFFD, so only a body holding that
 * character is decoded again strictly to tell a real U+FFFD from broken bytes.
 */
function utf8(bytes: Uint8Array): string {
  const text = lenient.decode(bytes);
  if (!text.includes('\uFFFD')) return text;
  try {
    return strict.decode(bytes);
  } catch {
    throw new HttpProblem(400, 'the request body is not valid UTF-8', [{ in: 'body', path: '', message: 'invalid UTF-8' }]);
  }
}

/** True when brackets outside strings nest deeper than `max`. */
export function tooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++;
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      if (++depth > max) return true;
    } else if (ch === 0x7d || ch === 0x5d) depth--;
  }
  return false;
}

/** Only `application/json` (optionally `; charset=utf-8`) is read; anything else is a 415. */
export function requireJson(contentType: string | null): void {
  const [type = '', ...params] = (contentType ?? '').split(';');
  const media = type.trim().toLowerCase();
  if (media !== 'application/json') {
    throw new HttpProblem(415, `send the body as application/json${media ? `, not ${media.slice(0, 80)}` : ''}`, [
      { in: 'header', path: '/content-type', message: 'must be application/json' },
    ]);
  }
  for (const p of params) {
    const [k = '', v = ''] = p.split('=');
    if (k.trim().toLowerCase() === 'charset' && !/^"?utf-8"?$/i.test(v.trim())) {
      throw new HttpProblem(415, 'the body must be UTF-8', [{ in: 'header', path: '/content-type', message: 'charset must be utf-8' }]);
    }
  }
}

/** The body as JSON: valid UTF-8, not nested too deep, parseable; otherwise a 400 that says which. */
export async function readJson(req: Request): Promise<unknown> {
  requireJson(req.headers.get('content-type'));
  const bytes = await readBody(req);
  if (bytes.byteLength === 0)
    throw new HttpProblem(400, 'the request body is empty', [{ in: 'body', path: '', message: 'a JSON body is required' }]);
  const text = utf8(bytes);
  if (tooDeep(text)) {
    throw new HttpProblem(400, `the JSON nests deeper than ${MAX_JSON_DEPTH} levels`, [
      { in: 'body', path: '', message: 'too deeply nested' },
    ]);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new HttpProblem(400, 'the request body is not valid JSON', [
      { in: 'body', path: '', message: String((e as Error).message).slice(0, 200) },
    ]);
  }
}
