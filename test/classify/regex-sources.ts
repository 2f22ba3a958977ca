import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface RegexSite {
  file: string;
  line: number;
  source: string;
  flags: string;
}

const SKIP = new Set(['node_modules', 'dist', 'data']);

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx|js|mjs|cjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/**
 * Every regular expression written in the source: literals, and `new RegExp(…)` / `RegExp(…)` with a
 * string literal. Patterns built from variables are not seen here; keep them out of src/ or build
 * them from literals that are.
 */
export function regexSites(root: string, dirs: readonly string[]): RegexSite[] {
  const sites: RegexSite[] = [];
  for (const dir of dirs) {
    for (const file of walk(join(root, dir))) {
      const text = readFileSync(file, 'utf8');
      const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
      const at = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
      const visit = (n: ts.Node): void => {
        if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
          const t = n.getText(sf);
          const end = t.lastIndexOf('/');
          sites.push({ file: relative(root, file), line: at(n), source: t.slice(1, end), flags: t.slice(end + 1) });
        } else if (
          (ts.isNewExpression(n) || ts.isCallExpression(n)) &&
          ts.isIdentifier(n.expression) &&
          n.expression.text === 'RegExp' &&
          n.arguments?.[0] &&
          ts.isStringLiteralLike(n.arguments[0])
        ) {
          const flags = n.arguments[1] && ts.isStringLiteralLike(n.arguments[1]) ? n.arguments[1].text : '';
          sites.push({ file: relative(root, file), line: at(n), source: n.arguments[0].text, flags });
        }
        ts.forEachChild(n, visit);
      };
      visit(sf);
    }
  }
  return sites;
}

/** Without a quantifier a pattern cannot backtrack more than its own length at each position. */
export function hasQuantifier(source: string): boolean {
  return /(?<!\\)[*+?{]/.test(source.replace(/\\\\/g, ''));
}
