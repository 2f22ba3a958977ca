/**
 * Fitting the model: build time only (scripts/train-classifier.ts and scripts/eval.ts); nothing at
 * run time imports this file.
 *
 * Multinomial logistic regression over hashed features, trained by AdaGrad with L2, from a fixed
 * seed in a fixed order so that the same catalog always gives the same weights. Afterwards each
 * feature's weights are centred (a per-feature constant does not change a softmax), small ones are
 * dropped, and the rest are quantised to int8.
 */

import { codeWords, features } from '../classify/features.js';
import { encodeBase64, type PackedModel } from '../classify/model.js';
import type { ProviderData } from '../core/data.js';
import { fold } from '../text/fold.js';

export interface Sample {
  features: number[];
  label: number;
  weight: number;
}

export interface FitOptions {
  epochs?: number;
  rate?: number;
  l2?: number;
  seed?: number;
  /** Stored weights smaller than this (after centring) are dropped. */
  prune?: number;
  /** Features seen in fewer training samples than this are not learned (one-off ids, typos). */
  minCount?: number;
  /**
   * How many fits, each over its own shuffle of the samples, are averaged. One fit's answers depend
   * on the order it saw the samples in (a different seed moves leave-one-provider-out next-step
   * accuracy by two points and can add a dangerous answer); the average depends on it far less.
   */
  shuffles?: number;
}

export const FIT_DEFAULTS: Required<FitOptions> = {
  epochs: 10,
  rate: 0.3,
  l2: 2e-5,
  seed: 20261202,
  prune: 0.15,
  minCount: 2,
  shuffles: 3,
};

/** The texts a catalog entry is learned from: each language alone, and all of them together. */
export function entryTexts(texts: readonly string[]): string[] {
  const own = texts.filter((t) => t && t.trim() !== '');
  if (own.length <= 1) return own;
  return [...own, own.join('\n')];
}

/**
 * The training samples of some providers: one per text of each entry, labelled with the entry's
 * unified code. Each entry weighs 1 in all, however many texts it has, and a text-less entry is
 * learned from its code's words alone. `details` gives an entry's further texts (its `details` in
 * the catalog: a buyer message, a next step), learned as more texts of the entry.
 */
export function samplesOf(
  providers: readonly ProviderData[],
  classes: readonly string[],
  taxonomy: readonly TaxonomyText[] = [],
  details: (provider: string, entry: number) => readonly string[] = () => [],
): Sample[] {
  const index = new Map(classes.map((c, i) => [c, i]));
  const out: Sample[] = [];
  // The taxonomy's own words for each code (its description and messages) teach codes that no
  // provider in the catalog uses yet; they count less than a provider's text.
  for (const t of taxonomy) {
    const label = index.get(t.unified);
    if (label !== undefined && t.text.trim() !== '')
      out.push({ features: features(fold(t.text), '', undefined), label, weight: TAXONOMY_WEIGHT });
  }
  for (const p of providers) {
    for (const [i, [code, flow, , unified, texts]] of p.entries.entries()) {
      const label = index.get(unified);
      if (label === undefined || unified === 'unmapped') continue;
      const words = codeWords(code);
      const variants = entryTexts([...texts, ...details(p.id, i)]);
      if (variants.length === 0 && words === '') continue;
      const list = variants.length > 0 ? variants : [''];
      for (const t of list) {
        out.push({ features: features(fold(t), words, flow), label, weight: 1 / list.length });
        // The same text without a flow: callers often do not say which flow they are in.
        if (flow !== 'any') out.push({ features: features(fold(t), words, undefined), label, weight: 0.5 / list.length });
      }
    }
  }
  return out;
}

export interface TaxonomyText {
  unified: string;
  text: string;
}

const TAXONOMY_WEIGHT = 0.3;
const SKIP_GRADIENT = 1e-3;
const MAX_PER_FEATURE = 6;

/** mulberry32: a small seeded generator, so that shuffles repeat exactly. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Fitted {
  classes: readonly string[];
  /** Feature hash → row. */
  rows: Map<number, number>;
  hashes: number[];
  w: Float64Array;
  bias: Float64Array;
}

