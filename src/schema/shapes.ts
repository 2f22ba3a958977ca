import { z } from 'zod';
import type { CatalogEntry as CatalogEntryType, ProviderInfo as ProviderInfoType } from '../catalog/api.js';
import type { CodeListing as CodeListingType } from '../catalog/listings.js';
import { DECLINES, NETWORKS, RECURRING_ADVICE } from '../core/network-rules.js';
import type {
  CategoryId,
  DecisionSource as DecisionSourceType,
  Decision as DecisionType,
  Evidence as EvidenceType,
  UnifiedId,
} from '../core/types.js';
import { DISCLOSURES, FLOWS, NEXT_STEPS, OUTCOMES, PARTIES } from '../core/types.js';
import { unified } from '../data/unified.js';
import { type Same, same } from './same-shape.js';

/**
 * The zod schemas of the shapes paycodes hands out, strict (an unexpected key is an error), for the
 * HTTP responses and their OpenAPI document.
 *
 * Which one is the definition: the TypeScript types in src/core and src/catalog are, because the
 * core must stay free of zod at run time and in its published declarations (a library user does
 * not install zod). These schemas are checked against those types by the compiler in both
 * directions at the bottom of this file, so a field added, dropped or retyped on either side fails
 * `npm run typecheck`: one shape, two spellings that cannot drift.
 */

const unifiedIds = Object.keys(unified.codes) as [UnifiedId, ...UnifiedId[]];
const categoryIds = [...new Set(Object.values(unified.codes).map((c) => c[0]))] as [CategoryId, ...CategoryId[]];

const flow = z.enum(FLOWS);
export const UnifiedIdSchema = z.enum(unifiedIds);
export const CategoryIdSchema = z.enum(categoryIds);

export const Evidence = z.strictObject({
  kind: z.enum(['pattern', 'similar', 'threshold', 'code']),
  detail: z.string(),
  weight: z.number().optional(),
});

export const DecisionSource = z.strictObject({
  scene: z.string().optional(),
  messages: z.record(z.string(), z.string()).meta({ description: "The provider's text, verbatim, keyed by BCP 47 tag." }),
  document: z.string().meta({ description: 'Repository path of the verbatim source document.' }),
  line: z.number().int().optional(),
  flow: flow.optional(),
});

export const DecisionNetwork = z.strictObject({
  network: z.enum(NETWORKS),
  code: z.string().optional().meta({ description: "The issuer's response code, two characters, upper case." }),
  advice: z.string().optional().meta({ description: 'The Mastercard Merchant Advice Code or Visa advice code.' }),
  catalog: z.string().optional().meta({ description: "The catalog that read the issuer's code (visa, iso8583…)." }),
  unified: z.string().optional(),
  source: DecisionSource.optional(),
  rules: z.array(z.string()).meta({ description: 'Ids of the retry-rule groups (catalog/retry-rules.yaml) the codes fall in.' }),
});

const Localized = z.strictObject({ customer: z.string(), merchant: z.string() });

/** Any string at run time (unknown providers are echoed); typed so catalog ids autocomplete. */
const providerEcho = z.string() as z.ZodType<DecisionType['provider']>;

export const Decision = z.strictObject({
  provider: providerEcho,
  code: z.string(),
  flow,
  known: z.boolean(),
  unified: UnifiedIdSchema,
  category: CategoryIdSchema,
  outcome: z.enum(OUTCOMES),
  next: z.enum(NEXT_STEPS),
  party: z.enum(PARTIES),
  disclosure: z.enum(DISCLOSURES),
  message: Localized,
  source: DecisionSource.optional(),
  get alternatives(): z.ZodOptional<z.ZodArray<typeof Decision>> {
    return z.array(Decision).optional();
  },
  confidence: z.number().min(0).max(1),
  reason: z.string().optional(),
  evidence: z.array(Evidence).optional(),
  network: DecisionNetwork.optional(),
  decline: z.enum(DECLINES).optional(),
  stepUp: z.literal(true).optional(),
  recurring: z.enum(RECURRING_ADVICE).optional(),
});

const Patch = z.strictObject({
  outcome: z.enum(OUTCOMES).optional(),
  next: z.enum(NEXT_STEPS).optional(),
  party: z.enum(PARTIES).optional(),
  reason: z.string(),
});

export const CatalogEntry = z.strictObject({
  provider: z.string(),
  code: z.string(),
  flow,
  scene: z.string().optional(),
  messages: z.record(z.string(), z.string()).meta({ description: "The provider's text, verbatim, keyed by BCP 47 tag." }),
  source: z.strictObject({ document: z.string(), line: z.number().int(), end: z.number().int() }),
  unified: z.string(),
  override: Patch.optional(),
  notes: z.string().optional(),
});

export const CodeListing = z.strictObject({
  provider: z.string(),
  code: z.string(),
  flow,
  decision: Decision,
  readings: z
    .number()
    .int()
    .min(1)
    .meta({ description: 'How many different readings answer for this flow; above 1, decision is the safest.' }),
  entries: z.array(CatalogEntry),
});

export const ProviderInfo = z.strictObject({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  region: z.array(z.string()),
  docs: z.string(),
  languages: z.array(z.string()).meta({ description: "BCP 47 tags of the provider's own texts." }),
  envelope: z.string(),
  document: z.string(),
  url: z.string(),
  retrieved: z.string(),
  entries: z.number().int(),
  codes: z.number().int(),
});

// --- The compile-time check that each schema and its type are the same shape. ---

same<Same<z.output<typeof Evidence>, EvidenceType>>();
same<Same<z.output<typeof DecisionSource>, DecisionSourceType>>();
same<Same<z.output<typeof Decision>, DecisionType>>();
same<Same<z.output<typeof CatalogEntry>, CatalogEntryType>>();
same<Same<z.output<typeof CodeListing>, CodeListingType>>();
same<Same<z.output<typeof ProviderInfo>, ProviderInfoType>>();
