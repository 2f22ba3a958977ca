import { codeLike, codeText } from './cells.js';
import { type GridRow, trim } from './grid.js';
import { headerRole, type Role } from './header-roles.js';

/** A header of more lines than this is prose, not column titles. */
const MAX_COLUMNS = 6;
/** Column titles are short: a few words. */
const MAX_TITLE = 30;

export interface BlockTable {
  header: string[];
  rows: GridRow[];
  codeColumn: number;
  /** The index of the first line after the table. */
  next: number;
}

/** A column title: short, a few words, with a role its words name. */
function titleRole(line: string): Role | undefined {
  if (line.length > MAX_TITLE || line.split(' ').length > 4) return undefined;
  return headerRole(line);
}

function blank(line: string | undefined): boolean {
  return line === undefined || trim(line) === '';
}

/**
 * A table copied from a page that draws its rows as cards: one cell per line, under a header of as
 * many lines (`Code` / `HTTP status` / `Description`), each row in a block of its own between blank
 * lines, or all rows one after another. The header must name a code column and a text column, and
 * every row must hold a code in that column; the table ends at the first block that does not fit.
 * Undefined where line `start` opens no such header.
 */
export function readBlockTable(lines: readonly string[], start: number): BlockTable | undefined {
  if (start > 0 && !blank(lines[start - 1])) return undefined;
  const header: string[] = [];
  const roles: Role[] = [];
  let i = start;
  for (; i < lines.length && header.length <= MAX_COLUMNS && !blank(lines[i]); i++) {
    const t = trim(lines[i] as string);
    const role = titleRole(t);
    if (role === undefined) break;
    header.push(t);
    roles.push(role);
  }
  const width = header.length;
  const codeColumn = roles.indexOf('code');
  if (width < 2 || width > MAX_COLUMNS || codeColumn < 0) return undefined;
  if (!roles.some((r) => r === 'message' || r === 'description' || r === 'solution')) return undefined;
  const fits = (cells: readonly string[]) => codeLike(codeText(cells[codeColumn] ?? ''));
  const rows: GridRow[] = [];
  if (!blank(lines[i])) {
    // The rows follow the header with no blank line: cut the run into rows of `width` lines.
    let end = i;
    while (end < lines.length && !blank(lines[end])) end++;
    if ((end - i) % width !== 0) return undefined;
    for (let k = i; k < end; k += width) {
      const cells = lines.slice(k, k + width).map((l) => trim(l));
      if (!fits(cells)) return undefined;
      rows.push({ cells, line: k + 1, end: k + width });
    }
    return rows.length >= 2 ? { header, rows, codeColumn, next: end } : undefined;
  }
  // A row per block, blank lines between.
  let next = i;
  for (;;) {
    let k = next;
    while (k < lines.length && blank(lines[k])) k++;
    let end = k;
    while (end < lines.length && !blank(lines[end]) && end - k <= width) end++;
    if (end - k !== width || !blank(lines[end])) break;
    const cells = lines.slice(k, end).map((l) => trim(l));
    if (!fits(cells)) break;
    rows.push({ cells, line: k + 1, end });
    next = end;
  }
  return rows.length >= 2 ? { header, rows, codeColumn, next } : undefined;
}
