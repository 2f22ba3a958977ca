/**
 * A set of word patterns tested against the same text, many at a time, where most texts match
 * none of them. Each pattern is a plain alternation of words, so any match must contain one of a
 * few literal words, found by reading the pattern: `\bsystem (error|busy)\b|网络` needs "system "
 * or "网络". One pass over the text finds which of those words it holds (indexed by their first two
 * characters), and only the patterns with a word present are run. The answers are exactly the
 * regular expressions' own; a pattern whose words cannot be read this way is always run.
 */

/** A pattern of a set: `test` answers as its regular expression would. */
export interface GatedPattern {
  readonly re: RegExp;
  test(text: string): boolean;
}

/** Fewer characters than this say too little to skip anything: such a pattern is always run. */
const MIN_ANCHOR = 2;

type Item =
  | { kind: 'char'; c: string; optional: boolean; repeat: boolean }
  | { kind: 'group'; alternatives: Item[][]; optional: boolean }
  | { kind: 'zero' }
  | { kind: 'other' };

/** Parses one alternative (or a whole pattern) into items; undefined for syntax it does not know. */
function parse(source: string): Item[][] | undefined {
  let i = 0;
  const alternatives = (): Item[][] | undefined => {
    const alts: Item[][] = [[]];
    while (i < source.length) {
      const c = source[i] as string;
      if (c === ')') return alts;
      if (c === '|') {
        alts.push([]);
        i++;
        continue;
      }
      let item: Item;
      if (c === '(') {
        i++;
        // A look-around (`(?<!decline )`) matches no characters: it gives no words, and the words
        // around it still must be there. Named groups are not read.
        let around = false;
        if (source[i] === '?') {
          const n = source[i + 1];
          if (n === ':') i += 2;
          else if (n === '=' || n === '!') {
            around = true;
            i += 2;
          } else if (n === '<' && (source[i + 2] === '=' || source[i + 2] === '!')) {
            around = true;
            i += 3;
          } else return undefined;
        }
        const inner = alternatives();
        if (inner === undefined || source[i] !== ')') return undefined;
        i++;
        item = around ? { kind: 'zero' } : { kind: 'group', alternatives: inner, optional: false };
      } else if (c === '[') {
        const end = classEnd(source, i);
        if (end < 0) return undefined;
        i = end + 1;
        item = { kind: 'other' };
      } else if (c === '\\') {
        const e = source[i + 1];
        if (e === undefined) return undefined;
        i += 2;
        if (e === 'b') item = { kind: 'zero' };
        else if (/[dwsDWSBpPukcx0-9]/.test(e)) item = { kind: 'other' };
        else item = { kind: 'char', c: e, optional: false, repeat: false };
      } else if (c === '^' || c === '$') {
        i++;
        item = { kind: 'zero' };
      } else if (c === '.' || c === '*' || c === '+' || c === '?' || c === '{') {
        // A quantifier with nothing before it, or a wildcard.
        if (c !== '.') return undefined;
        i++;
        item = { kind: 'other' };
      } else {
        i++;
        item = { kind: 'char', c, optional: false, repeat: false };
      }
      const q = source[i];
      if (q === '?' || q === '*' || q === '+' || q === '{') {
        let optional = q === '?' || q === '*';
        if (q === '{') {
          const m = /^\{(\d+)(,\d*)?\}/.exec(source.slice(i, i + 16));
          if (!m) return undefined;
          optional = Number(m[1]) === 0;
          i += m[0].length;
        } else i++;
        if (source[i] === '?') i++; // lazy: the same words either way
        if (item.kind === 'char') item = { ...item, optional, repeat: !optional };
        else if (item.kind === 'group') item = { ...item, optional };
      }
      (alts[alts.length - 1] as Item[]).push(item);
    }
    return alts;
  };
  const out = alternatives();
  return out !== undefined && i === source.length ? out : undefined;
}

function classEnd(source: string, from: number): number {
  for (let j = from + 1; j < source.length; j++) {
    if (source[j] === '\\') j++;
    else if (source[j] === ']' && j > from + 1) return j;
  }
  return -1;
}

/**
 * Literal words one of which every match of `seq` contains, or undefined when there are none of
 * at least MIN_ANCHOR characters. Runs of required characters are candidates, as is a required
 * group whose every alternative has words; the candidate whose shortest word is longest wins.
 */