export function fitModel(samples: readonly Sample[], classes: readonly string[], options: FitOptions = {}): Fitted {
  const o = { ...FIT_DEFAULTS, ...options };
  const K = classes.length;
  const seen = new Map<number, number>();
  for (const s of samples) for (const f of new Set(s.features)) seen.set(f, (seen.get(f) ?? 0) + 1);
  const rows = new Map<number, number>();
  const hashes: number[] = [];
  for (const s of samples) {
    for (const f of s.features) {
      if (!rows.has(f) && (seen.get(f) as number) >= o.minCount) {
        rows.set(f, hashes.length);
        hashes.push(f);
      }
    }
  }
  const F = hashes.length;
  const idx = samples.map((s) => s.features.flatMap((f) => rows.get(f) ?? []));
  const w = new Float64Array(F * K);
  const bias = new Float64Array(K);
  for (let s = 0; s < o.shuffles; s++) {
    const one = fitOnce(samples, idx, F, K, o, o.seed + s * 7919);
    for (let i = 0; i < w.length; i++) w[i] = (w[i] as number) + (one.w[i] as number) / o.shuffles;
    for (let k = 0; k < K; k++) bias[k] = (bias[k] as number) + (one.bias[k] as number) / o.shuffles;
  }
  return { classes, rows, hashes, w, bias };
}

/** One fit: AdaGrad over the samples in an order drawn from `seed`. */
function fitOnce(
  samples: readonly Sample[],
  idx: readonly number[][],
  F: number,
  K: number,
  o: Required<FitOptions>,
  seed: number,
): { w: Float64Array; bias: Float64Array } {
  const w = new Float64Array(F * K);
  const g2 = new Float64Array(F * K);
  const bias = new Float64Array(K);
  const b2 = new Float64Array(K);
  const order = samples.map((_, i) => i);
  const next = rng(seed);
  const z = new Float64Array(K);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const t = order[i] as number;
      order[i] = order[j] as number;
      order[j] = t;
    }
    for (const si of order) {
      const s = samples[si] as Sample;
      const fs = idx[si] as number[];
      z.set(bias);
      for (const r of fs) for (let k = 0; k < K; k++) z[k] = (z[k] as number) + (w[r * K + k] as number);
      let max = -Infinity;
      for (let k = 0; k < K; k++) if ((z[k] as number) > max) max = z[k] as number;
      let sum = 0;
      for (let k = 0; k < K; k++) {
        const e = Math.exp((z[k] as number) - max);
        z[k] = e;
        sum += e;
      }
      for (let k = 0; k < K; k++) {
        const g = s.weight * ((z[k] as number) / sum - (k === s.label ? 1 : 0));
        // Most classes get next to no gradient once learning is under way; skipping them keeps a
        // fit over thousands of entries to seconds (and skips their decay, which matters little).
        if (g > -SKIP_GRADIENT && g < SKIP_GRADIENT) continue;
        b2[k] = (b2[k] as number) + g * g;
        bias[k] = (bias[k] as number) - (o.rate * g) / Math.sqrt((b2[k] as number) + 1e-8);
        for (const r of fs) {
          const at = r * K + k;
          const gw = g + o.l2 * (w[at] as number);
          g2[at] = (g2[at] as number) + gw * gw;
          w[at] = (w[at] as number) - (o.rate * gw) / Math.sqrt((g2[at] as number) + 1e-8);
        }
      }
    }
  }
  return { w, bias };
}

