import type { CatalogEntry } from '../../catalog/api.js';
import { type UnifiedCode, unifiedReading } from '../../catalog/unified.js';
import type { Decision, Flow, Lang } from '../../core/types.js';
import { type Colors, outcomeColor } from './color.js';
import { oneLine, padEnd, wrap } from './text.js';

const LABEL = 10;

function row(c: Colors, label: string, value: string): string {
  // A label as long as the column still needs a space before its value ("On payment unknown").
  return `  ${c.dim(label.length >= LABEL ? `${label} ` : padEnd(label, LABEL))}${value}`;
}

/** Continuation lines of a multi-line value line up under the first. */
/** A labelled value; wrapped to `maxWidth` in a terminal, left whole in a pipe. */
function rows(c: Colors, label: string, value: string, maxWidth?: number): string[] {
  const lines = maxWidth ? wrap(value, maxWidth - LABEL - 2) : value.split('\n');
  return lines.map((l, i) => (i === 0 ? row(c, label, l) : row(c, '', l)));
}

/** `failed · ask_customer · customer`, the outcome coloured. */
export function verdict(c: Colors, d: { outcome: string; next: string; party: string }): string {
  return `${outcomeColor(c, d.outcome)(d.outcome)} ${c.dim('·')} ${c.bold(d.next)} ${c.dim('·')} ${d.party}`;
}

function sourceLine(d: Decision): string | undefined {
  const s = d.source;
  if (!s) return undefined;
  const parts = [s.line !== undefined ? `${s.document}:${s.line}` : s.document];
  if (s.scene) parts.push(`scene ${oneLine(s.scene)}`);
  if (s.flow && s.flow !== 'any') parts.push(`flow ${s.flow}`);
  return parts.join(' · ');
}

function providerTexts(c: Colors, d: Decision): string[] {
  const msgs = d.source?.messages ?? {};
  const out: string[] = [];
  for (const [lang, text] of Object.entries(msgs)) {
    out.push(row(c, out.length === 0 ? 'Provider' : '', `${oneLine(text)} ${c.dim(`[${lang}]`)}`));
  }
  return out;
}

/** The `paycodes explain` card. */
export function renderDecision(d: Decision, c: Colors, maxWidth?: number): string {
  const lines: string[] = [];
  lines.push(`${c.bold(c.cyan(d.provider))} ${c.bold(d.code)}  ${c.dim(`flow ${d.flow}`)}`);
  lines.push(`  ${verdict(c, d)}`);
  lines.push(
    `  ${c.bold(d.unified)} ${c.dim('·')} ${d.category} ${c.dim('·')} disclosure ${d.disclosure} ${c.dim('·')} confidence ${d.confidence}`,
  );
  lines.push('');
  lines.push(...rows(c, 'Customer', d.message.customer, maxWidth));
  lines.push(...rows(c, 'Merchant', d.message.merchant, maxWidth));
  lines.push('');
  if (d.known) {
    lines.push(...providerTexts(c, d));
    const src = sourceLine(d);
    if (src) lines.push(row(c, 'Source', src));
  } else {
    lines.push(row(c, 'Catalog', `${c.yellow('not in the catalog')}: paycodes does not know ${d.code} for ${d.provider}.`));
    lines.push(row(c, '', 'Treat the money as in doubt: query the order before acting on it.'));
  }
  if (d.reason) lines.push(...rows(c, 'Why', d.reason, maxWidth));
  if (d.evidence && d.evidence.length > 0) {
    lines.push(row(c, 'Evidence', d.evidence.map((e) => `${e.kind} ${e.detail}`).join('; ')));
  }
  const alts = d.alternatives ?? [];
  if (alts.length > 0) {
    lines.push('');
    lines.push(`  ${c.bold('Other readings')} ${c.dim('(give --flow or the provider message to choose; the safest is shown above)')}`);
    for (const a of alts) {
      lines.push(
        `    ${c.bold(a.unified)}  ${verdict(c, a)}${a.source?.flow && a.source.flow !== 'any' ? c.dim(`  flow ${a.source.flow}`) : ''}`,
      );
      const text = Object.values(a.source?.messages ?? {})
        .map(oneLine)
        .join(' / ');
      const src = sourceLine(a);
      if (text) lines.push(`      ${text}${src ? c.dim(`  (${src})`) : ''}`);
      if (a.reason) lines.push(`      ${c.dim(a.reason)}`);
    }
  }
  return lines.join('\n');
}

/** An entry's provider text, preferring the requested language. */
export function entryText(e: CatalogEntry, lang: Lang): string {
  const m = e.messages;
  return oneLine(
    m[lang] ?? (lang === 'zh-Hans' ? m['zh-Hant'] : lang === 'zh-Hant' ? m['zh-Hans'] : undefined) ?? Object.values(m)[0] ?? '',
  );
}

/** The `paycodes unified <code>` card, without the side-by-side table. */
export function renderUnified(u: UnifiedCode, c: Colors, langs: readonly Lang[], maxWidth?: number): string {
  const lines: string[] = [];
  lines.push(`${c.bold(c.cyan(u.code))}  ${c.dim(u.category)}`);
  lines.push(`  ${verdict(c, u)} ${c.dim('·')} disclosure ${u.disclosure}`);
  if (u.description) lines.push(`  ${u.description}`);
  const flows = Object.entries(u.flows);
  if (flows.length > 0) {
    lines.push('');
    for (const [flow, p] of flows) {
      const v = unifiedReading(u.code, flow as Flow);
      if (!p || !v) continue;
      lines.push(row(c, `On ${flow}`, `${verdict(c, v)}`));
      lines.push(row(c, '', c.dim(p.reason)));
    }
  }
  lines.push('');
  for (const l of langs) {
    const m = u.messages[l];
    lines.push(...rows(c, `Customer`, `${m.customer} ${c.dim(`[${l}]`)}`, maxWidth));
    lines.push(...rows(c, `Merchant`, `${m.merchant} ${c.dim(`[${l}]`)}`, maxWidth));
  }
  const eq = u.equivalents;
  const eqParts: string[] = [];
  if (eq.iso8583?.length) eqParts.push(`ISO 8583 ${eq.iso8583.join(', ')}`);
  if (eq.stripe?.length) eqParts.push(`Stripe ${eq.stripe.join(', ')}`);
  if (eq.visa !== undefined) eqParts.push(`Visa category ${eq.visa}`);
  if (eq.activemerchant) eqParts.push(`ActiveMerchant ${eq.activemerchant}`);
  if (eqParts.length > 0) {
    lines.push('');
    lines.push(row(c, 'Same as', eqParts.join(' · ')));
  }
  return lines.join('\n');
}
