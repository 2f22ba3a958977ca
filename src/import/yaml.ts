import { Document } from 'yaml';
import type { DraftEntry, ImportResult } from './import.js';

export interface DraftYamlOptions {
  /** Path of the stored source document, relative to the repository root, as `source.document`. */
  document: string;
  /** The source document's text: each message is checked to stand verbatim on its lines. */
  text?: string;
  /** YYYY-MM-DD; defaults to today. */
  retrieved?: string;
}

/** Pad width and case rule that fit every imported code (a guess for a person to confirm). */
function canonicalGuess(entries: DraftEntry[]): { width: number; case: 'upper' | 'preserve' } {
  const codes = entries.map((e) => e.code);
  const digits = codes.filter((c) => /^\d+$/.test(c));
  let width = 0;
  if (digits.length === codes.length && digits.some((c) => c.startsWith('0') && c.length > 1)) {
    const lens = new Set(digits.map((c) => c.length));
    if (lens.size === 1) width = digits[0]?.length ?? 0;
  }
  const lettered = codes.filter((c) => /[a-z]/i.test(c));
  const upper = lettered.length > 0 && lettered.every((c) => c === c.toUpperCase());
  return { width, case: upper ? 'upper' : 'preserve' };
}

/**
 * A draft provider file in the catalog format, built as a YAML document (every value is a node,
 * so a path or text holding a line break cannot add keys). Every `unified` is the classifier's
 * suggestion and says so in `notes`; provider facts are placeholders to fill in.
 */
export function toDraftYaml(result: ImportResult, options: DraftYamlOptions): string {
  const lines = options.text?.split('\n');
  const onLines = (e: DraftEntry, t: string) => {
    if (!lines) return true;
    return lines
      .slice(e.source.line - 1, e.source.end ?? e.source.line)
      .join(' ')
      .includes(t);
  };
  const seen = new Set<string>();
  const languages = new Set<string>();
  const entries: Record<string, unknown>[] = [];
  for (const e of result.entries) {
    const s = e.suggestion;
    const messages: Record<string, string> = {};
    const notes: string[] = [];
    for (const [tag, t] of Object.entries(e.messages)) {
      // The catalog keeps texts as written: the cell with its markup when the clean text is not on the line.
      const raw = e.raw?.[tag];
      if (onLines(e, t)) messages[tag] = t;
      // The catalog reads a multi-line entry as its lines joined by spaces.
      else if (t.includes('\n') && onLines(e, t.replace(/\n/g, ' '))) messages[tag] = t.replace(/\n/g, ' ');
      else if (raw !== undefined && onLines(e, raw)) messages[tag] = raw;
      else notes.push(`${tag}: ${t}`);
    }
    if (Object.keys(messages).length === 0) {
      // A code with no text of its own (a bare list of codes): the code is what the source says.
      messages[result.languages[0] ?? 'en'] = e.code;
      notes.push('No text in the source for this code.');
    }
    // Details stand on the entry's lines too, or they are notes.
    const details: Record<string, string> = {};
    for (const [tag, t] of Object.entries(e.details ?? {})) {
      if (onLines(e, t)) details[tag] = t;
      else notes.push(`${tag}: ${t}`);
    }
    const key = `${e.flow}\u0000${e.code}\u0000${JSON.stringify(messages)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const l of Object.keys(messages)) languages.add(l);
    const entry: Record<string, unknown> = { code: e.code, flow: e.flow };
    if (e.scene) entry.scene = e.scene;
    entry.messages = messages;
    if (Object.keys(details).length > 0) entry.details = details;
    entry.source = e.source.end !== undefined ? { line: e.source.line, end: e.source.end } : { line: e.source.line };
    entry.unified = s.unified;
    entry.notes = [
      `REVIEW: classifier suggestion ${s.unified} (${s.outcome}/${s.next}, party ${s.party}), confidence ${s.confidence.toFixed(2)}${
        s.evidence.length > 0 ? `; evidence: ${s.evidence.slice(0, 3).join('; ')}` : ''
      }.`,
      ...(e.section ? [`Section: ${e.section}`] : []),
      ...e.notes,
      ...notes,
    ].join('\n');
    entries.push(entry);
  }
  const provider = {
    id: result.provider,
    name: `TODO ${result.provider}`,
    region: ['TODO'],
    docs: 'https://example.com/TODO',
    languages: [...languages].length > 0 ? [...languages] : ['en'],
    canonical: canonicalGuess(result.entries),
    envelope: 'TODO: how the provider reports request acceptance and transaction state.',
    source: { document: options.document, url: 'https://example.com/TODO' },
    retrieved: options.retrieved ?? new Date().toISOString().slice(0, 10),
    entries,
  };
  const doc = new Document(provider);
  doc.commentBefore = [
    ' yaml-language-server: $schema=../schema/provider.schema.json',
    ` DRAFT from \`paycodes import\` of ${JSON.stringify(options.document)}. Fill in the TODO provider facts and review`,
    ' every entry: `unified` values are classifier suggestions (see each `notes`), not curated decisions.',
  ].join('\n');
  return doc.toString({ lineWidth: 0 });
}
