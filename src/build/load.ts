import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { type Document, LineCounter, parseDocument } from 'yaml';

/** A parsed YAML file that can still say which line a value came from. */
export interface YamlFile {
  path: string;
  /** The path as shown in messages: relative to the catalog's parent directory. */
  display: string;
  doc: Document.Parsed;
  lines: LineCounter;
  data: unknown;
}

export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}

export function readYaml(path: string, root: string): { file?: YamlFile; problems: Problem[] } {
  const display = relative(root, path) || basename(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { problems: [{ file: display, line: 1, column: 1, message: `cannot read: ${(e as Error).message}` }] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [...doc.errors, ...doc.warnings].map((e) => {
    const pos = lines.linePos(e.pos[0]);
    return { file: display, line: pos.line, column: pos.col, message: e.message.split('\n')[0] ?? e.message };
  });
  if (doc.errors.length > 0) return { problems };
  return { file: { path, display, doc, lines, data: doc.toJS({ maxAliasCount: 100 }) }, problems };
}

/** Line and column of the value at `path`, or of its nearest parent that exists. */
export function positionOf(file: YamlFile, path: readonly PropertyKey[]): { line: number; column: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = file.doc.getIn(path.slice(0, n) as (string | number)[], true) as { range?: [number, number, number] } | undefined;
    const start = node?.range?.[0];
    if (typeof start === 'number') {
      const pos = file.lines.linePos(start);
      return { line: pos.line, column: pos.col };
    }
    // A missing key: point at the map that should hold it.
    if (n > 0 && n === path.length) continue;
  }
  return { line: 1, column: 1 };
}

export interface CatalogPaths {
  /** The folder holding providers/, unified.yaml and sources/. */
  dir: string;
  /** Where paths in messages and `source.document` are relative to (the repository root). */
  root: string;
}

export function providerFiles(dir: string): string[] {
  return readdirSync(join(dir, 'providers'))
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => join(dir, 'providers', f));
}
