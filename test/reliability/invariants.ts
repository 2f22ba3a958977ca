import { expect } from 'vitest';
import { PaycodesInputError } from '../../src/core/errors.js';
import type { Classification, Decision, Evidence } from '../../src/core/types.js';
import { ENUMS, saysSuccess, unifiedCodes } from './arbitraries.js';

const EVIDENCE_KINDS = new Set(['pattern', 'similar', 'threshold', 'code']);

function has<T extends string>(list: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (list as readonly string[]).includes(v);
}

/** Problems with a classifier answer's shape; empty when it is well formed. */
export function classificationProblems(
  c: Omit<Classification, 'evidence'> & { evidence?: readonly Evidence[] | undefined },
  where = '',
): string[] {
  const p: string[] = [];
  if (typeof c !== 'object' || c === null) return [`${where}not an object`];
  if (typeof c.unified !== 'string' || !unifiedCodes.has(c.unified)) p.push(`${where}unified ${String(c.unified)} is not a unified code`);
  if (typeof c.category !== 'string' || c.category === '') p.push(`${where}category is not a string`);
  if (!has(ENUMS.OUTCOMES, c.outcome)) p.push(`${where}outcome ${String(c.outcome)}`);
  if (!has(ENUMS.NEXT_STEPS, c.next)) p.push(`${where}next ${String(c.next)}`);
  if (!has(ENUMS.PARTIES, c.party)) p.push(`${where}party ${String(c.party)}`);
  if (!has(ENUMS.DISCLOSURES, c.disclosure)) p.push(`${where}disclosure ${String(c.disclosure)}`);
  if (typeof c.confidence !== 'number' || !(c.confidence >= 0 && c.confidence <= 1)) p.push(`${where}confidence ${String(c.confidence)}`);
  if (c.evidence !== undefined) {
    if (!Array.isArray(c.evidence)) p.push(`${where}evidence is not an array`);
    else
      c.evidence.forEach((e, i) => {
        if (!EVIDENCE_KINDS.has(e?.kind)) p.push(`${where}evidence[${i}].kind ${String(e?.kind)}`);
        if (typeof e?.detail !== 'string') p.push(`${where}evidence[${i}].detail`);
        if (e?.weight !== undefined && !Number.isFinite(e.weight)) p.push(`${where}evidence[${i}].weight ${e.weight}`);
      });
  }
  return p;
}

/** Problems with a Decision's shape and values; empty when it is a valid, safe answer. */
export function decisionProblems(d: Decision, where = ''): string[] {
  if (typeof d !== 'object' || d === null) return [`${where}not an object`];
  const p = classificationProblems(d, where);
  if (typeof d.provider !== 'string' || d.provider === '') p.push(`${where}provider ${String(d.provider)}`);
  if (typeof d.code !== 'string' || d.code === '') p.push(`${where}code ${String(d.code)}`);
  if (!has(ENUMS.FLOWS, d.flow)) p.push(`${where}flow ${String(d.flow)}`);
  if (typeof d.known !== 'boolean') p.push(`${where}known ${String(d.known)}`);
  if (typeof d.message !== 'object' || d.message === null) p.push(`${where}message is ${String(d.message)}`);
  else {
    if (typeof d.message.customer !== 'string' || d.message.customer === '')
      p.push(`${where}message.customer ${String(d.message.customer)}`);
    if (typeof d.message.merchant !== 'string' || d.message.merchant === '')
      p.push(`${where}message.merchant ${String(d.message.merchant)}`);
  }
  if (d.known) {
    if (d.confidence !== 1) p.push(`${where}known with confidence ${d.confidence}`);
    if (d.source === undefined || typeof d.source.document !== 'string') p.push(`${where}known without a source`);
  }
  if (d.alternatives !== undefined) {
    if (!Array.isArray(d.alternatives) || d.alternatives.length === 0) p.push(`${where}alternatives is not a non-empty array`);
    else
      d.alternatives.forEach((a, i) => {
        p.push(...decisionProblems(a, `${where}alternatives[${i}].`));
      });
  }
  return p;
}

/**
 * The safety rules for codes the catalog does not know. Without a message there is nothing to go
 * on, so the answer is `unmapped` + unknown + query. With one, only a classifier answer that shows
 * its evidence and clears the threshold may say failed or succeeded, and succeeded only when the
 * message or the code talks of success.
 */
export function unknownCodeProblems(d: Decision, message: unknown, threshold: number): string[] {
  if (d.known) return [];
  const p: string[] = [];
  const text = typeof message === 'string' ? message : '';
  // The classifier reads the code's words beside the message (a status code SETTLED is the state itself).
  const said = `${text} ${d.code}`;
  if (text.trim() === '') {
    if (d.unified !== 'unmapped' || d.outcome !== 'unknown' || d.next !== 'query')
      p.push(`no message, yet ${d.unified}/${d.outcome}/${d.next}`);
    return p;
  }
  if (d.outcome === 'failed' || d.outcome === 'succeeded') {
    if (!Array.isArray(d.evidence) || d.evidence.length === 0) p.push(`${d.outcome} without evidence`);
    // A success the words settle (says-paid) stands past the threshold, and its evidence says so.
    const settled = d.outcome === 'succeeded' && (d.evidence ?? []).some((e) => e.detail.startsWith('safety rule says-paid'));
    if (!(d.confidence >= threshold) && !settled) p.push(`${d.outcome} at confidence ${d.confidence} < threshold ${threshold}`);
  }
  if (d.outcome === 'succeeded' && !saysSuccess(said, d.flow))
    p.push(`succeeded for a message and code that never say success: ${JSON.stringify(said.slice(0, 80))}`);
  if (d.outcome === 'unknown' && d.next !== 'query' && d.next !== 'wait') p.push(`unknown with next ${d.next}`);
  return p;
}

/** Runs `fn`; passes when it returns or throws the documented input error, fails on anything else. */
export function answerOrInputError<T>(fn: () => T): { value: T } | { error: PaycodesInputError } {
  try {
    return { value: fn() };
  } catch (e) {
    if (e instanceof PaycodesInputError) {
      expect(typeof e.field).toBe('string');
      expect(e.message.length).toBeGreaterThan(0);
      // The message quotes at most a short prefix of the input, never the whole thing.
      expect(e.message.length).toBeLessThan(400);
      return { error: e };
    }
    throw new Error(`expected a value or PaycodesInputError, got ${(e as Error)?.name}: ${(e as Error)?.message}`, { cause: e });
  }
}
