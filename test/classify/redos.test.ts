import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/classify/classify.js';
import { hasQuantifier, type RegexSite, regexSites } from './regex-sources.js';

/**
 * A static ReDoS check of every regular expression in src/ and web/: recheck (its bundled native
 * checker, no network) must find each one safe. No timing: the verdict is about the pattern.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function unsafe(sites: readonly RegexSite[]): string[] {
  const out: string[] = [];
  for (const s of sites) {
    if (!hasQuantifier(s.source)) continue;
    // g and y change where a match starts, not how it backtracks. The time allowed is only a bound
    // on the checker's own work: on a loaded two-core machine a long pattern took over 20 s, and a
    // check cut short says nothing of the pattern. So are the fuzzing checker's own matches, ten
    // times the defaults: at 1 s a match slowed by load read as a super-linear one
    // (TRANSACTION_NOT_FOUND, on 2026-12-07, while another run held both cores; timed, it is linear).
    // With no time bound at all, a truly super-linear pattern takes a minute to reach the step bound.
    const r = checkSync(s.source, s.flags.replace(/[gy]/g, ''), {
      timeout: 120_000,
      attackTimeout: 10_000,
      incubationTimeout: 2_500,
      seedingTimeout: 1_000,
    });
    if (r.status === 'vulnerable') {
      out.push(`${s.file}:${s.line} /${s.source.slice(0, 80)}/ is ${r.complexity.type}: attack ${r.attack.pattern.slice(0, 60)}`);
    } else if (r.status === 'unknown') {
      out.push(`${s.file}:${s.line} /${s.source.slice(0, 80)}/ could not be checked (${r.error.kind}): simplify it`);
    }
  }
  return out;
}

describe('ReDoS: no super-linear regular expression', () => {
  it('finds the patterns it checks, in literals and in new RegExp("…")', () => {
    const sites = regexSites(ROOT, ['src/classify']);
    expect(sites.some((s) => s.file.endsWith('safety.ts'))).toBe(true);
    expect(hasQuantifier('a|b|c')).toBe(false);
    expect(hasQuantifier('a\\*b')).toBe(false);
    expect(hasQuantifier('ab+')).toBe(true);
  });

  it('catches the pattern behind the classifier ReDoS (rule 3ds-failed) and passes a linear one', { timeout: 120_000 }, () => {
    const old = String.raw`(3d|3ds|3-d|three[- ]d|3d\s+secure|身份)\S*.{0,20}(不通过|未通过|失败|\bfail\w*|\bnot\s+pass\w*|\bdeclined\b)`;
    expect(unsafe([{ file: 'rules.ts', line: 1, source: old, flags: '' }])).toHaveLength(1);
    expect(unsafe([{ file: 'safety.ts', line: 1, source: String.raw`\b3d|身份|\bauthenticat`, flags: '' }])).toEqual([]);
  });

  it('the classifier: every pattern in src/classify', { timeout: 300_000 }, () => {
    expect(unsafe(regexSites(ROOT, ['src/classify']))).toEqual([]);
  });

  it('everything: every pattern in src/ and web/', { timeout: 600_000 }, () => {
    expect(unsafe(regexSites(ROOT, ['src', 'web']))).toEqual([]);
  });

  it('the inputs that blocked the server get an answer, and a safe one', () => {
    for (const unit of ['3d', '身份', '認證', 'authentication ', '申请', 'a ']) {
      const c = classify({ message: unit.repeat(2048) });
      expect(['succeeded', 'pending', 'failed', 'unknown']).toContain(c.outcome);
      expect(c.outcome).not.toBe('succeeded');
    }
  });
});
