import type { Verdict } from './decide.js';

const SLOTS = 1 << 14;
const MASK = SLOTS - 1;
/** Longest provider+code+flow key kept; longer ones skip the table. */
const KEY_MAX = 120;

/**
 * A direct-mapped cache from the raw bytes of (provider, code, flow) to a verdict, so the common
 * record costs no string decoding and no Map lookup. Fixed size: a colliding key simply replaces
 * the slot, which keeps memory flat on inputs with millions of distinct codes.
 */
export class VerdictTable {
  private readonly keys = new Uint8Array(SLOTS * KEY_MAX);
  private readonly lengths = new Int32Array(SLOTS);
  private readonly verdicts: (Verdict | undefined)[] = new Array(SLOTS).fill(undefined);
  private readonly scratch = new Uint8Array(KEY_MAX);
  private len = 0;
  private hash = 0;

  /** Starts a key. */
  begin(): void {
    this.len = 0;
    this.hash = 0x811c9dc5;
  }

  /** Adds a tag byte then buf[s, e) to the key; false when the key grows too long for the table. */
  add(tag: number, buf: Uint8Array, s: number, e: number): boolean {
    let len = this.len;
    if (len + 1 + e - s > KEY_MAX) return false;
    const k = this.scratch;
    let h = Math.imul(this.hash ^ tag, 0x01000193);
    k[len++] = tag;
    for (let i = s; i < e; i++) {
      const b = buf[i] as number;
      k[len++] = b;
      h = Math.imul(h ^ b, 0x01000193);
    }
    this.len = len;
    this.hash = h;
    return true;
  }

  /** The verdict stored under the current key, if any. */
  get(): Verdict | undefined {
    const slot = (this.hash ^ (this.hash >>> 15)) & MASK;
    const len = this.len;
    if (this.lengths[slot] !== len) return undefined;
    const keys = this.keys;
    const k = this.scratch;
    const base = slot * KEY_MAX;
    for (let i = 0; i < len; i++) if (keys[base + i] !== k[i]) return undefined;
    return this.verdicts[slot];
  }

  set(v: Verdict): void {
    const slot = (this.hash ^ (this.hash >>> 15)) & MASK;
    this.keys.set(this.scratch.subarray(0, this.len), slot * KEY_MAX);
    this.lengths[slot] = this.len;
    this.verdicts[slot] = v;
  }
}
