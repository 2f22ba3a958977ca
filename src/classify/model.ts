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
 * A model ready for scoring: an open-addressing table from feature hash to row, and each row's
 * stored weights. A class with its methods on the prototype, not closures: a process that holds two
 * classifiers (the default and one made with createClassifier) would otherwise call two copies of
 * every method, and V8 stops inlining them (measured at about a sixth slower in `npm run bench`).
 *
 * A row is one number, its first stored weight times 8 plus its count (at most 7), and each table
 * slot holds a hash and its row side by side; each stored weight's class and quantised level share
 * one 16-bit cell. Scoring a feature then reads two places in memory, not five: a message's forty
 * or so features cost that many cache misses, which were most of its time.
 */
export class Model {
  readonly classes: readonly string[];
  readonly bias: Float64Array;
  readonly calibration: readonly [number, number];
  readonly threshold: number;
  /** Slot s: table[2s] is a feature hash, table[2s + 1] its row (-1 for an empty slot). */
  readonly table: Int32Array;
  readonly mask: number;
  /** Each stored weight: its class index × 256 + its quantised level (int8 + 128). */
  readonly cells: Uint16Array;
  readonly weights: Float32Array;
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
    this.classes = p.classes;
    this.bias = Float64Array.from(p.bias);
    this.calibration = p.calibration;
    this.threshold = p.threshold;
    this.weights = new Float32Array(wq.length);
    this.cells = new Uint16Array(wq.length);
    for (let i = 0; i < wq.length; i++) {
      this.weights[i] = (wq[i] as number) * p.scale;
      this.cells[i] = ((classIndex[i] as number) << 8) | ((wq[i] as number) + 128);
    }
    this.expLevel = Float64Array.from({ length: 256 }, (_, q) => Math.exp(Math.fround((q - 128) * p.scale)));
    let size = 16;
    while (size < n * 2) size <<= 1;
    this.mask = size - 1;
    this.table = new Int32Array(size * 2).fill(-1);
    let first = 0;
    for (let i = 0; i < n; i++) {
      const h =
        (hb[i * 4] as number) | ((hb[i * 4 + 1] as number) << 8) | ((hb[i * 4 + 2] as number) << 16) | ((hb[i * 4 + 3] as number) << 24);
      const count = counts[i] as number;
      if (count > 7) throw new Error(`classifier model: feature ${h} stores ${count} weights, at most 7 fit a row`);
      let s = h & this.mask;
      while ((this.table[2 * s + 1] as number) >= 0) s = (s + 1) & this.mask;
      this.table[2 * s] = h;
      this.table[2 * s + 1] = first * 8 + count;
      first += count;
    }
  }

  /** The row of feature `hash`, or -1 when the model does not know it. */
  find(hash: number): number {
    const { table, mask } = this;
    let s = hash & mask;
    for (;;) {
      const row = table[2 * s + 1] as number;
      if (row < 0) return -1;
      if (table[2 * s] === hash) return row;
      s = (s + 1) & mask;
    }
  }

  /** Adds row `row`'s weights to `scores`. */
  addRow(row: number, scores: Float64Array): void {
    const { cells, weights } = this;
    const end = (row >>> 3) + (row & 7);
    for (let j = row >>> 3; j < end; j++) {
      const c = (cells[j] as number) >>> 8;
      scores[c] = (scores[c] as number) + (weights[j] as number);
    }
  }

  /** Multiplies each class's `odds` by e to the power of row `row`'s weight for it. */
  mulRow(row: number, odds: Float64Array): void {
    const { cells, expLevel } = this;
    const end = (row >>> 3) + (row & 7);
    for (let j = row >>> 3; j < end; j++) {
      const cell = cells[j] as number;
      const c = cell >>> 8;
      odds[c] = (odds[c] as number) * (expLevel[cell & 0xff] as number);
    }
  }

  /** Adds the weights of feature `hash` to `scores`; false when the feature is unknown. */
  add(hash: number, scores: Float64Array): boolean {
    const row = this.find(hash);
    if (row < 0) return false;
    this.addRow(row, scores);
    return true;
  }

  /** Row `row`'s weight for class `k` (0 when none is stored). */
  rowWeight(row: number, k: number): number {
    const end = (row >>> 3) + (row & 7);
    for (let j = row >>> 3; j < end; j++) if ((this.cells[j] as number) >>> 8 === k) return this.weights[j] as number;
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
