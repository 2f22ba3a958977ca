/**
 * Shared by `npm run train` and `npm run eval`: leave-one-provider-out runs of the learned model.
 * For each provider, a model is fitted without it, and each of its entries is classified from the
 * provider's own text(s) and code, on the entry's flow; the truth is what normalize() says for the
 * entry (the catalog's decision).
 */

import { entryTexts, type FitOptions, fitModel, pack, samplesOf, type TaxonomyText } from '../src/build/fit-classifier.js';
import { createClassifier } from '../src/classify/classifier.js';
import type { PackedModel } from '../src/classify/model.js';
import type { ProviderData, UnifiedData } from '../src/core/data.js';
import { createNormalizer } from '../src/core/normalizer.js';
import type { Classification, Flow } from '../src/core/types.js';
import { en } from '../src/data/messages/en.js';
import { zhHans } from '../src/data/messages/zh-hans.js';
import { zhHant } from '../src/data/messages/zh-hant.js';
import { providerFacts } from '../src/data/provider-facts.js';
import { unifiedInfo } from '../src/data/unified-info.js';

/** The taxonomy's words for each code: its description and its customer message in each language. */
export function taxonomyTexts(): TaxonomyText[] {
  const out: TaxonomyText[] = [];
  for (const [unified, info] of Object.entries(unifiedInfo)) {
    out.push({ unified, text: info.description });
    for (const table of [en, zhHant, zhHans]) {
      const m = table[unified];
      if (m) out.push({ unified, text: m[0] });
    }
  }
  return out;
}

export interface Truth {
  unified: string;
  outcome: string;
  next: string;
  party: string;
}

export interface Case {
  provider: string;
  id: string;
  /** `combined` (every language together) or the language of the one text used. */
  variant: string;
  message: string;
  code: string;
  flow: Flow;
  truth: Truth;
  answer: Classification;
}

/** An entry's `details` from the catalog: more of the provider's words, for training only. */
export function detailsOf(provider: string, entry: number): string[] {
  return Object.values(providerFacts[provider]?.details?.[entry] ?? {});
}

/** The classes the model chooses between: every unified code but `unmapped`, in taxonomy order. */
export function classesOf(unified: UnifiedData): string[] {
  return Object.keys(unified.codes).filter((c) => c !== 'unmapped');
}

export function fitPacked(
  providers: readonly ProviderData[],
  unified: UnifiedData,
  extra: Parameters<typeof pack>[1] = { calibration: [1, 0], threshold: 0, trained: { entries: 0, samples: 0, providers: 0, features: 0 } },
  options: FitOptions = {},
): PackedModel {
  const classes = classesOf(unified);
  const samples = samplesOf(providers, classes, taxonomyTexts(), detailsOf);
  const trained = {
    entries: providers.reduce((n, p) => n + p.entries.length, 0),
    samples: samples.length,
    providers: providers.length,
    features: 0,
  };
  return pack(fitModel(samples, classes, options), { ...extra, trained }, options.prune);
}

/** The catalog's decision for every entry, from the normalizer itself (no classifier involved). */
export function truthOf(providers: readonly ProviderData[], unified: UnifiedData) {
  const n = createNormalizer({ providers, unified, messages: { en } });
  return (p: ProviderData, code: string, flow: Flow, message: string): Truth => {
    const d = n.normalize({ provider: p.id, code, flow, message });
    return { unified: d.unified, outcome: d.outcome, next: d.next, party: d.party };
  };
}

/**
 * Runs leave-one-provider-out. `raw` answers come with calibration off and no threshold, so callers
 * can calibrate and choose a threshold themselves. `include` limits the run to some providers.
 */
export function leaveOneProviderOut(
  providers: readonly ProviderData[],
  unified: UnifiedData,
  opts: {
    include?: readonly string[];
    fit?: FitOptions;
    perLanguage?: boolean;
    groups?: number;
    dangerCost?: number;
    askDangerCost?: number;
    fixDangerCost?: number;
  } = {},
): Case[] {
  const truth = truthOf(providers, unified);
  const cases: Case[] = [];
  // A provider is held out with its whole family (paypal, paypal-advice…; stripe, stripe-decline),
  // so that a sibling's table does not leak its answers. With `groups`, families are held out a
  // group at a time (family i in group i mod groups): fewer fits, and each answer still comes from
  // a model that never saw its provider's family.
  const families = [...new Set(providers.map((p) => familyOf(p.id)))];
  const held = families.reduce<ProviderData[][]>((acc, f, i) => {
    const at = opts.groups ? i % opts.groups : i;
    acc[at] = [...(acc[at] ?? []), ...providers.filter((p) => familyOf(p.id) === f)];
    return acc;
  }, []);
  for (const group of held) {
    const out = group.filter((p) => !opts.include || opts.include.includes(p.id));
    if (out.length === 0) continue;
    const ids = new Set(group.map((p) => p.id));
    const model = fitPacked(
      providers.filter((q) => !ids.has(q.id)),
      unified,
      undefined,
      opts.fit,
    );
    const classify = createClassifier({
      unified,
      model,
      threshold: 0,
      dangerCost: opts.dangerCost,
      askDangerCost: opts.askDangerCost,
      fixDangerCost: opts.fixDangerCost,
    });
    for (const p of out) cases.push(...casesOf(p, classify, truth, opts.perLanguage ?? false));
  }
  return cases;
}

function casesOf(
  p: ProviderData,
  classify: ReturnType<typeof createClassifier>,
  truth: ReturnType<typeof truthOf>,
  perLanguage: boolean,
): Case[] {
  const cases: Case[] = [];
  for (const [code, flow, , , texts] of p.entries) {
    const own = p.languages.map((l, i) => [l, texts[i] ?? ''] as const).filter(([, t]) => t.trim() !== '');
    const t = truth(p, code, flow, own[0]?.[1] ?? '');
    const id = `${p.id}:${code}:${flow}`;
    const combined = entryTexts(own.map(([, x]) => x));
    const variants: [string, string][] = [['combined', combined[combined.length - 1] ?? '']];
    if (perLanguage) for (const [l, x] of own) variants.push([l, x]);
    for (const [variant, message] of variants) {
      cases.push({ provider: p.id, id, variant, message, code, flow, truth: t, answer: classify({ code, message, flow }) });
    }
  }
  return cases;
}

/** A provider's family: the id up to its first dash (paypal-advice → paypal). */
export function familyOf(id: string): string {
  const dash = id.indexOf('-');
  return dash < 0 ? id : id.slice(0, dash);
}

/** The catalog answer is itself "we do not know, query": abstaining is right. */
export function abstainingIsRight(t: Truth): boolean {
  return t.outcome === 'unknown' && t.next === 'query';
}

export function isD1(truth: Truth, got: { outcome: string; next: string }): boolean {
  return (
    (truth.outcome === 'pending' || truth.outcome === 'unknown') &&
    got.outcome === 'failed' &&
    ['retry', 'ask_customer', 'fix_and_retry'].includes(got.next)
  );
}

export function isD2(truth: Truth, got: { outcome: string }): boolean {
  return got.outcome === 'succeeded' && truth.outcome !== 'succeeded';
}
