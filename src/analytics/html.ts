import { getUnified } from '../catalog/api.js';
import { type Lang, OUTCOMES, type Outcome } from '../core/types.js';
import type { OutcomeCounts, ReportFigures } from './figures.js';
import { type ReportStrings, STRINGS } from './i18n.js';

const COLORS: Record<Outcome, string> = { succeeded: '#1b9e77', pending: '#e6ab02', failed: '#d95f02', unknown: '#7570b3' };
const MAX_UNMAPPED_ROWS = 50;

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Every piece of log data goes through here: the log is untrusted input. */
export function esc(s: unknown): string {
  return String(s).replace(/[&<>"']/g, (c) => ESC[c] as string);
}

interface Fmt {
  n: (x: number) => string;
  pct: (x: number) => string;
  money: (x: number, currency: string) => string;
  date: (iso: string, bucket: 'hour' | 'day' | 'month') => string;
}

function formatters(lang: Lang): Fmt {
  const n = new Intl.NumberFormat(lang);
  const pct = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
  return {
    n: (x) => n.format(x),
    pct: (x) => pct.format(x),
    money: (x, currency) => {
      try {
        if (/^[A-Z]{3}$/.test(currency))
          return new Intl.NumberFormat(lang, { style: 'currency', currency, currencyDisplay: 'code' }).format(x);
      } catch {
        // Not an ISO currency code: fall through to a plain number.
      }
      return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(x)} ${currency}`;
    },
    date: (iso, bucket) => {
      const d = new Date(iso);
      const o: Intl.DateTimeFormatOptions =
        bucket === 'hour'
          ? { month: 'short', day: 'numeric', hour: '2-digit', timeZone: 'UTC' }
          : bucket === 'day'
            ? { month: 'short', day: 'numeric', timeZone: 'UTC' }
            : { year: 'numeric', month: 'short', timeZone: 'UTC' };
      return new Intl.DateTimeFormat(lang, o).format(d);
    },
  };
}

const sum = (c: OutcomeCounts): number => c.succeeded + c.pending + c.failed + c.unknown;

/** A 100% stacked bar, as SVG rects; labels sit in the legend, not in the bar. */
function stackedBar(c: OutcomeCounts, t: ReportStrings, f: Fmt, width = 640, height = 22): string {
  const total = sum(c);
  let x = 0;
  const rects: string[] = [];
  for (const o of OUTCOMES) {
    const w = total === 0 ? 0 : (c[o] / total) * width;
    if (w > 0) {
      rects.push(
        `<rect x="${x.toFixed(2)}" y="0" width="${w.toFixed(2)}" height="${height}" fill="${COLORS[o]}"><title>${esc(t.outcomes[o])}: ${f.n(c[o])} (${f.pct(c[o] / total)})</title></rect>`,
      );
    }
    x += w;
  }
  return `<svg class="bar" viewBox="0 0 ${width} ${height}" width="100%" height="${height}" preserveAspectRatio="none" role="img">${rects.join('')}</svg>`;
}

function legend(c: OutcomeCounts, t: ReportStrings, f: Fmt): string {
  const total = sum(c);
  return `<ul class="legend">${OUTCOMES.map(
    (o) =>
      `<li><span class="swatch" style="background:${COLORS[o]}"></span>${esc(t.outcomes[o])} <b>${f.n(c[o])}</b> <span class="muted">${f.pct(total === 0 ? 0 : c[o] / total)}</span></li>`,
  ).join('')}</ul>`;
}

/**
 * Axis ticks at round values (1, 2 or 5 times a power of ten) from 0 up to at least `max`, so a
 * reader sees 0, 500, 1,000 rather than 0, 437, 874.
 */
export function roundTicks(max: number, target = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / target;
  const pow = 10 ** Math.floor(Math.log10(raw));
  // Counts are whole numbers: never a step below 1.
  const step = Math.max(1, Math.round(([1, 2, 5, 10].find((m) => m * pow >= raw) ?? 10) * pow * 1e6) / 1e6);
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(Math.round(v));
  return ticks;
}

/** Stacked columns per time bucket, with a light grid at round values and a handful of axis labels. */
function seriesChart(fig: ReportFigures, t: ReportStrings, f: Fmt): string {
  const ts = fig.timeseries;
  if (ts.bucket === null || ts.points.length === 0) return `<p class="muted">${esc(t.noTimestamps)}</p>`;
  const bucket = ts.bucket;
  const W = 900;
  const H = 240;
  const left = 48;
  const bottom = 28;
  const top = 8;
  const plotW = W - left - 8;
  const plotH = H - top - bottom;
  const ticks = roundTicks(Math.max(1, ...ts.points.map((p) => sum(p))));
  const max = ticks[ticks.length - 1] as number;
  const step = plotW / ts.points.length;
  const barW = Math.max(1, step * 0.8);
  const parts: string[] = [];
  for (const v of ticks) {
    const y = top + plotH - (plotH * v) / max;
    parts.push(`<line x1="${left}" x2="${W - 8}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" class="grid"/>`);
    parts.push(`<text x="${left - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end" class="axis">${esc(f.n(v))}</text>`);
  }
  const labelEvery = Math.max(1, Math.ceil(ts.points.length / 10));
  ts.points.forEach((p, i) => {
    const x = left + i * step + (step - barW) / 2;
    let y = top + plotH;
    for (const o of OUTCOMES) {
      const h = (p[o] / max) * plotH;
      if (h > 0) {
        y -= h;
        parts.push(
          `<rect x="${x.toFixed(2)}" y="${y.toFixed(2)}" width="${barW.toFixed(2)}" height="${h.toFixed(2)}" fill="${COLORS[o]}"><title>${esc(f.date(p.start, bucket))} · ${esc(t.outcomes[o])}: ${f.n(p[o])}</title></rect>`,
        );
      }
    }
    if (i % labelEvery === 0) {
      parts.push(
        `<text x="${(x + barW / 2).toFixed(1)}" y="${H - 8}" text-anchor="middle" class="axis">${esc(f.date(p.start, bucket))}</text>`,
      );
    }
  });
  return `<p class="muted">${esc(t.seriesNote(t.buckets[bucket]))}</p><svg class="chart" viewBox="0 0 ${W} ${H}" width="100%" role="img">${parts.join('')}</svg>`;
}

function shortGuidance(unified: string, lang: Lang): string {
  const m = getUnified(unified)?.messages[lang].merchant ?? '';
  const first = (m.split(/(?<=[。．.!?！？；;])\s*/)[0] ?? '').trim();
  return first.length > 110 ? `${first.slice(0, 108)}…` : first;
}

function reasonBlocks(fig: ReportFigures, t: ReportStrings, f: Fmt, lang: Lang): string {
  const groups = fig.reasons.filter((g) => g.notSucceeded > 0);
  if (groups.length === 0) return `<p class="muted">${esc(t.noReasons)}</p>`;
  return groups
    .map((g) => {
      const max = Math.max(1, ...g.top.map((r) => r.count));
      const rows = g.top
        .map(
          (r) => `<tr>
<td><code>${esc(r.unified)}</code><div class="hint">${esc(shortGuidance(r.unified, lang))}</div></td>
<td><span class="pill" style="background:${COLORS[r.outcome]}">${esc(t.outcomes[r.outcome])}</span><div class="hint nowrap">${esc(t.next[r.next])} · ${esc(t.party[r.party])}</div></td>
<td class="num">${f.n(r.count)}</td>
<td class="barcell"><svg viewBox="0 0 100 10" width="160" height="10" preserveAspectRatio="none"><rect width="${((r.count / max) * 100).toFixed(2)}" height="10" fill="${COLORS[r.outcome]}"/></svg></td>
<td class="num">${f.pct(r.share)}</td></tr>`,
        )
        .join('');
      return `<div class="card"><h3>${esc(g.provider)} <span class="muted">· ${esc(t.flow[g.flow])} · ${f.n(g.notSucceeded)} / ${f.n(g.records)}</span></h3>
<div class="scroll"><table><thead><tr><th>${esc(t.reason)}</th><th></th><th class="num">${esc(t.count)}</th><th class="barcell"></th><th class="num">${esc(t.share)}</th></tr></thead><tbody>${rows}</tbody></table></div></div>`;
    })
    .join('\n');
}

function queueTable(fig: ReportFigures, t: ReportStrings, f: Fmt): string {
  const rows = fig.reconciliation
    .map(
      (q) => `<tr><td><b>${esc(q.currency)}</b></td>
<td class="num">${f.n(q.total.records)}</td>
<td class="num">${f.n(q.pending.records)}</td>
<td class="num">${f.n(q.unknown.records)}</td>
<td class="num">${f.pct(q.queue.share)}</td>
<td class="num">${esc(f.money(q.pending.amount, q.currency))}</td>
<td class="num">${esc(f.money(q.unknown.amount, q.currency))}</td>
<td class="num"><b>${esc(f.money(q.queue.amount, q.currency))}</b>${q.withoutAmount > 0 ? `<div class="hint">${f.n(q.withoutAmount)} ${esc(t.noAmount)}</div>` : ''}</td>
<td class="num">${f.pct(q.queue.amountShare)}</td></tr>`,
    )
    .join('');
  return `<div class="scroll"><table><thead><tr><th>${esc(t.currency)}</th><th class="num">${esc(t.total)}</th><th class="num">${esc(t.outcomes.pending)}</th><th class="num">${esc(t.outcomes.unknown)}</th><th class="num">${esc(t.share)}</th><th class="num">${esc(t.outcomes.pending)}</th><th class="num">${esc(t.outcomes.unknown)}</th><th class="num">${esc(t.amountInQueue)}</th><th class="num">${esc(t.amountShare)}</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function unmappedTable(fig: ReportFigures, t: ReportStrings, f: Fmt): string {
  const u = fig.unmapped;
  if (u.codes.length === 0 && u.dropped.records === 0) return `<p class="muted">${esc(t.noUnmapped)}</p>`;
  const rows = u.codes
    .slice(0, MAX_UNMAPPED_ROWS)
    .map(
      (c) =>
        `<tr><td>${esc(c.provider)}</td><td><code>${esc(c.code)}</code></td><td class="num">${f.n(c.count)}</td><td>${c.flows.map((x) => esc(t.flow[x])).join(', ')}</td><td>${c.messages.map((m) => `<q>${esc(m)}</q>`).join('<br>')}</td></tr>`,
    )
    .join('');
  const more = u.codes.length > MAX_UNMAPPED_ROWS ? `<p class="muted">+${f.n(u.codes.length - MAX_UNMAPPED_ROWS)} …</p>` : '';
  const dropped = u.dropped.records > 0 ? `<p class="muted">${esc(t.droppedKeys(f.n(u.dropped.records)))}</p>` : '';
  return `<div class="scroll"><table><thead><tr><th>${esc(t.provider)}</th><th>${esc(t.code)}</th><th class="num">${esc(t.count)}</th><th>${esc(t.flows)}</th><th>${esc(t.samples)}</th></tr></thead><tbody>${rows}</tbody></table></div>${more}${dropped}`;
}

/** Money in doubt by currency, oldest first, without the records whose only problem is a missing state. */
function queryFirst(fig: ReportFigures, t: ReportStrings, f: Fmt): string {
  const rows = fig.reconciliation
    .map((q) => ({
      q,
      records: q.queue.records - q.acceptedNoState.records,
      amount: Math.round((q.queue.amount - q.acceptedNoState.amount) * 100) / 100,
    }))
    .filter((r) => r.records > 0)
    .sort((a, b) => (a.q.oldestInDoubt ?? '\uffff').localeCompare(b.q.oldestInDoubt ?? '\uffff') || b.amount - a.amount);
  if (rows.length === 0) return `<p class="muted">${esc(t.nothingInDoubt)}</p>`;
  const body = rows
    .map(
      (r) =>
        `<tr><td class="num"><b>${esc(f.money(r.amount, r.q.currency))}</b></td><td class="num">${f.n(r.records)}</td><td class="num">${r.q.oldestInDoubt ? esc(f.date(r.q.oldestInDoubt, 'day')) : '—'}</td></tr>`,
    )
    .join('');
  return `<div class="scroll"><table><thead><tr><th class="num">${esc(t.amountInQueue)}</th><th class="num">${esc(t.records)}</th><th class="num">${esc(t.oldest)}</th></tr></thead><tbody>${body}</tbody></table></div>`;
}

/** Failures the merchant can prevent: their party is the merchant or the integration. */
function avoidable(fig: ReportFigures, t: ReportStrings, f: Fmt, lang: Lang): string {
  const byReason = new Map<string, number>();
  for (const g of fig.reasons) {
    for (const r of g.top) {
      if (r.outcome !== 'failed' || (r.party !== 'merchant' && r.party !== 'integration')) continue;
      byReason.set(r.unified, (byReason.get(r.unified) ?? 0) + r.count);
    }
  }
  const top = [...byReason].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5);
  if (top.length === 0) return `<p class="muted">${esc(t.noAvoidable)}</p>`;
  return `<ul class="todo">${top
    .map(([u, n]) => `<li><code>${esc(u)}</code> <b>${f.n(n)}</b><div class="hint">${esc(shortGuidance(u, lang))}</div></li>`)
    .join('')}</ul>`;
}

function whatFirst(fig: ReportFigures, t: ReportStrings, f: Fmt, lang: Lang): string {
  const u = fig.unmapped;
  const unmapped =
    u.distinct === 0
      ? `<p class="muted">${esc(t.noUnmapped)}</p>`
      : `<p>${esc(t.unmappedFirst(f.n(u.distinct), f.n(u.records)))}</p><ul class="todo">${u.codes
          .slice(0, 3)
          .map((c) => `<li>${esc(c.provider)} <code>${esc(c.code)}</code> <b>${f.n(c.count)}</b></li>`)
          .join('')}</ul><p><a href="#unmapped">${esc(t.unmappedTitle)} →</a></p>`;
  return `<div class="first">
<div class="card"><h3>1. ${esc(t.queryFirst)}</h3><p class="hint">${esc(t.queryFirstNote)}</p>${queryFirst(fig, t, f)}</div>
<div class="card"><h3>2. ${esc(t.unmappedTitle)}</h3>${unmapped}</div>
<div class="card"><h3>3. ${esc(t.avoidableTitle)}</h3><p class="hint">${esc(t.avoidableNote)}</p>${avoidable(fig, t, f, lang)}</div>
</div>`;
}

function noStateNote(fig: ReportFigures, t: ReportStrings, f: Fmt): string {
  const a = fig.acceptedNoState;
  if (a.records === 0) return '';
  const list = a.providers.map((p) => `${esc(p.provider)} <b>${f.n(p.records)}</b>`).join(' · ');
  return `<div class="card note" id="no-state"><h3>${esc(t.noStateTitle)}</h3><p>${esc(t.noStateNote(f.n(a.records)))}</p><p>${list}</p></div>`;
}

function inputTable(fig: ReportFigures, t: ReportStrings, f: Fmt): string {
  const i = fig.input;
  const rej = i.rejections
    .map(
      (r) =>
        `<tr><td><code>${esc(r.reason)}</code></td><td class="num">${f.n(r.count)}</td><td>${r.lines.map((l) => f.n(l)).join(', ')}</td></tr>`,
    )
    .join('');
  const summary = `<p>${esc(t.lines)} <b>${f.n(i.lines)}</b> = ${esc(t.records)} <b>${f.n(i.records)}</b> + ${esc(t.rejected)} <b>${f.n(i.rejected)}</b> + ${esc(t.blank)} <b>${f.n(i.blank)}</b> <span class="muted">(${esc(i.format.toUpperCase())}, ${esc(i.file)})</span></p>`;
  return rej
    ? `${summary}<table><thead><tr><th>${esc(t.rejection)}</th><th class="num">${esc(t.count)}</th><th>${esc(t.firstLines)}</th></tr></thead><tbody>${rej}</tbody></table>`
    : summary;
}

const CSS = `
:root{--fg:#1d232a;--muted:#66707a;--line:#e3e6ea;--bg:#f6f7f9;--card:#fff}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK TC","Noto Sans CJK SC","PingFang TC","Microsoft JhengHei",sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1080px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px}h3{font-size:15px;margin:0 0 8px}
.muted,.hint{color:var(--muted)}.hint{font-size:12px}
.kpis{display:grid;grid-template-columns:repeat(5,1fr);gap:12px;margin:16px 0}
.kpi,.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 14px}
.kpi .v{font-size:22px;font-weight:650}.kpi .l{color:var(--muted);font-size:12px}
.grid2{display:grid;grid-template-columns:minmax(0,1fr);gap:12px}.card{min-width:0}.card table{table-layout:auto}
table{width:100%;border-collapse:collapse;background:var(--card)}
th,td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{font-size:12px;color:var(--muted);font-weight:600}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.barcell{width:170px;padding-top:11px}.nowrap{white-space:nowrap}
.legend{list-style:none;padding:0;margin:6px 0 12px;display:flex;flex-wrap:wrap;gap:16px}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
.pill{color:#fff;border-radius:10px;padding:1px 8px;font-size:12px;white-space:nowrap}
.prov{display:grid;grid-template-columns:160px 1fr 90px;gap:10px;align-items:center;margin:4px 0}
svg.bar{display:block;border-radius:4px;overflow:hidden}
svg.chart .grid{stroke:var(--line)}svg.chart .axis{font-size:11px;fill:var(--muted)}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
q{quotes:"“" "”"}
footer{margin:32px 0 8px;color:var(--muted);font-size:12px}
.first{display:grid;grid-template-columns:minmax(0,1.4fr) minmax(0,1fr) minmax(0,1fr);gap:12px}.first .card{min-width:0}
.todo{margin:4px 0;padding-left:18px}.todo li{margin:4px 0}
.note{border-left:4px solid #7570b3;margin-top:12px}
nav.toc{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:8px 14px;margin:12px 0}
nav.toc ol{margin:4px 0;padding-left:20px;columns:2}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
a{color:#3b5bdb}
@media (max-width:960px){.first{grid-template-columns:1fr}}
@media (max-width:760px){main{padding:14px}.nowrap{white-space:normal}.kpis{grid-template-columns:repeat(2,1fr)}.barcell{display:none}.prov{grid-template-columns:90px 1fr 60px}nav.toc ol{columns:1}td,th{padding:5px 6px}}
`;

/** The whole report as one self-contained HTML page: inline CSS and SVG, no scripts, no network. */
export function renderHtml(fig: ReportFigures, lang: Lang = 'en'): string {
  const t = STRINGS[lang];
  const f = formatters(lang);
  const total = sum(fig.outcomes);
  const queue = fig.outcomes.pending + fig.outcomes.unknown;
  const share = (x: number) => f.pct(total === 0 ? 0 : x / total);
  const ts = fig.timeseries;
  const period =
    ts.from && ts.to && ts.bucket
      ? `${esc(f.date(ts.from, 'day'))} – ${esc(f.date(new Date(Date.parse(ts.to) - 1).toISOString(), 'day'))}`
      : '—';
  const kpi = (v: string, l: string) => `<div class="kpi"><div class="v">${v}</div><div class="l">${esc(l)}</div></div>`;
  const providers = fig.providers
    .map(
      (p) =>
        `<div class="prov"><div><b>${esc(p.provider)}</b></div>${stackedBar(p.outcomes, t, f, 640, 16)}<div class="num muted">${f.n(p.records)}</div></div>`,
    )
    .join('');

  return `<!doctype html>
<html lang="${esc(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(t.title)} · ${esc(fig.input.file)}</title>
<style>${CSS}</style>
</head>
<body><main>
<h1>${esc(t.title)}</h1>
<div class="muted">${esc(fig.input.file)} · ${esc(t.records)} ${f.n(fig.input.records)} · ${esc(t.period)} ${period}</div>
<nav class="toc"><b>${esc(t.contents)}</b><ol>
<li><a href="#first">${esc(t.firstTitle)}</a></li>
<li><a href="#outcomes">${esc(t.outcomeTitle)}</a></li>
<li><a href="#queue">${esc(t.queueTitle)}</a></li>
<li><a href="#series">${esc(t.seriesTitle)}</a></li>
<li><a href="#reasons">${esc(t.reasonsTitle)}</a></li>
<li><a href="#unmapped">${esc(t.unmappedTitle)}</a></li>
<li><a href="#input">${esc(t.inputTitle)}</a></li>
</ol></nav>
<section class="kpis">
${kpi(f.n(fig.input.records), t.records)}
${kpi(share(fig.outcomes.succeeded), t.succeededShare)}
${kpi(share(fig.outcomes.failed), t.failedShare)}
${kpi(share(queue), t.queueShare)}
${kpi(f.n(fig.unmapped.distinct), t.unmappedCodes)}
</section>

<h2 id="first">${esc(t.firstTitle)}</h2>
<p class="muted">${esc(t.firstNote)}</p>
${whatFirst(fig, t, f, lang)}
${noStateNote(fig, t, f)}

<h2 id="outcomes">${esc(t.outcomeTitle)}</h2>
<p class="muted">${esc(t.outcomeNote)}</p>
<div class="card">
<h3>${esc(t.overall)}</h3>
${stackedBar(fig.outcomes, t, f)}
${legend(fig.outcomes, t, f)}
<h3>${esc(t.byProvider)}</h3>
${providers}
</div>

<h2 id="queue">${esc(t.queueTitle)}</h2>
<p class="muted">${esc(t.queueNote)}</p>
${queueTable(fig, t, f)}

<h2 id="series">${esc(t.seriesTitle)}</h2>
<div class="card">${seriesChart(fig, t, f)}${legend(fig.outcomes, t, f)}</div>

<h2 id="reasons">${esc(t.reasonsTitle)}</h2>
<p class="muted">${esc(t.reasonsNote)}</p>
<div class="grid2">
${reasonBlocks(fig, t, f, lang)}
</div>

<h2 id="unmapped">${esc(t.unmappedTitle)}</h2>
<p class="muted">${esc(t.unmappedNote)}</p>
${unmappedTable(fig, t, f)}

<h2 id="input">${esc(t.inputTitle)}</h2>
${inputTable(fig, t, f)}
<footer>${esc(t.footer)}</footer>
</main></body>
</html>
`;
}
