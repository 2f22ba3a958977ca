import type { Context, MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { problemResponse } from './problem.js';

/** RFC 6750's token characters: the only keys a bearer header can carry. */
const TOKEN = /^[A-Za-z0-9._~+/-]+=*$/;

/**
 * Refuses a key that would silently turn auth off (empty) or could never match (characters a
 * bearer token cannot carry). An empty `PAYCODES_API_KEY=` is a mistake, not a wish for no auth.
 */
export class ApiKeyError extends Error {
  override name = 'ApiKeyError';
}

export function checkApiKey(key: string): void {
  if (key.trim() === '')
    throw new ApiKeyError('paycodes: PAYCODES_API_KEY is set but empty; set a key, or unset the variable to serve without one');
  if (key.length > 4096 || !TOKEN.test(key))
    throw new ApiKeyError('paycodes: PAYCODES_API_KEY must be a bearer token: letters, digits and . _ ~ + / - (optionally ending in =)');
}

const CHALLENGE = 'Bearer realm="paycodes"';

const refuse = (detail: string) => (c: Context) => problemResponse(401, detail, c.req.path, undefined, { 'www-authenticate': CHALLENGE });

/** `Authorization: Bearer <key>`; every refusal is a 401 problem with a challenge. */
export function requireKey(key: string): MiddlewareHandler {
  checkApiKey(key);
  return bearerAuth({
    token: key,
    realm: 'paycodes',
    noAuthenticationHeader: { message: refuse('send Authorization: Bearer <key>'), wwwAuthenticateHeader: CHALLENGE },
    invalidAuthenticationHeader: { message: refuse('send Authorization: Bearer <key>'), wwwAuthenticateHeader: CHALLENGE },
    invalidToken: { message: refuse('the bearer key is wrong'), wwwAuthenticateHeader: CHALLENGE },
  });
}
