/**
 * A validating scanner for one NDJSON line that is a flat-ish JSON object. It finds the values of a
 * few wanted top-level keys as byte ranges without building the object, so the batch normalizer
 * can skip JSON.parse on the common line. It is strict: it accepts only what JSON.parse accepts,
 * and anything it does not handle itself (an escape inside a wanted key or value, deep nesting,
 * invalid JSON) returns FALLBACK so the caller asks JSON.parse instead. Input must be valid UTF-8.
 */

export const T_MISSING = 0;
export const T_STRING = 1;
export const T_NUMBER = 2;
export const T_NULL = 3;
export const T_TRUE = 4;
export const T_FALSE = 5;
export const T_OBJECT = 6;
export const T_ARRAY = 7;

/** Slots per wanted key in the `out` array: type, start, end, non-ASCII flag. */
export const SLOT = 4;
export const FALLBACK = -1;
const MAX_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJ = 0x7b;
const CLOSE_OBJ = 0x7d;
const OPEN_ARR = 0x5b;
const CLOSE_ARR = 0x5d;

/** 1 for the bytes that end a run of plain string content: `"`, `\\` and control characters. */
const STOP = new Uint8Array(256);
for (let b = 0; b < 0x20; b++) STOP[b] = 1;
STOP[QUOTE] = 1;
STOP[BACKSLASH] = 1;

