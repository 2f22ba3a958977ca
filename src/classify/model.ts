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

/** A model ready for scoring. */
export interface Model {
  classes: readonly string[];
  bias: Float64Array;
  calibration: readonly [number, number];
  threshold: number;
  /** Adds the weights of feature `hash` (counted `times`) to `scores`; false when the feature is unknown. */
  add(hash: number, scores: Float64Array, times?: number): boolean;
  /** The weight of feature `hash` for class `k` (0 when none is stored). */
  weight(hash: number, k: number): number;
  /** The row of feature `hash` (an opaque handle), or -1 when the model does not know it. */
  find(hash: number): number;
  /** Adds row `r`'s weights to `scores`. */
  addRow(r: number, scores: Float64Array): void;
  /** Row `r`'s weight for class `k` (0 when none is stored). */
  rowWeight(r: number, k: number): number;
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

/**
 * Unpacks a model into an open-addressing table keyed by feature hash. Scoring a message looks up
 * a few dozen features in a table of tens of thousands, so each lookup is a cache miss or two: the
 * table holds a feature's hash beside where its weights start and how many there are, and each
 * weight sits beside its class (`class << 8 | int8`), so a feature costs two misses, not five.
 */
export function loadModel(p: PackedModel): Model {
  const hb = bytes(p.hashes);
  const n = hb.length >>> 2;
  const counts = bytes(p.counts);
  const cls = bytes(p.classIndex);
  const wq = new Int8Array(bytes(p.weights).buffer);
  // Each int8's weight, rounded to float32 as the weights were stored before (the same scores).
  const value = new Float32Array(256);
  for (let b = 0; b < 256; b++) value[b] = ((b << 24) >> 24) * p.scale;
  const packed = new Int32Array(wq.length);
  for (let i = 0; i < wq.length; i++) packed[i] = ((cls[i] as number) << 8) | ((wq[i] as number) & 0xff);

  let size = 16;
  while (size < n * 2) size <<= 1;
  const mask = size - 1;
  // Slot s: table[2s] is the hash, table[2s + 1] is (first weight << 4 | count) + 1, 0 when empty.
  const table = new Int32Array(size * 2);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const h =
      (hb[i * 4] as number) | ((hb[i * 4 + 1] as number) << 8) | ((hb[i * 4 + 2] as number) << 16) | ((hb[i * 4 + 3] as number) << 24);
    const count = counts[i] as number;
    if (count > 15) throw new Error(`a feature of the model stores ${count} weights; the table holds at most 15`);
    let s = h & mask;
    while ((table[2 * s + 1] as number) !== 0) s = (s + 1) & mask;
    table[2 * s] = h;
    table[2 * s + 1] = ((at << 4) | count) + 1;
    at += count;
  }
  const find = (hash: number): number => {
    let s = hash & mask;
    for (;;) {
      const v = table[2 * s + 1] as number;
      if (v === 0) return -1;
      if (table[2 * s] === hash) return v - 1;
      s = (s + 1) & mask;
    }
  };
  const addRow = (r: number, scores: Float64Array, times = 1): void => {
    const end = (r >>> 4) + (r & 15);
    for (let j = r >>> 4; j < end; j++) {
      const v = packed[j] as number;
      const c = v >>> 8;
      scores[c] = (scores[c] as number) + (value[v & 0xff] as number) * times;
    }
  };
  const rowWeight = (r: number, k: number): number => {
    const end = (r >>> 4) + (r & 15);
    for (let j = r >>> 4; j < end; j++) {
      const v = packed[j] as number;
      if (v >>> 8 === k) return value[v & 0xff] as number;
    }
    return 0;
  };
  return {
    classes: p.classes,
    bias: Float64Array.from(p.bias),
    calibration: p.calibration,
    threshold: p.threshold,
    add(hash, scores, times = 1) {
      const r = find(hash);
      if (r < 0) return false;
      addRow(r, scores, times);
      return true;
    },
    find,
    addRow,
    rowWeight,
    weight(hash, k) {
      const r = find(hash);
      return r < 0 ? 0 : rowWeight(r, k);
    },
  };
}
