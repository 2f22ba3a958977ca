/**
 * `npm run eval`: how well the classifier answers for providers it has never seen.
 *
 * Leave-one-provider-out over the catalog: for each provider, the classifier is built without that
 * provider's entries, then classifies each of its entries from the provider's own message(s), and
 * the answer is compared with the curated decision (`normalize()` of the entry). Also runs the
 * held-out set in test/fixtures/classify/unseen.json (messages written in the style of providers
 * that are not in the catalog). Writes bench/eval-results.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLASSIFY_THRESHOLD, createClassifier } from '../src/classify/classifier.js';
import type { Classification, Flow, Lang } from '../src/core/types.js';
import { providers, unified } from '../src/generated/index.js';
import { normalize } from '../src/normalize.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const THRESHOLDS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

interface Truth {
  unified: string;
  outcome: string;
  next: string;
  party: string;
}

interface Case {
  id: string;
  variant: string;
  truth: Truth;
  answer: Classification;
}

function atThreshold(a: Classification, t: number): Truth {
  if (a.unified === 'unmapped' || a.confidence < t) return { unified: 'unmapped', outcome: 'unknown', next: 'query', party: 'provider' };
  return a;
}

function isD1(truth: Truth, got: Truth): boolean {
  return (
    (truth.outcome === 'pending' || truth.outcome === 'unknown') &&
    got.outcome === 'failed' &&
    ['retry', 'ask_customer', 'fix_and_retry'].includes(got.next)
  );
}

function isD2(truth: Truth, got: Truth): boolean {
  return got.outcome === 'succeeded' && truth.outcome !== 'succeeded';
}

interface Score {
  n: number;
  unified: number;
  outcome: number;
  next: number;
  party: number;
  d1: number;
  d2: number;
  abstained: number;
}

function score(cases: Case[], t: number): Score {
  const s: Score = { n: cases.length, unified: 0, outcome: 0, next: 0, party: 0, d1: 0, d2: 0, abstained: 0 };
  for (const c of cases) {
    const g = atThreshold(c.answer, t);
    if (g.unified === 'unmapped') s.abstained++;
    if (g.unified === c.truth.unified) s.unified++;
    if (g.outcome === c.truth.outcome) s.outcome++;
    if (g.next === c.truth.next) s.next++;
    if (g.party === c.truth.party) s.party++;
    if (isD1(c.truth, g)) s.d1++;
    if (isD2(c.truth, g)) s.d2++;
  }
  return s;
}

const pct = (k: number, n: number) => (n === 0 ? '  n/a' : `${((100 * k) / n).toFixed(1).padStart(5)}%`);

function row(label: string, s: Score): string {
  return `${label.padEnd(22)} ${String(s.n).padStart(4)}  unified ${pct(s.unified, s.n)}  outcome ${pct(s.outcome, s.n)}  next ${pct(s.next, s.n)}  party ${pct(s.party, s.n)}  D1 ${s.d1}  D2 ${s.d2}  abstained ${s.abstained}`;
}

function ratio(s: Score) {
  const r = (k: number) => Math.round((10000 * k) / Math.max(1, s.n)) / 10000;
  return {
    n: s.n,
    unified: r(s.unified),
    outcome: r(s.outcome),
    next: r(s.next),
    party: r(s.party),
    d1: s.d1,
    d2: s.d2,
    abstained: s.abstained,
  };
}

// --- leave-one-provider-out ------------------------------------------------------------------
const cases: Case[] = [];
for (const p of providers) {
  const classify = createClassifier({ providers, unified, exclude: [p.id], threshold: 0 });
  for (const [code, flow, , , texts] of p.entries) {
    const byLang = new Map<string, string>();
    p.languages.forEach((l, i) => {
      const t = texts[i];
      if (t) byLang.set(l, t);
    });
    const first = [...byLang.values()][0] ?? '';
    const d = normalize({ provider: p.id, code, flow, message: first });
    const truth: Truth = { unified: d.unified, outcome: d.outcome, next: d.next, party: d.party };
    const id = `${p.id}:${code}:${flow}`;
    const variants: [string, string][] = [
      ['combined', [...byLang.values()].join('\n')],
      ...[...byLang].map(([l, t]) => [l, t] as [string, string]),
    ];
    for (const [variant, message] of variants) {
      cases.push({ id, variant, truth, answer: classify({ code, message, provider: `unseen-${p.id}`, flow: flow as Flow }) });
    }
  }
}

const combined = cases.filter((c) => c.variant === 'combined');
const main = score(combined, CLASSIFY_THRESHOLD);
const lines: string[] = [];
lines.push(`Leave-one-provider-out over ${providers.length} providers, ${combined.length} entries, threshold ${CLASSIFY_THRESHOLD}`);
lines.push('');
lines.push(row('all (combined text)', main));
for (const p of providers)
  lines.push(
    row(
      `  ${p.id}`,
      score(
        combined.filter((c) => c.id.startsWith(`${p.id}:`)),
        CLASSIFY_THRESHOLD,
      ),
    ),
  );
lines.push('');
lines.push('Per language (each text alone):');
const perLang: Record<string, ReturnType<typeof ratio>> = {};
for (const l of ['en', 'zh-Hant', 'zh-Hans']) {
  const s = score(
    cases.filter((c) => c.variant === l),
    CLASSIFY_THRESHOLD,
  );
  perLang[l] = ratio(s);
  lines.push(row(`  ${l}`, s));
}
lines.push('');
lines.push('Coverage by threshold (combined text; abstentions count as wrong unless the truth is unknown/query):');
lines.push('  threshold  coverage  next(all)  next(answered)  unified(answered)  D1  D2');
const coverage = THRESHOLDS.map((t) => {
  const s = score(combined, t);
  const answered = combined.filter((c) => atThreshold(c.answer, t).unified !== 'unmapped');
  const a = score(answered, t);
  lines.push(
    `  ${t.toFixed(1).padStart(9)}  ${pct(answered.length, combined.length).padStart(8)}  ${pct(s.next, s.n).padStart(9)}  ${pct(a.next, a.n).padStart(14)}  ${pct(a.unified, a.n).padStart(17)}  ${String(s.d1).padStart(2)}  ${String(s.d2).padStart(2)}`,
  );
  return {
    threshold: t,
    coverage: Math.round((10000 * answered.length) / combined.length) / 10000,
    nextAll: ratio(s).next,
    nextAnswered: ratio(a).next,
    unifiedAnswered: ratio(a).unified,
    d1: s.d1,
    d2: s.d2,
  };
});

const dangerous = cases
  .filter((c) => {
    const g = atThreshold(c.answer, CLASSIFY_THRESHOLD);
    return isD1(c.truth, g) || isD2(c.truth, g);
  })
  .map((c) => ({ id: c.id, variant: c.variant, truth: c.truth, answer: atThreshold(c.answer, CLASSIFY_THRESHOLD) }));
const wrongNext = combined
  .filter((c) => atThreshold(c.answer, CLASSIFY_THRESHOLD).next !== c.truth.next)
  .map((c) => {
    const g = atThreshold(c.answer, CLASSIFY_THRESHOLD);
    return `${c.id}  truth ${c.truth.unified} ${c.truth.outcome}/${c.truth.next}  got ${g.unified} ${g.outcome}/${g.next} (${c.answer.confidence})`;
  });

// --- ablation: each source of evidence alone ------------------------------------------------
const ablation: Record<string, ReturnType<typeof ratio>> = {};
lines.push('');
lines.push('Ablation (leave-one-provider-out, combined text, same guard and threshold):');
for (const [name, sources] of [
  ['patterns only', { similarity: false }],
  ['similarity only', { patterns: false }],
] as const) {
  const only: Case[] = [];
  for (const p of providers) {
    const classify = createClassifier({ providers, unified, exclude: [p.id], threshold: 0, sources });
    for (const [code, flow, , , texts] of p.entries) {
      const message = texts.filter(Boolean).join('\n');
      const d = normalize({ provider: p.id, code, flow, message: texts.find(Boolean) ?? '' });
      only.push({ id: `${p.id}:${code}`, variant: name, truth: d, answer: classify({ code, message, flow: flow as Flow }) });
    }
  }
  const s = score(only, CLASSIFY_THRESHOLD);
  ablation[name] = ratio(s);
  lines.push(row(`  ${name}`, s));
}

// --- held-out messages from providers outside the catalog ------------------------------------
interface UnseenCase {
  provider: string;
  lang: string;
  code?: string;
  flow?: Flow;
  message: string;
  expect: Truth;
}
const unseen = JSON.parse(readFileSync(resolve(ROOT, 'test/fixtures/classify/unseen.json'), 'utf8')) as UnseenCase[];
const full = createClassifier({ providers, unified, threshold: 0 });
const unseenCases: Case[] = unseen.map((u) => {
  const input: Parameters<typeof full>[0] = { message: u.message, provider: u.provider };
  if (u.code !== undefined) input.code = u.code;
  if (u.flow !== undefined) input.flow = u.flow;
  return { id: `${u.provider}:${u.code ?? ''}`, variant: u.lang, truth: u.expect, answer: full(input) };
});
const unseenScore = score(unseenCases, CLASSIFY_THRESHOLD);
lines.push('');
lines.push(`Held-out messages (test/fixtures/classify/unseen.json, ${unseen.length} messages, full catalog):`);
lines.push(row('  all', unseenScore));
const unseenPerLang: Record<string, ReturnType<typeof ratio>> = {};
for (const l of ['en', 'zh-Hant', 'zh-Hans']) {
  const s = score(
    unseenCases.filter((c) => c.variant === l),
    CLASSIFY_THRESHOLD,
  );
  unseenPerLang[l] = ratio(s);
  lines.push(row(`  ${l}`, s));
}
const unseenWrong = unseenCases
  .filter((c) => atThreshold(c.answer, CLASSIFY_THRESHOLD).next !== c.truth.next)
  .map((c) => {
    const g = atThreshold(c.answer, CLASSIFY_THRESHOLD);
    const u = unseen[unseenCases.indexOf(c)];
    return `${c.id} [${c.variant}] "${u?.message}"  expect ${c.truth.unified} ${c.truth.outcome}/${c.truth.next}  got ${g.unified} ${g.outcome}/${g.next} (${c.answer.confidence})`;
  });

if (dangerous.length > 0) {
  lines.push('');
  lines.push('Dangerous answers:');
  for (const d of dangerous)
    lines.push(
      `  ${d.id} [${d.variant}] truth ${d.truth.outcome}/${d.truth.next} got ${d.answer.unified} ${d.answer.outcome}/${d.answer.next}`,
    );
}
if (process.argv.includes('--verbose')) {
  lines.push('', 'Wrong next step (leave-one-provider-out, combined):', ...wrongNext.map((w) => `  ${w}`));
  lines.push('', 'Wrong next step (held-out):', ...unseenWrong.map((w) => `  ${w}`));
}

process.stdout.write(`${lines.join('\n')}\n`);

const out = {
  generated: new Date().toISOString(),
  threshold: CLASSIFY_THRESHOLD,
  leaveOneProviderOut: {
    entries: combined.length,
    combined: ratio(main),
    perProvider: Object.fromEntries(
      providers.map((p) => [
        p.id,
        ratio(
          score(
            combined.filter((c) => c.id.startsWith(`${p.id}:`)),
            CLASSIFY_THRESHOLD,
          ),
        ),
      ]),
    ),
    perLanguage: perLang,
    coverage,
    ablation,
    dangerous,
    wrongNext,
  },
  unseen: { messages: unseen.length, all: ratio(unseenScore), perLanguage: unseenPerLang, wrongNext: unseenWrong },
};
mkdirSync(resolve(ROOT, 'bench'), { recursive: true });
writeFileSync(resolve(ROOT, 'bench/eval-results.json'), `${JSON.stringify(out, null, 2)}\n`);
if (main.d1 > 0 || main.d2 > 0 || unseenScore.d1 > 0 || unseenScore.d2 > 0) process.exitCode = 1;
