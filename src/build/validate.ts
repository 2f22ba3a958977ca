import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { canonicalCode } from '../core/canonical.js';
import { type ProviderFile, providerSchema, type UnifiedFile, unifiedSchema } from './catalog-schema.js';
import { type CatalogPaths, type Problem, positionOf, providerFiles, readYaml, type YamlFile } from './load.js';

export interface LoadedCatalog {
  providers: { file: YamlFile; data: ProviderFile }[];
  unified: { file: YamlFile; data: UnifiedFile };
}

export interface ValidationResult {
  problems: Problem[];
  catalog?: LoadedCatalog;
  counts: { providers: number; entries: number; unified: number };
}

/**
 * A union (the envelope is a paragraph or a section) fails as one vague issue: report the issues of
 * the branch that got furthest, so the message names the field that is wrong.
 */
function unwrapUnions(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
    const depth = (branch: z.core.$ZodIssue[]) => Math.max(...branch.map((i) => i.path.length));
    const best = issue.errors.reduce((a, b) => (depth(b) > depth(a) ? b : a));
    return unwrapUnions(best.map((i) => ({ ...i, path: [...issue.path, ...i.path] })));
  });
}

function zodProblems(file: YamlFile, error: z.ZodError): Problem[] {
  return unwrapUnions(error.issues).map((issue) => {
    const pos = positionOf(file, issue.path);
    const where =
      issue.path.length > 0
        ? `${issue.path
            .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
            .join('')
            .replace(/^\./, '')}: `
        : '';
    return { file: file.display, line: pos.line, column: pos.column, message: `${where}${issue.message}` };
  });
}

/**
 * Reads and checks the whole catalog: the schema, then what a schema cannot say (unified codes
 * exist, codes are canonical, each entry's text stands verbatim on its source lines).
 */
/**
 * Paths of strings holding NUL: no SQL engine stores it in a text (the export would fail in
 * PostgreSQL and be cut in SQLite), so it is refused when the catalog compiles.
 */
function nulPaths(v: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (typeof v === 'string') {
    if (v.includes('\u0000')) out.push(path);
  } else if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) nulPaths(x, [...path, i], out);
  } else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) nulPaths(x, [...path, k], out);
  return out;
}

function nulProblems(file: YamlFile): Problem[] {
  return nulPaths(file.data).map((path) => {
    const pos = positionOf(file, path);
    return { file: file.display, line: pos.line, column: pos.column, message: `${path.join('.')}: the text holds a NUL character` };
  });
}

