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
  /** The row of feature `hash`, or -1 when the model does not know it. */
  find(hash: number): number;
  /** Adds row `i`'s weights to `scores`. */
  addRow(i: number, scores: Float64Array): void;
  /** Row `i`'s weight for class `k` (0 when none is stored). */
  rowWeight(i: number, k: number): number;
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
  const hb = bytes(p.hashes);
  const n = hb.length >>> 2;
  const counts = bytes(p.counts);
  const cls = bytes(p.classIndex);
  const wq = new Int8Array(bytes(p.weights).buffer);
  const w = new Float32Array(wq.length);
  for (let i = 0; i < wq.length; i++) w[i] = (wq[i] as number) * p.scale;
  const start = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = (start[i] as number) + (counts[i] as number);

  let size = 16;
  while (size < n * 2) size <<= 1;
  const mask = size - 1;
  const keys = new Int32Array(size);
  const slots = new Int32Array(size).fill(-1);
  for (let i = 0; i < n; i++) {
    const h =
      (hb[i * 4] as number) | ((hb[i * 4 + 1] as number) << 8) | ((hb[i * 4 + 2] as number) << 16) | ((hb[i * 4 + 3] as number) << 24);
    let s = h & mask;
    while ((slots[s] as number) >= 0) s = (s + 1) & mask;
    keys[s] = h;
    slots[s] = i;
  }
  const find = (hash: number): number => {
    let s = hash & mask;
    for (;;) {
      const i = slots[s] as number;
      if (i < 0) return -1;
      if (keys[s] === hash) return i;
      s = (s + 1) & mask;
    }
  };
  return {
    classes: p.classes,
    bias: Float64Array.from(p.bias),
    calibration: p.calibration,
    threshold: p.threshold,
    add(hash, scores, times = 1) {
      const i = find(hash);
      if (i < 0) return false;
      const end = start[i + 1] as number;
      for (let j = start[i] as number; j < end; j++) {
        const c = cls[j] as number;
        scores[c] = (scores[c] as number) + (w[j] as number) * times;
      }
      return true;
    },
    find,
    addRow(i, scores) {
      const end = start[i + 1] as number;
      for (let j = start[i] as number; j < end; j++) {
        const c = cls[j] as number;
        scores[c] = (scores[c] as number) + (w[j] as number);
      }
    },
    rowWeight(i, k) {
      const end = start[i + 1] as number;
      for (let j = start[i] as number; j < end; j++) if (cls[j] === k) return w[j] as number;
      return 0;
    },
    weight(hash, k) {
      const i = find(hash);
      if (i < 0) return 0;
      const end = start[i + 1] as number;
      for (let j = start[i] as number; j < end; j++) if (cls[j] === k) return w[j] as number;
      return 0;
    },
  };
}
