import { z } from 'zod';
import { DECLINES, NETWORKS, RECURRING_ADVICE, RETRY_KINDS, type RetryRules } from '../core/network-rules.js';

// Build time only: validates catalog/retry-rules.yaml before it is compiled.
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lower-case words joined by hyphens');
const code = z.string().min(1).max(8);
const seconds = z
  .number()
  .int()
  .positive()
  .max(366 * 86_400);

const source = z
  .object({
    title: z.string().min(1),
    publisher: z.string().min(1),
    url: z.string().url().optional(),
    document: z.string().optional(),
    edition: z.string().min(1),
    retrieved: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  })
  .strict()
  .refine((s) => s.url !== undefined || s.document !== undefined, 'a source needs a url or a document');

const group = z
  .object({
    id,
    network: z.enum(NETWORKS),
    says: z.string().min(1),
    source: id,
    networkCodes: z.array(code).min(1).optional(),
    adviceCodes: z.array(code).min(1).optional(),
    decline: z.enum(DECLINES).optional(),
    retry: z.enum(RETRY_KINDS).optional(),
    waitSeconds: seconds.optional(),
    recurring: z.enum(RECURRING_ADVICE).optional(),
    stepUp: z.boolean().optional(),
  })
  .strict()
  .refine((g) => g.networkCodes !== undefined || g.adviceCodes !== undefined, 'a group lists networkCodes or adviceCodes')
  .refine((g) => g.waitSeconds === undefined || g.retry === 'later', 'waitSeconds goes with retry: later');

const cap = z
  .object({
    id,
    network: z.enum(NETWORKS),
    says: z.string().min(1),
    source: id,
    attempts: z.number().int().positive().optional(),
    windowSeconds: seconds.optional(),
    sameAmount: z.boolean().optional(),
    sinceFirstSeconds: seconds.optional(),
  })
  .strict()
  .refine((c) => (c.attempts === undefined) === (c.windowSeconds === undefined), 'attempts and windowSeconds go together')
  .refine((c) => c.attempts !== undefined || c.sinceFirstSeconds !== undefined, 'a cap limits attempts or age');

export const retryRulesSchema = z
  .object({
    sources: z.record(id, source),
    networks: z.object(Object.fromEntries(NETWORKS.map((n) => [n, z.object({ name: z.string(), catalogs: z.array(id).min(1) }).strict()]))),
    groups: z.array(group),
    caps: z.array(cap),
    backoff: z
      .object({
        id,
        says: z.string().min(1),
        source: id,
        initialSeconds: seconds,
        factor: z.number().min(1).max(10),
        maxSeconds: seconds,
        attempts: z.number().int().positive(),
        windowSeconds: seconds,
      })
      .strict(),
  })
  .strict()
  .superRefine((r, ctx) => {
    const cites = [...r.groups, ...r.caps, r.backoff];
    for (const c of cites) {
      if (!(c.source in r.sources)) ctx.addIssue({ code: 'custom', message: `${c.id}: unknown source ${c.source}` });
    }
    const ids = new Set<string>();
    for (const c of cites) {
      if (ids.has(c.id)) ctx.addIssue({ code: 'custom', message: `duplicate rule id ${c.id}` });
      ids.add(c.id);
    }
  });

/** Parses and checks the rules; throws with every problem listed. */
export function parseRetryRules(value: unknown): RetryRules {
  const r = retryRulesSchema.safeParse(value);
  if (!r.success) {
    throw new Error(r.error.issues.map((i) => `catalog/retry-rules.yaml: ${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  return r.data as RetryRules;
}
