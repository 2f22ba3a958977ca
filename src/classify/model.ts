/**
 * The learned model at run time: a multinomial logistic regression over hashed features, stored
 * sparse and quantised (see scripts/train-classifier.ts), scored with typed arrays and no
 * dependencies.
 */

/** The shape `npm run train` writes to src/data/classifier-model.ts. */
export interface PackedModel {
  /** Bumped when the feature extraction or the packing changes. */
  format: 1;
  /** Unified codes, in class order. */
  classes: string[];
  /** Per-class intercepts. */
  bias: number[];
  /** A stored weight is `int8 * scale`. */
  scale: number;
  /** Base64: feature hashes, uint32 little-endian, ascending. */
  hashes: string;
  /** Base64: number of stored weights per feature, uint8. */
  counts: string;
  /** Base64: class index of each stored weight, uint8. */
  classIndex: string;
  /** Base64: each stored weight, int8. */
  weights: string;
  /** Platt scaling of the decision's probability: p = 1 / (1 + exp(-(a * logit(raw) + b))). */
  calibration: [a: number, b: number];
  /** Below this calibrated confidence the classifier abstains. */
  threshold: number;
  /** What the model was trained on, for the record. */
  trained: { entries: number; samples: number; providers: number; features: number };
}

/**
 * A model ready for scoring: an open-addressing table from feature hash to the feature's stored
 * weights. A class with its methods on the prototype, not closures: a process that holds two
 * classifiers (the default and one made with createClassifier) would otherwise call two copies of
 * every method, and V8 stops inlining them (measured at about a sixth slower in `npm run bench`).
 *
 * Each stored weight's class and quantised level share one 16-bit cell, and a feature's cells (at
 * most six) sit in its table slot beside its hash: 16 bytes, a quarter of a cache line. Scoring a
 * feature then reads one place in memory: a message's twenty to forty features cost that many
 * cache misses, which were most of its time.
 */
export class Model {
  readonly classes: readonly string[];
  readonly bias: Float64Array;
  readonly calibration: readonly [number, number];
  readonly threshold: number;
  /**
   * Slot s takes four numbers from 4s: the feature's hash, then its cells two to a number (the
   * first in the low half); an unused cell is 0xffff, and a slot whose first cell is unused is empty.
   */
  readonly slots: Int32Array;
  /** Masks a number's index to its slot's first number. */
  readonly mask: number;
  /** The weight of each quantised level (int8 + 128). */
  readonly levelWeight: Float32Array;
  /**
   * e to the power of each level's weight: a message's class probabilities are then products of
   * table entries, with no exp() per class.
   */
  readonly expLevel: Float64Array;

  constructor(p: PackedModel) {
    const hb = bytes(p.hashes);
    const n = hb.length >>> 2;
    const counts = bytes(p.counts);
    const classIndex = bytes(p.classIndex);
    const wq = new Int8Array(bytes(p.weights).buffer);
    if (p.classes.length > 255) throw new Error(`classifier model: ${p.classes.length} classes, at most 255 fit a cell`);
    this.classes = p.classes;
    this.bias = Float64Array.from(p.bias);
    this.calibration = p.calibration;
    this.threshold = p.threshold;
    this.levelWeight = Float32Array.from({ length: 256 }, (_, q) => (q - 128) * p.scale);
    this.expLevel = Float64Array.from({ length: 256 }, (_, q) => Math.exp(Math.fround((q - 128) * p.scale)));
    let size = 16;
    while (size < n * 2) size <<= 1;
    this.mask = size * 4 - 4;
    this.slots = new Int32Array(size * 4).fill(-1);
    let first = 0;
    for (let i = 0; i < n; i++) {
      const h =
        (hb[i * 4] as number) | ((hb[i * 4 + 1] as number) << 8) | ((hb[i * 4 + 2] as number) << 16) | ((hb[i * 4 + 3] as number) << 24);
      const count = counts[i] as number;
      if (count < 1 || count > 6) throw new Error(`classifier model: feature ${h} stores ${count} weights, 1 to 6 fit a slot`);
      let s = (h << 2) & this.mask;
      while (((this.slots[s + 1] as number) & 0xffff) !== 0xffff) s = (s + 4) & this.mask;
      this.slots[s] = h;
      for (let j = 0; j < count; j++) {
        const cell = ((classIndex[first + j] as number) << 8) | ((wq[first + j] as number) + 128);
        const at = s + 1 + (j >> 1);
        const word = this.slots[at] as number;
        this.slots[at] = j & 1 ? (word & 0xffff) | (cell << 16) : (word & ~0xffff) | cell;
      }
      first += count;
    }
  }

