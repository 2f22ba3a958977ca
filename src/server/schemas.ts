import { z } from 'zod';
import { MAX_CODE_LENGTH } from '../core/canonical.js';
import { resolveLang } from '../core/lang.js';
import { NETWORKS } from '../core/network-rules.js';
import { DISCLOSURES, FLOWS, LANGS, type Lang, NEXT_STEPS, OUTCOMES, PARTIES } from '../core/types.js';
import { MAX_ATTEMPTS } from '../retry/advise.js';
import { CatalogEntry, CodeListing, Decision, DecisionNetwork, DecisionSource, Evidence, ProviderInfo } from '../schema/shapes.js';

/**
 * One schema per shape: the server validates requests with these and `openapi.ts` turns the same
 * objects into the OpenAPI document, so the two cannot drift apart.
 */

type Meta = { id: string; description?: string };
/** Request bodies, converted to JSON Schema as input (before transforms). */
export const requests = z.registry<Meta>();
/** Responses, converted as output. Together: the components of the OpenAPI document. */
export const responses = z.registry<Meta>();

/** A BCP 47 tag folded to one of the three supported languages (`zh-TW` → `zh-Hant`). */
export const langParam = z
  .string()
  .max(35)
  .transform((tag, ctx): Lang => {
    try {
      return resolveLang(tag);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
      return z.NEVER;
    }
  })
  .meta({
    description: 'en, zh-Hant or zh-Hans; region tags such as zh-TW or zh-CN are folded to the script their readers use.',
    examples: ['zh-Hant'],
  });

const flow = z.enum(FLOWS);
/** A missing field reads the same on GET and POST: `code is required`. */
const wording = (name: string, kind: string) => (i: { input: unknown }) =>
  i.input === undefined ? `${name} is required` : `${name} must be ${kind}`;

const provider = z
  .string({ error: wording('provider', 'a string') })
  .trim()
  .min(1)
  .max(64)
  .meta({ description: 'Provider id or alias, matched loosely.', examples: ['qfpay'] });
const code = z
  .string({ error: wording('code', 'a string') })
  .min(1)
  .max(MAX_CODE_LENGTH);
const message = z.string().max(4096).meta({ description: "The provider's message, when known: it picks between readings of one code." });

const state = z.string().min(1).max(MAX_CODE_LENGTH).meta({
  description: 'The transaction state as the provider returned it (eftPay TRADE_SUCCESS, QFPay PENDING…): combined with the request code.',
});
const network = z.enum(NETWORKS).meta({ description: 'The card network, for a card payment whose network is known.' });
const networkCode = z
  .string()
  .min(1)
  .max(8)
  .meta({ description: "The issuer's response code as the network returned it (needs network)." });
const adviceCode = z
  .string()
  .min(1)
  .max(8)
  .meta({ description: 'A Mastercard Merchant Advice Code or a Visa advice code (needs network).' });
/** The fields every normalize input shares, over GET and POST. */
const layers = {
  state: state.optional(),
  network: network.optional(),
  networkCode: z.union([networkCode, z.number().int().nonnegative()]).optional(),
  adviceCode: z.union([adviceCode, z.number().int().nonnegative()]).optional(),
};

export const NormalizeInput = z
  .object({
    provider,
    code: z
      .union([code, z.number().finite()], { error: wording('code', 'a string or a number') })
      .meta({ description: 'The response code as the provider returned it.', examples: ['1201'] }),
    flow: flow.optional(),
    message: message.optional(),
    lang: langParam.optional(),
    ...layers,
  })
  .meta({ description: 'One code to normalize.' });
requests.add(NormalizeInput, { id: 'NormalizeInput' });

export const MAX_BATCH = 1000;
export const NormalizeBody = z.union([NormalizeInput, z.array(NormalizeInput).min(1).max(MAX_BATCH)]);
requests.add(NormalizeBody, { id: 'NormalizeBody', description: `One input object, or an array of 1 to ${MAX_BATCH}.` });

export const NormalizeQuery = z.object({
  provider,
  code: code.meta({ description: 'The response code as the provider returned it.', examples: ['1201'] }),
  flow: flow.optional(),
  message: message.optional(),
  lang: langParam.optional(),
  state: state.optional(),
  network: network.optional(),
  networkCode: networkCode.optional(),
  adviceCode: adviceCode.optional(),
});

export const LangQuery = z.object({ lang: langParam.optional() });

export const CodesQuery = z.object({
  flow: flow.optional(),
  unified: z.string().max(64).optional().meta({ description: 'Only entries mapped to this unified code.' }),
});

export const SearchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .meta({
      description: 'Words, a code or a message in any of the three languages; Traditional and Simplified match each other.',
      examples: ['余额不足'],
    }),
  provider: z.string().trim().min(1).max(64).optional(),
  flow: flow.optional(),
  lang: langParam.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

// The shapes the library hands out are defined once (src/schema/shapes.ts, checked against the
// core types by the compiler); here they are only named for the OpenAPI document.
responses.add(Evidence, { id: 'Evidence' });
responses.add(DecisionSource, { id: 'DecisionSource' });
responses.add(DecisionNetwork, { id: 'DecisionNetwork' });

export { CatalogEntry, CodeListing, Decision };

responses.add(Decision, { id: 'Decision', description: 'Did the money move, what to do next, who acts, and what to say.' });

export const NormalizeResponse = z.union([Decision, z.array(Decision)]);