export function validateCatalog(paths: CatalogPaths): ValidationResult {
  const problems: Problem[] = [];
  const counts = { providers: 0, entries: 0, unified: 0 };

  const uRead = readYaml(join(paths.dir, 'unified.yaml'), paths.root);
  problems.push(...uRead.problems);
  let unified: LoadedCatalog['unified'] | undefined;
  if (uRead.file) {
    problems.push(...nulProblems(uRead.file));
    const parsed = unifiedSchema.safeParse(uRead.file.data);
    if (parsed.success) {
      unified = { file: uRead.file, data: parsed.data };
      counts.unified = Object.keys(parsed.data.codes).length;
      if (!parsed.data.codes.unmapped) {
        problems.push({ file: uRead.file.display, line: 1, column: 1, message: 'codes: the `unmapped` code is required' });
      }
    } else problems.push(...zodProblems(uRead.file, parsed.error));
  }

  const providers: LoadedCatalog['providers'] = [];
  const seenIds = new Set<string>();
  for (const path of providerFiles(paths.dir)) {
    const read = readYaml(path, paths.root);
    problems.push(...read.problems);
    counts.providers++;
    if (!read.file) continue;
    const file = read.file;
    problems.push(...nulProblems(file));
    const parsed = providerSchema.safeParse(file.data);
    if (!parsed.success) {
      problems.push(...zodProblems(file, parsed.error));
      continue;
    }
    const p = parsed.data;
    const at = (path: (string | number)[], message: string) => {
      const pos = positionOf(file, path);
      problems.push({ file: file.display, line: pos.line, column: pos.column, message });
    };
    const stem = basename(path).replace(/\.ya?ml$/, '');
    if (p.id !== stem) at(['id'], `id: the provider id "${p.id}" must match the file name "${stem}"`);
    if (seenIds.has(p.id)) at(['id'], `id: "${p.id}" is used by another provider file`);
    seenIds.add(p.id);

    const docPath = join(paths.root, p.source.document);
    const docLines = existsSync(docPath) ? readFileSync(docPath, 'utf8').split('\n') : undefined;
    if (!docLines) at(['source', 'document'], `source.document: ${p.source.document} does not exist`);

    const seen = new Map<string, number>();
    p.entries.forEach((e, i) => {
      const here = (key: string) => ['entries', i, key];
      if (unified && !unified.data.codes[e.unified])
        at(here('unified'), `entries[${i}].unified: "${e.unified}" is not in catalog/unified.yaml`);
      try {
        const c = canonicalCode(p.canonical, e.code);
        if (c !== e.code) at(here('code'), `entries[${i}].code: "${e.code}" is not canonical for ${p.id} (expected "${c}")`);
      } catch (err) {
        at(here('code'), `entries[${i}].code: ${(err as Error).message}`);
      }
      for (const l of Object.keys(e.messages)) {
        if (!p.languages.includes(l as never))
          at(
            ['entries', i, 'messages', l],
            `entries[${i}].messages.${l}: ${l} is not one of the provider's languages (${p.languages.join(', ')})`,
          );
      }
      // The same code may stand under several sections (scenes) of one source, with the same text.
      const key = `${e.flow}\u0000${e.scene ?? ''}\u0000${e.code}`;
      const prev = seen.get(key);
      if (prev !== undefined) {
        const a = JSON.stringify(p.entries[prev]?.messages);
        if (a === JSON.stringify(e.messages)) {
          at(
            here('code'),
            `entries[${i}]: ${e.code} under flow ${e.flow}${e.scene ? ` and scene ${e.scene}` : ''} repeats entries[${prev}] with the same text`,
          );
        }
      }
      seen.set(key, i);
      if (docLines) {
        const end = e.source.end ?? e.source.line;
        if (end < e.source.line || end > docLines.length) {
          at(
            ['entries', i, 'source'],
            `entries[${i}].source: lines ${e.source.line}-${end} are outside ${p.source.document} (${docLines.length} lines)`,
          );
        } else {
          const span = docLines.slice(e.source.line - 1, end).join(' ');
          if (!span.includes(e.code))
            at(
              ['entries', i, 'source', 'line'],
              `entries[${i}].source.line: code ${e.code} is not on line ${e.source.line} of ${p.source.document}`,
            );
          for (const field of ['messages', 'details'] as const) {
            for (const [l, t] of Object.entries(e[field] ?? {})) {
              if (!span.includes(t as string))
                at(
                  ['entries', i, field, l],
                  `entries[${i}].${field}.${l}: the text is not verbatim on lines ${e.source.line}-${end} of ${p.source.document}`,
                );
            }
          }
        }
      }
      if (e.override && unified) {
        const u = unified.data.codes[e.unified];
        const o = e.override;
        const same = (k: 'outcome' | 'next' | 'party') => o[k] === undefined || (u !== undefined && o[k] === u[k]);
        if (u && same('outcome') && same('next') && same('party')) {
          at(['entries', i, 'override'], `entries[${i}].override: it repeats the unified default of ${e.unified}; remove it`);
        }
      }
    });
    if (typeof p.envelope !== 'string') {
      const env = p.envelope;
      const tableRef = (path: (string | number)[], name: string | undefined) => {
        if (name !== undefined && !Object.hasOwn(env.states, name))
          at(['envelope', ...path], `envelope.${path.join('.')}: "${name}" is not a table in envelope.states`);
      };
      tableRef(['mock', 'stateTable'], env.mock?.stateTable);
      tableRef(['notification', 'typeState', 'table'], env.notification?.typeState?.table);
      tableRef(['records', 'state', 'table'], env.records?.state.table);
      for (const [name, t] of Object.entries(env.states)) tableRef(['states', name, 'overriddenBy', 'table'], t.overriddenBy?.table);
      if (env.notification?.asRecord && env.records === undefined)
        at(['envelope', 'notification', 'asRecord'], 'envelope.notification.asRecord: there are no envelope.records to read it like');
      if (env.mock && env.mock.operations === undefined && env.mock.actions === undefined)
        at(
          ['envelope', 'mock'],
          'envelope.mock: the mock needs operations (the endpoint of each call) or actions (the field that names it)',
        );
      const sig = env.signature;
      const needs: Record<string, ('header' | 'timestampHeader' | 'field')[]> = {
        'md5-body-key': ['header'],
        'hmac-sha256-timestamp-body': ['header', 'timestampHeader'],
        'sha256-secret-sorted-params': ['field'],
        'aes-md5-data': ['field'],
      };
      for (const k of sig ? (needs[sig.scheme] ?? []) : [])
        if (sig?.[k] === undefined) at(['envelope', 'signature'], `envelope.signature: scheme ${sig?.scheme} needs ${k}`);
    }
    if (typeof p.envelope !== 'string' && unified) {
      for (const [name, t] of Object.entries(p.envelope.states))
        for (const side of ['payment', 'refund'] as const)
          for (const [value, row] of Object.entries(t[side] ?? {}))
            if (!unified.data.codes[row.unified])
              at(
                ['envelope', 'states', name, side, value, 'unified'],
                `envelope.states.${name}.${side}.${value}.unified: "${row.unified}" is not in catalog/unified.yaml`,
              );
    }
    counts.entries += p.entries.length;
    providers.push({ file, data: p });
  }
  if (counts.providers === 0) problems.push({ file: 'catalog/providers', line: 1, column: 1, message: 'no provider files' });

  const catalog = unified && problems.length === 0 ? { providers, unified } : undefined;
  return { problems, catalog, counts };
}
