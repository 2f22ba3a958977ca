/**
 * What the mock answers, one call at a time. A step sets the order's transaction state (`state`,
 * in the provider's words) or a provider code (`code`), and can misbehave on the wire (`fault`,
 * `http`, `delay`). Scenario files script steps per order; every call on that order (payment,
 * query, refund) takes the next step, and the last step repeats.
 */
export interface Step {
  code?: string;
  state?: string;
  /** `timeout`: never answer; `drop`: close the socket; `garbage`: answer 200 with an unparsable body. */
  fault?: 'timeout' | 'drop' | 'garbage';
  /** Answer with this HTTP status and the provider's error body. */
  http?: number;
  /** Milliseconds to wait before answering. */
  delay?: number;
}

export interface Scenario {
  orders: Map<string, Step[]>;
  default?: Step[];
}

const FAULTS = new Set(['timeout', 'drop', 'garbage']);
const MAX_DELAY_MS = 10 * 60_000;

export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

/** Tells a step word apart: a state of the provider, a code of the provider, or neither. */
export interface StepWords {
  isState(s: string): boolean;
  /** When given, a bare word that is neither a state nor a known code is refused (a typo such as `bogus_fault`). */
  isCode?(s: string): boolean;
}

type Words = StepWords | ((s: string) => boolean);
const wordsOf = (w: Words): StepWords => (typeof w === 'function' ? { isState: w } : w);

/**
 * A step from text: `timeout`, `drop`, `garbage`, `http:503`, `delay:250`, or a provider state or
 * code. `+` joins parts: `delay:3000+0000`. An unknown word is an error when `isCode` is given; the
 * object form `{ code: … }` takes any code, for testing codes the catalog does not know.
 */
export function parseStep(text: string, words: Words): Step {
  const { isState, isCode } = wordsOf(words);
  const step: Step = {};
  for (const part of text
    .split('+')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const lower = part.toLowerCase();
    if (FAULTS.has(lower)) step.fault = lower as Step['fault'];
    else if (/^http:\d{3}$/.test(lower)) step.http = Number(lower.slice(5));
    else if (/^delay:\d+$/.test(lower)) step.delay = Math.min(Number(lower.slice(6)), MAX_DELAY_MS);
    else if (isState(part)) step.state = part;
    else if (isCode === undefined || isCode(part)) step.code = part;
    else
      throw new ScenarioError(
        `unknown step "${part.slice(0, 40)}": not timeout, drop, garbage, http:<status>, delay:<ms>, a state or a known code (use { code: "${part.slice(0, 40)}" } for any code)`,
      );
  }
  return step;
}

function stepOf(v: unknown, where: string, words: Words): Step {
  if (typeof v === 'string' || typeof v === 'number') {
    try {
      return parseStep(String(v), words);
    } catch (e) {
      if (e instanceof ScenarioError) throw new ScenarioError(`${where}: ${e.message}`);
      throw e;
    }
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ScenarioError(`${where}: a step is a string or an object`);
  const o = v as Record<string, unknown>;
  const step: Step = {};
  for (const [k, val] of Object.entries(o)) {
    if (k === 'code' || k === 'state') {
      if (typeof val !== 'string' && typeof val !== 'number') throw new ScenarioError(`${where}.${k} must be a string`);
      step[k] = String(val);
    } else if (k === 'fault') {
      if (typeof val !== 'string' || !FAULTS.has(val)) throw new ScenarioError(`${where}.fault must be timeout, drop or garbage`);
      step.fault = val as Step['fault'];
    } else if (k === 'http') {
      if (!Number.isInteger(val) || (val as number) < 100 || (val as number) > 599)
        throw new ScenarioError(`${where}.http must be an HTTP status`);
      step.http = val as number;
    } else if (k === 'delay') {
      if (typeof val !== 'number' || !(val >= 0)) throw new ScenarioError(`${where}.delay must be milliseconds`);
      step.delay = Math.min(val, MAX_DELAY_MS);
    } else {
      throw new ScenarioError(`${where}: unknown key "${k}" (code, state, fault, http, delay)`);
    }
  }
  return step;
}

function steps(v: unknown, where: string, words: Words): Step[] {
  const list = Array.isArray(v) ? v : [v];
  if (list.length === 0) throw new ScenarioError(`${where}: empty sequence`);
  return list.map((s, i) => stepOf(s, `${where}[${i}]`, words));
}

/** Validates a parsed scenario document: `{ orders: { <order id>: [steps] }, default?: [steps] }`. */
export function scenarioFrom(doc: unknown, words: Words): Scenario {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw new ScenarioError('a scenario is a mapping with `orders` and/or `default`');
  const o = doc as Record<string, unknown>;
  for (const k of Object.keys(o))
    if (k !== 'orders' && k !== 'default') throw new ScenarioError(`unknown top-level key "${k}" (orders, default)`);
  const orders = new Map<string, Step[]>();
  if (o.orders !== undefined) {
    if (typeof o.orders !== 'object' || o.orders === null || Array.isArray(o.orders))
      throw new ScenarioError('`orders` maps order ids to step sequences');
    for (const [id, seq] of Object.entries(o.orders as Record<string, unknown>)) orders.set(id, steps(seq, `orders.${id}`, words));
  }
  const s: Scenario = { orders };
  if (o.default !== undefined) s.default = steps(o.default, 'default', words);
  return s;
}
