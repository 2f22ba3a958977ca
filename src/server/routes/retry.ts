import { Hono } from 'hono';
import { PaycodesInputError } from '../../core/errors.js';
import { type Attempt, adviseRetry } from '../../retry/index.js';
import { readJson } from '../body.js';
import type { AppEnv } from '../env.js';
import { language } from '../language.js';
import { limitedBody } from '../limit.js';
import { fieldErrors, HttpProblem } from '../problem.js';
import { json, langOf, parse } from '../respond.js';
import { LangQuery, RetryInput } from '../schemas.js';
import { decide, toInput } from './normalize.js';

/** POST /v1/retry: the decision for the latest attempt and the advice on trying again. */
export function retryRoutes(limit: number): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.use('/v1/retry', language());
  r.post('/v1/retry', limitedBody(limit), async (c) => {
    const q = parse(LangQuery, c.req.query(), 'query', 'query parameters');
    const v = parse(RetryInput, await readJson(c.req.raw), 'body', 'retry input');
    const lang = langOf(c, v.lang ?? q.lang);
    const decision = decide(toInput(v, lang), 'body');
    try {
      const input: Parameters<typeof adviseRetry>[0] = { decision, attempts: (v.attempts ?? []) as Attempt[] };
      if (v.now !== undefined) input.now = v.now;
      return json({ decision, advice: adviseRetry(input) }, lang);
    } catch (e) {
      if (e instanceof PaycodesInputError)
        throw new HttpProblem(400, e.message, fieldErrors('body', [{ path: [e.field], message: e.message }]));
      throw e;
    }
  });
  return r;
}