function isWs(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

function isHex(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
}

/** End of a string whose opening quote is at `i`, or FALLBACK. Validates escapes and control bytes. */
function skipString(buf: Uint8Array, i: number, e: number): number {
  let j = i + 1;
  while (j < e) {
    // Plain content is by far the most common byte: one table load per byte.
    while (j < e && STOP[buf[j] as number] === 0) j++;
    if (j >= e) return FALLBACK;
    const c = buf[j] as number;
    if (c === QUOTE) return j + 1;
    if (c === BACKSLASH) {
      if (j + 1 >= e) return FALLBACK;
      const n = buf[j + 1];
      if (n === 0x75) {
        if (
          j + 5 >= e ||
          !isHex(buf[j + 2] as number) ||
          !isHex(buf[j + 3] as number) ||
          !isHex(buf[j + 4] as number) ||
          !isHex(buf[j + 5] as number)
        )
          return FALLBACK;
        j += 6;
        continue;
      }
      if (n === QUOTE || n === BACKSLASH || n === 0x2f || n === 0x62 || n === 0x66 || n === 0x6e || n === 0x72 || n === 0x74) {
        j += 2;
        continue;
      }
      return FALLBACK;
    }
    if (c < 0x20) return FALLBACK;
    j++;
  }
  return FALLBACK;
}

/** End of a number starting at `i` (JSON grammar exactly), or FALLBACK. */
function skipNumber(buf: Uint8Array, i: number, e: number): number {
  let j = i;
  if (buf[j] === 0x2d) j++;
  if (j >= e) return FALLBACK;
  const first = buf[j];
  if (first === 0x30) j++;
  else if (first !== undefined && first >= 0x31 && first <= 0x39) {
    j++;
    while (j < e && (buf[j] as number) >= 0x30 && (buf[j] as number) <= 0x39) j++;
  } else return FALLBACK;
  if (j < e && buf[j] === 0x2e) {
    j++;
    const s = j;
    while (j < e && (buf[j] as number) >= 0x30 && (buf[j] as number) <= 0x39) j++;
    if (j === s) return FALLBACK;
  }
  if (j < e && (buf[j] === 0x65 || buf[j] === 0x45)) {
    j++;
    if (j < e && (buf[j] === 0x2b || buf[j] === 0x2d)) j++;
    const s = j;
    while (j < e && (buf[j] as number) >= 0x30 && (buf[j] as number) <= 0x39) j++;
    if (j === s) return FALLBACK;
  }
  return j > e ? FALLBACK : j;
}

function skipLiteral(buf: Uint8Array, i: number, e: number, lit: readonly number[]): number {
  if (i + lit.length > e) return FALLBACK;
  for (let k = 0; k < lit.length; k++) if (buf[i + k] !== lit[k]) return FALLBACK;
  return i + lit.length;
}

const TRUE = [0x74, 0x72, 0x75, 0x65];
const FALSE = [0x66, 0x61, 0x6c, 0x73, 0x65];
const NULL = [0x6e, 0x75, 0x6c, 0x6c];

function skipWs(buf: Uint8Array, i: number, e: number): number {
  while (i < e && isWs(buf[i] as number)) i++;
  return i;
}

/** End of any JSON value at `i` (after white space), or FALLBACK. */
function skipValue(buf: Uint8Array, i: number, e: number, depth: number): number {
  if (i >= e) return FALLBACK;
  const b = buf[i];
  if (b === QUOTE) return skipString(buf, i, e);
  if (b === 0x2d || (b !== undefined && b >= 0x30 && b <= 0x39)) return skipNumber(buf, i, e);
  if (b === 0x74) return skipLiteral(buf, i, e, TRUE);
  if (b === 0x66) return skipLiteral(buf, i, e, FALSE);
  if (b === 0x6e) return skipLiteral(buf, i, e, NULL);
  if (depth >= MAX_DEPTH) return FALLBACK;
  if (b === OPEN_ARR) {
    let j = skipWs(buf, i + 1, e);
    if (j >= e) return FALLBACK;
    if (buf[j] === CLOSE_ARR) return j + 1;
    for (;;) {
      j = skipValue(buf, j, e, depth + 1);
      if (j < 0) return FALLBACK;
      j = skipWs(buf, j, e);
      if (j >= e) return FALLBACK;
      if (buf[j] === COMMA) j = skipWs(buf, j + 1, e);
      else if (buf[j] === CLOSE_ARR) return j + 1;
      else return FALLBACK;
    }
  }
  if (b === OPEN_OBJ) {
    let j = skipWs(buf, i + 1, e);
    if (j >= e) return FALLBACK;
    if (buf[j] === CLOSE_OBJ) return j + 1;
    for (;;) {
      if (j >= e || buf[j] !== QUOTE) return FALLBACK;
      j = skipString(buf, j, e);
      if (j < 0) return FALLBACK;
      j = skipWs(buf, j, e);
      if (j >= e || buf[j] !== COLON) return FALLBACK;
      j = skipValue(buf, skipWs(buf, j + 1, e), e, depth + 1);
      if (j < 0) return FALLBACK;
      j = skipWs(buf, j, e);
      if (j >= e) return FALLBACK;
      if (buf[j] === COMMA) j = skipWs(buf, j + 1, e);
      else if (buf[j] === CLOSE_OBJ) return j + 1;
      else return FALLBACK;
    }
  }
  return FALLBACK;
}

function keyIs(buf: Uint8Array, s: number, e: number, key: Uint8Array): boolean {
  if (e - s !== key.length) return false;
  for (let k = 0; k < key.length; k++) if (buf[s + k] !== key[k]) return false;
  return true;
}

/** For each key length, the indices of the wanted keys that long (from `keysByLength`). */
export type KeysByLength = ReadonlyArray<readonly number[] | undefined>;

/** Indexes wanted keys by byte length, so a record with many keys is matched in one step per member. */
export function keysByLength(keys: readonly Uint8Array[]): KeysByLength {
  const out: (number[] | undefined)[] = [];
  keys.forEach((k, i) => {
    const list = out[k.length] ?? [];
    list.push(i);
    out[k.length] = list;
  });
  return out;
}

/**
 * Scans the JSON object in buf[s, e) (white space around it allowed). For each wanted key `k`,
 * `out[k*SLOT]` gets the value's type (T_*), `out[k*SLOT+1..2]` its byte range (string contents
 * without quotes; the raw text for numbers) and `out[k*SLOT+3]` 1 when a string has non-ASCII
 * bytes. The last key wins, as in JSON.parse. `out[keys.length*SLOT]` gets the member count.
 * Returns the index of the closing brace, or FALLBACK.
 */
export function scanObject(
  buf: Uint8Array,
  s: number,
  e: number,
  keys: readonly Uint8Array[],
  out: Int32Array,
  byLength?: KeysByLength,
): number {
  const nk = keys.length;
  for (let k = 0; k < nk; k++) out[k * SLOT] = T_MISSING;
  let i = skipWs(buf, s, e);
  if (buf[i] !== OPEN_OBJ || i >= e) return FALLBACK;
  i = skipWs(buf, i + 1, e);
  let members = 0;
  let close: number;
  if (buf[i] === CLOSE_OBJ && i < e) close = i;
  else {
    for (;;) {
      if (i >= e || buf[i] !== QUOTE) return FALLBACK;
      const ks = i + 1;
      let j = ks;
      while (j < e && STOP[buf[j] as number] === 0) j++;
      // An escaped key could spell a wanted key; JSON.parse decides.
      if (j >= e || buf[j] !== QUOTE) return FALLBACK;
      const ke = j;
      i = j + 1;
      if (buf[i] !== COLON) {
        i = skipWs(buf, i, e);
        if (buf[i] !== COLON || i >= e) return FALLBACK;
      }
      i++;
      if (i < e && (buf[i] as number) <= 0x20) i = skipWs(buf, i, e);
      let k = -1;
      // Only the wanted keys of this length can match: one array load instead of a pass over all.
      const cands = byLength === undefined ? undefined : byLength[ke - ks];
      if (cands !== undefined) {
        for (let c = 0; c < cands.length; c++) {
          const q = cands[c] as number;
          if (keyIs(buf, ks, ke, keys[q] as Uint8Array)) {
            k = q;
            break;
          }
        }
      } else if (byLength === undefined) {
        for (let q = 0; q < nk; q++) {
          if (keyIs(buf, ks, ke, keys[q] as Uint8Array)) {
            k = q;
            break;
          }
        }
      }
      const b = buf[i];
      if (k < 0) {
        i = skipValue(buf, i, e, 1);
        if (i < 0) return FALLBACK;
      } else if (b === QUOTE) {
        const vs = i + 1;
        let v = vs;
        let hi = 0;
        for (;;) {
          if (v >= e) return FALLBACK;
          const c = buf[v] as number;
          if (STOP[c] === 1) {
            if (c === QUOTE) break;
            return FALLBACK;
          }
          hi |= c;
          v++;
        }
        const o = k * SLOT;
        out[o] = T_STRING;
        out[o + 1] = vs;
        out[o + 2] = v;
        out[o + 3] = hi & 0x80 ? 1 : 0;
        i = v + 1;
      } else {
        const vs = i;
        i = skipValue(buf, i, e, 1);
        if (i < 0) return FALLBACK;
        const o = k * SLOT;
        out[o] =
          b === 0x74
            ? T_TRUE
            : b === 0x66
              ? T_FALSE
              : b === 0x6e
                ? T_NULL
                : b === OPEN_OBJ
                  ? T_OBJECT
                  : b === OPEN_ARR
                    ? T_ARRAY
                    : T_NUMBER;
        out[o + 1] = vs;
        out[o + 2] = i;
        out[o + 3] = 0;
      }
      members++;
      if (i < e && (buf[i] as number) <= 0x20) i = skipWs(buf, i, e);
      if (i >= e) return FALLBACK;
      if (buf[i] === COMMA) {
        i++;
        if (i < e && (buf[i] as number) <= 0x20) i = skipWs(buf, i, e);
        continue;
      }
      if (buf[i] === CLOSE_OBJ) {
        close = i;
        break;
      }
      return FALLBACK;
    }
  }
  if (skipWs(buf, close + 1, e) !== e) return FALLBACK;
  out[nk * SLOT] = members;
  return close;
}
