import { classify } from './classify/classify.js';
import { MAX_CODE_LENGTH } from './core/canonical.js';
import { PaycodesInputError } from './core/errors.js';
import { resolveLang } from './core/lang.js';
import { createNormalizer } from './core/normalizer.js';
import { type Decision, FLOWS, type Flow, type NormalizeInput } from './core/types.js';
import { envelopes } from './data/envelopes.js';
import { en } from './data/messages/en.js';
import { zhHans } from './data/messages/zh-hans.js';
import { zhHant } from './data/messages/zh-hant.js';
import { providers } from './data/providers/index.js';
import { retryRules } from './data/retry-rules.js';
import { unified } from './data/unified.js';
import type { ResponsesCatalog } from './responses/catalog.js';
import { decideState, plainDecision } from './responses/state.js';

/** The normalizer over the whole embedded catalog, with the classifier for unknown codes. */
export const normalizer = createNormalizer({
  providers,
  unified,
  messages: { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans },
  classify,
  networks: retryRules,
});

// Held in a constant: the hot path of `normalize()` then makes one call, not a property read and a call.
const catalogNormalize = normalizer.normalize;

/** The embedded catalog as the state tables and the response readers see it. */
export const responsesCatalog: ResponsesCatalog = {
  envelopes,
  normalize: (input) => normalizer.normalize(input),
  providerId: (name) => normalizer.provider(name)?.id,
  unified,
  messages: { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans },
  decisions: normalizer.decisions,
};

export interface StateInput extends NormalizeInput {
  /**
   * The transaction state as the provider returns it (`TRADE_SUCCESS`, `PENDING`, `REFUND_SUCCESS`),
   * read with the code exactly as `fromResponse` reads the two fields in a whole response.
   */
  state?: string;
}

/**
 * Turns a provider's response code into one decision: did the money move, what to do next, who
 * acts, and what to tell the customer and the merchant. With `state`, the request code and the
 * transaction state are combined from the provider's state table.
 */
export function normalize(input: StateInput): Decision {
  if (typeof input !== 'object' || input === null || input.state === undefined) return catalogNormalize(input);
  return normalizeWithState(input);
}

// Apart from `normalize()` so that it stays small enough for V8 to inline into its callers (inlining
// stops at 460 bytes of bytecode, which the state path alone exceeds): the call without `state` then
// costs no function frame of its own.
function normalizeWithState(input: StateInput): Decision {
  const { state, ...rest } = input;
  if (typeof state !== 'string' || state.trim() === '' || state.length > MAX_CODE_LENGTH)
    throw new PaycodesInputError('state', `state must be a non-empty string of at most ${MAX_CODE_LENGTH} characters`);
  // State tables belong to wallets and QR providers, network codes to cards: no provider has both,
  // so the pair is refused rather than one of them silently dropped.
  if (rest.network !== undefined || rest.networkCode !== undefined || rest.adviceCode !== undefined)
    throw new PaycodesInputError('state', 'state and card-network facts (network, networkCode, adviceCode) cannot be combined');
  const flow: Flow = rest.flow ?? 'any';
  if (!(FLOWS as readonly string[]).includes(flow)) throw new PaycodesInputError('flow', `flow must be one of ${FLOWS.join(', ')}`);
  if (typeof rest.provider !== 'string') return normalizer.normalize(rest);
  const d = plainDecision(
    decideState(responsesCatalog, {
      provider: rest.provider,
      code: rest.code ?? '',
      state,
      flow,
      lang: rest.lang === undefined ? 'en' : resolveLang(rest.lang),
      ...(rest.message === undefined ? {} : { message: rest.message }),
    }),
  );
  // The answer echoes what was asked: the request code, canonical, whichever layer decided.
  // (HTTP-status providers log no request code: their state decides alone.)
  if (rest.code === undefined || String(rest.code).trim() === '') return d;
  const code = normalizer.normalize({ provider: rest.provider, code: rest.code }).code;
  return d.code === code ? d : Object.freeze({ ...d, code });
}
