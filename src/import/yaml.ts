import { stringify } from 'yaml';
import type { DraftEntry, ImportResult } from './import.js';

export interface DraftYamlOptions {
  /** Path of the source document, as it should appear in `source.document`. */
  document: string;
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
 * A draft provider file in the catalog format. Every `unified` is the classifier's suggestion and
 * says so in `notes`; provider facts are placeholders to fill in before the file is compiled.
 */
export function toDraftYaml(result: ImportResult, options: DraftYamlOptions): string {
  const provider = {
    id: result.provider,
    name: `TODO ${result.provider}`,
    region: ['TODO'],
    docs: 'https://example.com/TODO',
    languages: result.languages.length > 0 ? result.languages : ['en'],
    canonical: canonicalGuess(result.entries),
    envelope: 'TODO: how the provider reports request acceptance and transaction state.',
    source: { document: options.document, url: 'https://example.com/TODO' },
    retrieved: options.retrieved ?? new Date().toISOString().slice(0, 10),
    entries: result.entries.map((e) => {
      const s = e.suggestion;
      const entry: Record<string, unknown> = { code: e.code, flow: e.flow };
      if (e.scene) entry.scene = e.scene;
      entry.messages = e.messages;
      entry.source = e.source.end !== undefined ? { line: e.source.line, end: e.source.end } : { line: e.source.line };
      entry.unified = s.unified;
      entry.notes = `Classifier suggestion, review before use: ${s.unified} (${s.outcome}/${s.next}, party ${s.party}), confidence ${s.confidence.toFixed(2)}.`;
      return entry;
    }),
  };
  const header = [
    '# yaml-language-server: $schema=../schema/provider.schema.json',
    `# DRAFT from \`paycodes import\` of ${options.document}. Fill in the TODO provider facts and review every`,
    '# entry: `unified` values are classifier suggestions (see each `notes`), not curated decisions.',
  ].join('\n');
  return `${header}\n${stringify(provider, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' })}`;
}
