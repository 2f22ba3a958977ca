import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './env.js';
import { HttpProblem } from './problem.js';

/**
 * Hono's body limit, counted while the body streams, with problem+json answers. A chunked body is
 * read inside the limit; a client that goes away mid-body gets a 400, not a 500. (Errors from the
 * route itself are answered at its own layer and never reach this catch.)
 */
export function limitedBody(limit: number): MiddlewareHandler<AppEnv> {
  const limitBody = bodyLimit({
    maxSize: limit,
    onError: () => {
      throw new HttpProblem(413, `the request body is larger than ${limit} bytes`, undefined, { connection: 'close' });
    },
  });
  return async (c, next) => {
    try {
      await limitBody(c, next);
    } catch (e) {
      if (e instanceof HttpProblem) throw e;
      throw new HttpProblem(400, 'the request body ended before it was complete', undefined, { connection: 'close' });
    }
  };
}
