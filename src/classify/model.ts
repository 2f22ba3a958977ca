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
 */
export class Model {
  readonly classes: readonly string[];
  readonly bias: Float64Array;
  readonly calibration: readonly [number, number];
  readonly threshold: number;
  /** Table slot → feature hash, and slot → row (-1 for an empty slot). */
  readonly keys: Int32Array;
  readonly slots: Int32Array;
  readonly mask: number;
  /** Row i's weights are start[i] up to start[i + 1] in classIndex and weights. */
  readonly start: Uint32Array;
  readonly classIndex: Uint8Array;
  readonly weights: Float32Array;
  /**
   * Each stored weight's quantised level (int8 + 128), and e to the power of each level's weight: a
   * message's class probabilities are then products of table entries, with no exp() per class.
   */
  readonly levels: Uint8Array;
  readonly expLevel: Float64Array;

  constructor(p: PackedModel) {
    const hb = bytes(p.hashes);
    const n = hb.length >>> 2;
    const counts = bytes(p.counts);
    const wq = new Int8Array(bytes(p.weights).buffer);
    this.classes = p.classes;
    this.bias = Float64Array.from(p.bias);
    this.calibration = p.calibration;
    this.threshold = p.threshold;
    this.classIndex = bytes(p.classIndex);
    this.weights = new Float32Array(wq.length);
    this.levels = new Uint8Array(wq.length);
    for (let i = 0; i < wq.length; i++) {
      this.weights[i] = (wq[i] as number) * p.scale;
      this.levels[i] = (wq[i] as number) + 128;
    }
    this.expLevel = Float64Array.from({ length: 256 }, (_, q) => Math.exp(Math.fround((q - 128) * p.scale)));
    this.start = new Uint32Array(n + 1);
    for (let i = 0; i < n; i++) this.start[i + 1] = (this.start[i] as number) + (counts[i] as number);
    let size = 16;
    while (size < n * 2) size <<= 1;
    this.mask = size - 1;
    this.keys = new Int32Array(size);
    this.slots = new Int32Array(size).fill(-1);
    for (let i = 0; i < n; i++) {
      const h =
        (hb[i * 4] as number) | ((hb[i * 4 + 1] as number) << 8) | ((hb[i * 4 + 2] as number) << 16) | ((hb[i * 4 + 3] as number) << 24);
      let s = h & this.mask;
      while ((this.slots[s] as number) >= 0) s = (s + 1) & this.mask;
      this.keys[s] = h;
      this.slots[s] = i;
    }
  }

  /** The row of feature `hash`, or -1 when the model does not know it. */
  find(hash: number): number {
    const { keys, slots, mask } = this;
    let s = hash & mask;
    for (;;) {
      const i = slots[s] as number;
      if (i < 0) return -1;
      if (keys[s] === hash) return i;
      s = (s + 1) & mask;
    }
  }

  /** Adds row `i`'s weights to `scores`. */
  addRow(i: number, scores: Float64Array): void {
    const { classIndex, weights } = this;
    const end = this.start[i + 1] as number;
    for (let j = this.start[i] as number; j < end; j++) {
      const c = classIndex[j] as number;
      scores[c] = (scores[c] as number) + (weights[j] as number);
    }
  }

  /** Multiplies each class's `odds` by e to the power of row `i`'s weight for it. */
  mulRow(i: number, odds: Float64Array): void {
    const { classIndex, levels, expLevel } = this;
    const end = this.start[i + 1] as number;
    for (let j = this.start[i] as number; j < end; j++) {
      const c = classIndex[j] as number;
      odds[c] = (odds[c] as number) * (expLevel[levels[j] as number] as number);
    }
  }

  /** Adds the weights of feature `hash` to `scores`; false when the feature is unknown. */
  add(hash: number, scores: Float64Array): boolean {
    const i = this.find(hash);
    if (i < 0) return false;
    this.addRow(i, scores);
    return true;
  }

  /** Row `i`'s weight for class `k` (0 when none is stored). */
  rowWeight(i: number, k: number): number {
    const end = this.start[i + 1] as number;
    for (let j = this.start[i] as number; j < end; j++) if (this.classIndex[j] === k) return this.weights[j] as number;
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