/** Centres, prunes and quantises a fitted model into the generated shape. */
export function pack(
  m: Fitted,
  extra: { calibration: [number, number]; threshold: number; trained: PackedModel['trained'] },
  prune = FIT_DEFAULTS.prune,
): PackedModel {
  const K = m.classes.length;
  const kept: { hash: number; ks: number[]; ws: number[] }[] = [];
  let maxAbs = 0;
  const row = new Float64Array(K);
  for (let r = 0; r < m.hashes.length; r++) {
    for (let k = 0; k < K; k++) row[k] = m.w[r * K + k] as number;
    const sorted = Array.from(row).sort((a, b) => a - b);
    const centre = sorted[Math.floor(K / 2)] as number;
    const ks: number[] = [];
    const ws: number[] = [];
    for (let k = 0; k < K; k++) {
      const v = (row[k] as number) - centre;
      if (Math.abs(v) >= prune) {
        ks.push(k);
        ws.push(v);
      }
    }
    if (ks.length === 0) continue;
    // Only a feature's strongest few weights are kept: a word speaks for a few codes, not all.
    const order = ks.map((_, i) => i).sort((x, y) => Math.abs(ws[y] as number) - Math.abs(ws[x] as number) || x - y);
    const top = order.slice(0, MAX_PER_FEATURE).sort((x, y) => x - y);
    kept.push({ hash: m.hashes[r] as number, ks: top.map((i) => ks[i] as number), ws: top.map((i) => ws[i] as number) });
  }
  kept.sort((a, b) => a.hash - b.hash);
  for (const f of kept) for (const v of f.ws) maxAbs = Math.max(maxAbs, Math.abs(v));
  const scale = maxAbs > 0 ? maxAbs / 127 : 1;
  const total = kept.reduce((n, f) => n + f.ks.length, 0);
  const hashes = new Uint8Array(kept.length * 4);
  const counts = new Uint8Array(kept.length);
  const classIndex = new Uint8Array(total);
  const weights = new Int8Array(total);
  let j = 0;
  kept.forEach((f, i) => {
    hashes[i * 4] = f.hash & 0xff;
    hashes[i * 4 + 1] = (f.hash >>> 8) & 0xff;
    hashes[i * 4 + 2] = (f.hash >>> 16) & 0xff;
    hashes[i * 4 + 3] = (f.hash >>> 24) & 0xff;
    counts[i] = f.ks.length;
    f.ks.forEach((k, x) => {
      classIndex[j] = k;
      weights[j] = Math.max(-127, Math.min(127, Math.round((f.ws[x] as number) / scale)));
      j++;
    });
  });
  return {
    format: 1,
    classes: [...m.classes],
    bias: Array.from(m.bias, (b) => Math.round(b * 1e4) / 1e4),
    scale: Number(scale.toPrecision(8)),
    hashes: encodeBase64(hashes),
    counts: encodeBase64(counts),
    classIndex: encodeBase64(classIndex),
    weights: encodeBase64(new Uint8Array(weights.buffer)),
    calibration: [Number(extra.calibration[0].toFixed(4)), Number(extra.calibration[1].toFixed(4))],
    threshold: extra.threshold,
    trained: { ...extra.trained, features: kept.length },
  };
}

/** Platt scaling: fits p = sigmoid(a * x + b) to (x, correct) pairs by Newton's method with step halving. */
export function platt(xs: readonly number[], ys: readonly boolean[]): [number, number] {
  // Targets smoothed as Platt recommends, so a separable set does not send a to infinity.
  const pos = ys.filter(Boolean).length;
  const neg = ys.length - pos;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  const loss = (a: number, b: number) => {
    let l = 0;
    xs.forEach((x, i) => {
      const z = a * x + b;
      const t = ys[i] ? hi : lo;
      // log(1 + e^z) - t z, written to stay finite for large |z|
      l += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - t * z;
    });
    return l;
  };
  let a = 1;
  let b = 0;
  let current = loss(a, b);
  for (let it = 0; it < 100; it++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-6;
    let hab = 0;
    let hbb = 1e-6;
    xs.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-(a * x + b)));
      const d = p - (ys[i] ? hi : lo);
      const v = p * (1 - p);
      ga += d * x;
      gb += d;
      haa += v * x * x;
      hab += v * x;
      hbb += v;
    });
    const det = haa * hbb - hab * hab;
    if (!(Math.abs(det) > 1e-12)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    let step = 1;
    while (step > 1e-6 && loss(a - step * da, b - step * db) > current) step /= 2;
    if (step <= 1e-6) break;
    a -= step * da;
    b -= step * db;
    const next = loss(a, b);
    if (current - next < 1e-10) break;
    current = next;
  }
  return [a, b];
}
