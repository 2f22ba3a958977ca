import { z } from 'zod';
import { DISCLOSURES, FLOWS, NEXT_STEPS, OUTCOMES, PARTIES } from '../core/types.js';
import { envelopeSchema } from './envelope-schema.js';

/** The one schema for the human-edited catalog; the JSON Schemas in catalog/schema/ are generated from it. */

/** A provider's texts are in whatever language it writes: any BCP 47 tag (language, optional script, optional region). */
const providerLang = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2}|-[0-9]{3})?$/, 'a BCP 47 language tag such as en, ko, ja, es, zh-Hant');
const nonEmpty = z.string().min(1);
const reason = nonEmpty.describe('Why the decision departs from the unified default. Required: an override without a reason is refused.');

export const decisionPatchSchema = z
  .object({
    outcome: z.enum(OUTCOMES).optional(),
    next: z.enum(NEXT_STEPS).optional(),
    party: z.enum(PARTIES).optional(),
    reason,
  })
  .strict()
  .refine((p) => p.outcome !== undefined || p.next !== undefined || p.party !== undefined, {
    message: 'an override must change at least one of outcome, next or party',
  });

export const entrySchema = z
  .object({
    code: nonEmpty.describe('Exactly as the provider returns it (always a string).'),
    flow: z.enum(FLOWS),
    scene: nonEmpty.optional().describe("The provider's own section label, verbatim."),
    messages: z
      .record(providerLang, nonEmpty)
      .refine((m) => Object.keys(m).length > 0, { message: 'at least one message is required' })
      .describe("The provider's text, verbatim, keyed by BCP 47 tag."),
    details: z
      .record(providerLang, nonEmpty)
      .optional()
      .describe(
        "More of the provider's own words for this code from the same source row, verbatim, keyed by BCP 47 tag: a message for the buyer, a next step or an explanation. The classifier learns from them; answers quote `messages`.",
      ),
    source: z
      .object({
        line: z.number().int().positive().describe('1-based line in the source document.'),
        end: z.number().int().positive().optional().describe('Last line, when the entry spans several.'),
      })
      .strict(),
    unified: z.string().regex(/^[a-z][a-z0-9_]*$/, 'unified codes are snake_case'),
    override: decisionPatchSchema.optional(),
    notes: nonEmpty.optional(),
  })
  .strict();

export const providerSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'provider ids are lowercase letters and digits, words joined by single hyphens'),
    name: nonEmpty,
    aliases: z.array(nonEmpty).optional(),
    region: z.array(nonEmpty).min(1),
    docs: z.url(),
    languages: z.array(providerLang).min(1),
    canonical: z
      .object({
        width: z.number().int().min(0).max(12).describe('Pad digit-only codes with leading zeros to this width; 0 for none.'),
        case: z.enum(['upper', 'preserve']).describe('Fold word codes to upper case, or keep them as given.'),
      })
      .strict(),
    envelope: z
      .union([nonEmpty, envelopeSchema])
      .describe(
        'How the provider reports request acceptance and transaction state: a paragraph, or the full section fromResponse and the mock read.',
      ),
    source: z
      .object({
        document: nonEmpty.describe('Repository path of the verbatim source document.'),
        seed: nonEmpty.optional(),
        url: z.url(),
        title: nonEmpty.optional(),
        kind: z
          .enum(['official', 'third-party'])
          .optional()
          .describe("official: published by the provider (docs, SDK, spec); third-party: someone else's copy or transcription."),
        repository: nonEmpty.optional().describe('Repository the copy was taken from, when it came from one.'),
        path: nonEmpty.optional().describe('Path of the copied file in that repository.'),
        commit: z
          .string()
          .regex(/^[0-9a-f]{7,40}$/, 'a git commit hash')
          .optional()
          .describe('Commit of that repository the copy was taken at.'),
        notes: nonEmpty.optional().describe("What the source's header says about coverage, gaps or transcription."),
      })
      .strict(),
    retrieved: nonEmpty.describe('When the source document was copied (YYYY-MM-DD).'),
    entries: z.array(entrySchema).min(1),
  })
  .strict();

const localized = z.object({ en: nonEmpty, 'zh-Hant': nonEmpty, 'zh-Hans': nonEmpty }).strict();

export const unifiedCodeSchema = z
  .object({
    category: z.string().regex(/^[a-z][a-z0-9_]*$/),
    outcome: z.enum(OUTCOMES),
    next: z.enum(NEXT_STEPS),
    party: z.enum(PARTIES),
    disclosure: z.enum(DISCLOSURES),
    description: nonEmpty,
    flows: z.partialRecord(z.enum(FLOWS), decisionPatchSchema).optional(),
    equivalents: z
      .object({
        iso8583: z.array(nonEmpty).optional(),
        stripe: z.array(nonEmpty).optional(),
        visa: z.number().int().min(1).max(4).optional().describe('Visa decline category: 1 never retry, 2-4 limited reattempts.'),
        mastercard: z.array(nonEmpty).optional().describe('Mastercard Merchant Advice Codes (MAC) that carry the same meaning.'),
        activemerchant: nonEmpty.optional(),
      })
      .strict()
      .optional(),
    messages: z.object({ customer: localized, merchant: localized }).strict(),
  })
  .strict();

export const unifiedSchema = z
  .object({
    version: z.number().int().positive(),
    codes: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'unified codes are snake_case'), unifiedCodeSchema),
  })
  .strict();

export type ProviderFile = z.infer<typeof providerSchema>;
export type CatalogEntryFile = z.infer<typeof entrySchema>;
export type UnifiedFile = z.infer<typeof unifiedSchema>;