  /** The row of feature `hash` (its slot's first number), or -1 when the model does not know it. */
  find(hash: number): number {
    const { slots, mask } = this;
    let s = (hash << 2) & mask;
    for (;;) {
      if (((slots[s + 1] as number) & 0xffff) === 0xffff) return -1;
      if (slots[s] === hash) return s;
      s = (s + 4) & mask;
    }
  }

  /**
   * Adds row `row`'s weights to `scores`, and returns their mean under `prior` (an unstored weight
   * is 0): what evidence needs (rowWeight less it), read while the row is at hand.
   */
  addRow(row: number, scores: Float64Array, prior: Float64Array): number {
    const { slots, levelWeight } = this;
    let mean = 0;
    for (let j = row + 1; j < row + 4; j++) {
      const x = slots[j] as number;
      const lo = x & 0xffff;
      if (lo === 0xffff) break;
      const wl = levelWeight[lo & 0xff] as number;
      scores[lo >>> 8] = (scores[lo >>> 8] as number) + wl;
      mean += (prior[lo >>> 8] as number) * wl;
      const hi = x >>> 16;
      if (hi === 0xffff) break;
      const wh = levelWeight[hi & 0xff] as number;
      scores[hi >>> 8] = (scores[hi >>> 8] as number) + wh;
      mean += (prior[hi >>> 8] as number) * wh;
    }
    return mean;
  }

  /**
   * Multiplies each class's `odds` by e to the power of row `row`'s weight for it, and returns the
   * row's mean weight under `prior`, as addRow does.
   */
  mulRow(row: number, odds: Float64Array, prior: Float64Array): number {
    const { slots, expLevel, levelWeight } = this;
    let mean = 0;
    for (let j = row + 1; j < row + 4; j++) {
      const x = slots[j] as number;
      const lo = x & 0xffff;
      if (lo === 0xffff) break;
      odds[lo >>> 8] = (odds[lo >>> 8] as number) * (expLevel[lo & 0xff] as number);
      mean += (prior[lo >>> 8] as number) * (levelWeight[lo & 0xff] as number);
      const hi = x >>> 16;
      if (hi === 0xffff) break;
      odds[hi >>> 8] = (odds[hi >>> 8] as number) * (expLevel[hi & 0xff] as number);
      mean += (prior[hi >>> 8] as number) * (levelWeight[hi & 0xff] as number);
    }
    return mean;
  }

  /**
   * Row `row`'s weight for class `k` (0 where it stores none). Less the row's mean weight (from
   * mulRow or addRow), it is how far the feature moves `k` ahead of the others: a feature whose
   * stored weights all push other classes down ("approved" lowers the declines) points to `k`
   * though it stores nothing for it.
   */
  rowWeight(row: number, k: number): number {
    const { slots, levelWeight } = this;
    for (let j = row + 1; j < row + 4; j++) {
      const x = slots[j] as number;
      const lo = x & 0xffff;
      if (lo === 0xffff) return 0;
      if (lo >>> 8 === k) return levelWeight[lo & 0xff] as number;
      const hi = x >>> 16;
      if (hi === 0xffff) return 0;
      if (hi >>> 8 === k) return levelWeight[hi & 0xff] as number;
    }
    return 0;
  }
}

function bytes(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function encodeBase64(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Unpacks a model into an open-addressing table keyed by feature hash. */
export function loadModel(p: PackedModel): Model {
  return new Model(p);
}