function anchorsOfSequence(seq: Item[]): string[] | undefined {
  const candidates: string[][] = [];
  let run = '';
  const end = () => {
    if (run.length >= MIN_ANCHOR) candidates.push([run]);
    run = '';
  };
  for (const item of seq) {
    if (item.kind === 'zero') continue;
    if (item.kind === 'char' && !item.optional) {
      run += item.c;
      if (item.repeat) end();
      continue;
    }
    end();
    if (item.kind === 'group' && !item.optional) {
      const words = anchorsOfAlternatives(item.alternatives);
      if (words !== undefined) candidates.push(words);
    }
  }
  end();
  let best: string[] | undefined;
  let bestLen = 0;
  for (const c of candidates) {
    const len = Math.min(...c.map((w) => w.length));
    if (len > bestLen || (len === bestLen && best !== undefined && c.length < best.length)) {
      best = c;
      bestLen = len;
    }
  }
  return best;
}

function anchorsOfAlternatives(alts: Item[][]): string[] | undefined {
  const out = new Set<string>();
  for (const seq of alts) {
    const words = anchorsOfSequence(seq);
    if (words === undefined) return undefined;
    for (const w of words) out.add(w);
  }
  return [...out];
}

/**
 * The literal words one of which any match of `re` contains, or undefined when the pattern
 * cannot be read that way (flags that change what a character matches, or syntax not handled).
 */
export function anchorsOf(re: RegExp): string[] | undefined {
  if (/[iuvsy]/.test(re.flags)) return undefined;
  const parsed = parse(re.source);
  return parsed === undefined ? undefined : anchorsOfAlternatives(parsed);
}

/** Buckets of the words of three or more characters, by their first three. */
const LONG_BUCKETS = 8192;
/** Buckets of the two-character words, by both. */
const SHORT_BUCKETS = 1024;
const pairKey = (a: number, b: number): number => a * 31 + b;
/** The filter of the places where a word may start: this many 32-bit words. */
const STARTS = 128;
const longBucket = (p: number, c: number): number => ((p * 31 + c) >>> 0) & (LONG_BUCKETS - 1);
const shortBucket = (p: number): number => p & (SHORT_BUCKETS - 1);

/** Whether `text` holds `word` at `at`, its first three characters known to match. */
function continues(text: string, at: number, word: string): boolean {
  if (at + word.length > text.length) return false;
  for (let j = 3; j < word.length; j++) if (text.charCodeAt(at + j) !== word.charCodeAt(j)) return false;
  return true;
}

/** Patterns tested on the same texts; each text is read once for all of their words. */
export class PatternSet {
  #patterns: { re: RegExp; anchors: string[] | undefined }[] = [];
  // The words, flat: the longer ones first, by the bucket of their first three characters (common
  // pairs begin many words, "결제", "pa", and the third tells most of them apart), then the
  // two-character ones by the bucket of both. Long bucket b holds words #from[b] … #from[b + 1] - 1,
  // short bucket b words #from[LONG_BUCKETS + b] …; word w marks patterns #ids[#idFrom[w] …].
  #from: Uint16Array | undefined;
  #words: string[] = [];
  /** Each word's first two characters as one number, and its third (-1 when it has two). */
  #pair = new Int32Array(0);
  #third = new Int32Array(0);
  /** 1 for a word of more than three characters, which the first three do not settle. */
  #long = new Uint8Array(0);
  /**
   * One bit per low 12 bits of pairKey() of each word's first two characters: most places in a text
   * start no word, and one bit rules them out without reading the buckets. 512 bytes, which stay in
   * the nearest cache while the model's table passes through it (#from is eighteen kilobytes).
   */
  #starts = new Uint32Array(STARTS);
  #idFrom = new Int32Array(1);
  #ids = new Int32Array(0);
  #hit = new Int32Array(0);
  #stamp = 0;
  #scanned: string | undefined;

