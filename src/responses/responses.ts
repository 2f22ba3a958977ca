import type { Flow } from '../core/types.js';
import type { Obj } from './body.js';
import type { ResponsesCatalog } from './catalog.js';
import { langOf } from './decide.js';
import { readNotificationPayload } from './from-notification.js';
import { readResponse, responseProvider } from './from-response.js';
import { SCHEMES } from './schemes.js';
import { decideState } from './state.js';
import type { NotificationDecision, NotificationOptions, ResponseDecision, ResponseOptions } from './types.js';

export interface Responses {
  fromResponse(provider: string, response: unknown, options?: ResponseOptions): ResponseDecision;
  fromNotification(provider: string, payload: string | Uint8Array, options?: NotificationOptions): NotificationDecision;
  signNotification(
    provider: string,
    body: Obj | string,
    secret: string,
    opts?: { timestamp?: number },
  ): { body: string; headers: Record<string, string> };
  /** A logged (code, state) pair, read exactly as a whole response with those two fields. */
  decideState(input: {
    provider: string;
    code: string | number;
    state: string;
    flow?: Flow;
    lang?: string;
    message?: string;
  }): ResponseDecision;
}

/** The response readers over one catalog (the embedded one by default; tests pass a fixture catalog). */
export function createResponses(cat: ResponsesCatalog): Responses {
  return {
    fromResponse: (provider, response, options) => readResponse(cat, provider, response, options),
    fromNotification: (provider, payload, options) => readNotificationPayload(cat, provider, payload, options),
    signNotification(provider, body, secret, opts = {}) {
      const { id, env } = responseProvider(cat, provider);
      if (env.signature === undefined) throw new TypeError(`paycodes: ${id} has no signature scheme in the catalog`);
      // A string body is sent as it is (the bytes are what gets signed), never encoded a second time.
      return SCHEMES[env.signature.scheme].sign(env.signature, body, secret, String(opts.timestamp ?? Date.now()));
    },
    decideState: (input) =>
      decideState(cat, {
        provider: input.provider,
        code: input.code,
        state: input.state,
        flow: input.flow ?? 'any',
        lang: langOf(input.lang),
        ...(input.message === undefined ? {} : { message: input.message }),
      }),
  };
}