const when = z.union([z.string().max(64), z.number().finite()]).meta({ description: 'An ISO 8601 time or epoch milliseconds.' });
export const Attempt = z
  .object({
    at: when,
    network: network.optional(),
    networkCode: z.union([networkCode, z.number().int().nonnegative()]).optional(),
    adviceCode: z.union([adviceCode, z.number().int().nonnegative()]).optional(),
    amount: z.union([z.string().max(64), z.number().finite()]).optional(),
  })
  .meta({ description: 'One declined attempt for the same card and merchant.' });
export const RetryInput = NormalizeInput.extend({
  attempts: z.array(Attempt).max(MAX_ATTEMPTS).optional().meta({ description: 'Every declined attempt so far, the latest included.' }),
  now: when.optional(),
}).meta({ description: 'A code to normalize, and the history of declined attempts to advise on.' });
requests.add(RetryInput, { id: 'RetryInput' });

const RuleSource = z.strictObject({
  id: z.string(),
  title: z.string(),
  publisher: z.string(),
  url: z.string().optional(),
  document: z.string().optional(),
  edition: z.string(),
  retrieved: z.string(),
});
export const RetryAdvice = z.strictObject({
  retry: z.boolean(),
  notBefore: z.string().optional(),
  remaining: z.number().int().min(0).optional(),
  reference: z.enum(['same', 'new']),
  rules: z.array(z.strictObject({ id: z.string(), says: z.string(), source: RuleSource })),
});
export const RetryResponse = z.strictObject({ decision: Decision, advice: RetryAdvice });
responses.add(RetryAdvice, { id: 'RetryAdvice' });
responses.add(RetryResponse, { id: 'RetryResponse', description: 'The decision for the latest attempt, and the advice on a retry.' });
responses.add(NormalizeResponse, { id: 'NormalizeResponse', description: 'One Decision, or an array in the order of the input.' });

export const Provider = ProviderInfo;
responses.add(Provider, { id: 'Provider' });

export const ProviderList = z.strictObject({ providers: z.array(Provider) });
responses.add(ProviderList, { id: 'ProviderList' });

const Patch = z.strictObject({
  outcome: z.enum(OUTCOMES).optional(),
  next: z.enum(NEXT_STEPS).optional(),
  party: z.enum(PARTIES).optional(),
  reason: z.string(),
});
responses.add(Patch, { id: 'DecisionPatch' });
responses.add(CatalogEntry, { id: 'CatalogEntry' });
responses.add(CodeListing, {
  id: 'CodeListing',
  description: 'One code as normalize() answers it for the flow, with how many readings it has.',
});

export const CodeList = z.strictObject({
  provider: z.string(),
  flow,
  count: z.number().int(),
  codes: z.array(CodeListing),
});
responses.add(CodeList, { id: 'CodeList' });

const Localized = z.strictObject({ customer: z.string(), merchant: z.string() });

export const UnifiedCode = z.strictObject({
  code: z.string(),
  category: z.string(),
  outcome: z.enum(OUTCOMES),
  next: z.enum(NEXT_STEPS),
  party: z.enum(PARTIES),
  disclosure: z.enum(DISCLOSURES),
  description: z.string(),
  equivalents: z.strictObject({
    iso8583: z.array(z.string()).optional(),
    stripe: z.array(z.string()).optional(),
    visa: z.number().optional(),
    mastercard: z.array(z.string()).optional(),
    activemerchant: z.string().optional(),
  }),
  flows: z.record(z.string(), Patch),
  messages: z.record(z.string(), Localized),
});
responses.add(UnifiedCode, { id: 'UnifiedCode' });

export const UnifiedList = z.strictObject({ unified: z.array(UnifiedCode) });
responses.add(UnifiedList, { id: 'UnifiedList' });

export const UnifiedDetail = z.strictObject({ unified: UnifiedCode, count: z.number().int(), entries: z.array(CatalogEntry) });
responses.add(UnifiedDetail, { id: 'UnifiedDetail', description: 'A unified code and every provider entry mapped to it.' });

export const SearchResult = z.strictObject({
  kind: z.enum(['entry', 'unified']),
  score: z.number(),
  provider: z.string().optional(),
  code: z.string().optional(),
  flow: flow.optional(),
  scene: z.string().optional(),
  unified: z.string(),
  outcome: z.string(),
  next: z.string(),
  party: z.string(),
  text: z.string().meta({ description: 'The text that matched, for display.' }),
  field: z
    .enum(['code', 'name', 'text', 'scene', 'description', 'customer', 'merchant'])
    .meta({ description: 'Which part of the record matched best.' }),
  lang: z.enum(LANGS).optional(),
  entries: z.number().int().optional().meta({ description: 'For unified codes: how many provider entries map to it.' }),
  readings: z.number().int().optional().meta({
    description: 'For entries: how many readings the code has for the flow; above 1, the others are in /v1/normalize alternatives.',
  }),
});
responses.add(SearchResult, { id: 'SearchResult' });

export const SearchResponse = z.strictObject({ query: z.string(), count: z.number().int(), results: z.array(SearchResult) });
responses.add(SearchResponse, { id: 'SearchResponse' });

export const Health = z.strictObject({
  status: z.literal('ok'),
  version: z.string(),
  providers: z.number().int(),
  entries: z.number().int(),
});
responses.add(Health, { id: 'Health' });

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string(),
  errors: z
    .array(
      z.object({
        in: z.enum(['body', 'query', 'path', 'header']),
        path: z.string().meta({ description: 'JSON Pointer into the request part, e.g. /3/provider.' }),
        message: z.string(),
      }),
    )
    .optional(),
});
responses.add(Problem, { id: 'Problem', description: 'RFC 9457 problem details.' });