  add(re: RegExp): GatedPattern {
    const id = this.#patterns.length;
    const anchors = anchorsOf(re);
    this.#patterns.push({ re, anchors });
    this.#from = undefined;
    const set = this;
    return {
      re,
      test(text: string): boolean {
        return (anchors === undefined || set.#holds(text, id)) && re.test(text);
      },
    };
  }

  #holds(text: string, id: number): boolean {
    if (text !== this.#scanned || this.#from === undefined) this.#scan(text);
    return this.#hit[id] === this.#stamp;
  }

  #build(): Uint16Array {
    const byWord = new Map<string, number[]>();
    this.#patterns.forEach((p, id) => {
      for (const w of p.anchors ?? []) {
        const ids = byWord.get(w) ?? [];
        ids.push(id);
        byWord.set(w, ids);
      }
    });
    const keyOf = (w: string): number => {
      const p = pairKey(w.charCodeAt(0), w.charCodeAt(1));
      return w.length > 2 ? longBucket(p, w.charCodeAt(2)) : LONG_BUCKETS + shortBucket(p);
    };
    const words = [...byWord.keys()].sort((x, y) => keyOf(x) - keyOf(y));
    if (words.length > 0xffff) throw new Error(`pattern set: ${words.length} words, at most 65535 fit`);
    const from = new Uint16Array(LONG_BUCKETS + SHORT_BUCKETS + 1);
    for (const w of words) (from[keyOf(w) + 1] as number)++;
    for (let b = 0; b < LONG_BUCKETS + SHORT_BUCKETS; b++) from[b + 1] = (from[b + 1] as number) + (from[b] as number);
    const ids = words.map((w) => byWord.get(w) as number[]);
    this.#words = words;
    this.#pair = Int32Array.from(words, (w) => (w.charCodeAt(0) << 16) | w.charCodeAt(1));
    this.#third = Int32Array.from(words, (w) => (w.length > 2 ? w.charCodeAt(2) : -1));
    this.#long = Uint8Array.from(words, (w) => (w.length > 3 ? 1 : 0));
    this.#idFrom = new Int32Array(words.length + 1);
    ids.forEach((x, w) => {
      this.#idFrom[w + 1] = (this.#idFrom[w] as number) + x.length;
    });
    this.#ids = Int32Array.from(ids.flat());
    this.#starts = new Uint32Array(STARTS);
    for (const w of words) {
      const p = pairKey(w.charCodeAt(0), w.charCodeAt(1)) & (STARTS * 32 - 1);
      this.#starts[p >>> 5] = (this.#starts[p >>> 5] as number) | (1 << (p & 31));
    }
    this.#hit = new Int32Array(this.#patterns.length);
    this.#stamp = 0;
    return from;
  }

  #scan(text: string): void {
    if (this.#from === undefined) this.#from = this.#build();
    const from = this.#from;
    if (this.#stamp === 0x7fffffff) {
      this.#hit.fill(0);
      this.#stamp = 0;
    }
    const stamp = ++this.#stamp;
    const hit = this.#hit;
    const words = this.#words;
    const pair = this.#pair;
    const third = this.#third;
    const long = this.#long;
    const idFrom = this.#idFrom;
    const ids = this.#ids;
    const starts = this.#starts;
    this.#scanned = text;
    const n = text.length;
    let a = text.charCodeAt(0);
    let b = text.charCodeAt(1);
    for (let i = 0; i + 1 < n; i++) {
      const c = i + 2 < n ? text.charCodeAt(i + 2) : -1;
      const p = pairKey(a, b);
      if (((starts[(p >>> 5) & (STARTS - 1)] as number) & (1 << (p & 31))) === 0) {
        a = b;
        b = c;
        continue;
      }
      const ab = (a << 16) | b;
      const s = LONG_BUCKETS + shortBucket(p);
      for (let w = from[s] as number, end = from[s + 1] as number; w < end; w++) {
        if (pair[w] !== ab) continue;
        for (let j = idFrom[w] as number, last = idFrom[w + 1] as number; j < last; j++) hit[ids[j] as number] = stamp;
      }
      if (c >= 0) {
        const k = longBucket(p, c);
        for (let w = from[k] as number, end = from[k + 1] as number; w < end; w++) {
          if (pair[w] !== ab || third[w] !== c || (long[w] === 1 && !continues(text, i, words[w] as string))) continue;
          for (let j = idFrom[w] as number, last = idFrom[w + 1] as number; j < last; j++) hit[ids[j] as number] = stamp;
        }
      }
      a = b;
      b = c;
    }
  }
}
