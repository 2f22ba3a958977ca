import { decodeEntities, plain, strictCode } from './cells.js';
import type { FoundGrid } from './document.js';
import { type GridRow, LineCursor, trim } from './grid.js';
import { Outline } from './outline.js';

/**
 * Every `<table>` and `<dl>` of an HTML page, in one forward scan: tags are found with indexOf,
 * comments, scripts and styles are skipped whole, and an unclosed `<` ends the scan instead of
 * being searched for again (each of those was a way to make the old regexes quadratic).
 * Nested tables, rowspan and colspan are kept; headings set the section of the tables below.
 */

interface Cell {
  html: string;
  header: boolean;
  rowspan: number;
  colspan: number;
}

interface Table {
  rows: { cells: Cell[]; line: number; end: number }[];
  row?: { cells: Cell[]; line: number; end: number };
  cell?: Cell;
  caption: string;
  inCaption: boolean;
  section?: string;
  /** The open sections where the table starts (see `Outline`). */
  trail: readonly number[];
  from: number;
}

function attr(tag: string, name: string): number {
  const m = new RegExp(`\\b${name}\\s{0,3}=\\s{0,3}["']?(\\d{1,4})`, 'i').exec(tag);
  const n = m ? Number(m[1]) : 1;
  return n >= 1 && n <= 1000 ? n : 1;
}

function tableGrid(t: Table, to: number): FoundGrid | undefined {
  // Spread rowspan/colspan so every row has its cells in the right columns.
  const spans: { text: string; left: number }[] = [];
  const out: GridRow[] = [];
  for (const r of t.rows) {
    const cells: string[] = [];
    const raw: string[] = [];
    const spanned: boolean[] = [];
    let col = 0;
    let headerCells = 0;
    const place = () => {
      while (spans[col] && (spans[col] as { left: number }).left > 0) {
        const s = spans[col] as { text: string; left: number };
        cells[col] = s.text;
        raw[col] = '';
        spanned[col] = true;
        s.left--;
        col++;
      }
    };
    for (const c of r.cells) {
      place();
      const text = cellText(c.html);
      if (c.header) headerCells++;
      for (let k = 0; k < c.colspan; k++) {
        cells[col] = k === 0 ? text : '';
        raw[col] = k === 0 ? trim(c.html) : '';
        if (c.rowspan > 1) spans[col] = { text, left: c.rowspan - 1 };
        col++;
      }
    }
    place();
    if (cells.length === 0) continue;
    for (let k = 0; k < cells.length; k++) if (cells[k] === undefined) cells[k] = '';
    const row: GridRow = { cells, raw, line: r.line };
    if (spanned.length > 0) row.spanned = spanned;
    if (r.end > r.line) row.end = r.end;
    // A first row of titles set in bold `<td>` cells (`<td><b>Status</b></td>`) heads the table as `<th>` would.
    const boldTitles =
      out.length === 0 && r.cells.length >= 2 && r.cells.every((c) => /^\s*<(b|strong)>[^<]{1,80}<\/\1>\s*$/i.test(c.html));
    if (headerCells === r.cells.length || boldTitles) row.header = true;
    // One cell across the columns (`<td colspan="4"><b>Approved</b></td>`) heads the rows under it.
    else if (r.cells.length === 1 && (r.cells[0] as { colspan: number }).colspan >= 2) row.label = true;
    out.push(row);
  }
  if (out.length === 0) return undefined;
  const g: FoundGrid = { kind: 'html', rows: out, from: t.from, to };
  const firstHeader = out[0]?.header ? out.shift() : undefined;
  if (firstHeader) g.header = firstHeader.cells;
  if (t.section !== undefined) g.section = t.section;
  const cap = plain(t.caption);
  if (cap) g.caption = cap;
  return g;
}

/**
 * A cell's text; a `<br>` is a space, unless it stands between codes (`BR1220<br>BR1230`): then the
 * cell lists them, as `BR1220, BR1230` would.
 */
function cellText(html: string): string {
  const lines = html.split(/<br\s{0,4}\/?>/i);
  if (lines.length >= 2 && lines.length <= 20) {
    const codes = lines.map((l) => plain(l));
    if (codes.every((c) => strictCode(c) && /\d/.test(c))) return codes.join(', ');
  }
  return plain(lines.join(' '));
}

/**
 * A term that gives a number and a name (`616 ERROR_INVALID_CREDENTIALS`, `613 / 636 ERROR_…`,
 * `ERROR_DUPLICATE (624)`): the number is the code, the name goes beside it.
 */
function termParts(term: string): [code: string, name?: string] {
  const after = /^(\d{1,8}(?:\s?[/,]\s?\d{1,8}){0,4})(?:[ \t]*[-–:][ \t]*|[ \t]+)([A-Z][A-Z0-9_]{2,63})$/.exec(term);
  if (after) return [after[1] as string, after[2] as string];
  const before = /^([A-Z][A-Z0-9_]{2,63})\s?\((\d{1,8})\)$/.exec(term);
  if (before) return [before[2] as string, before[1] as string];
  return [term];
}

/** Where `</name` next starts, case-insensitively, scanning each `</` once. */
function closingTag(text: string, name: string, from: number): number {
  for (let p = text.indexOf('</', from); p >= 0; p = text.indexOf('</', p + 2)) {
    if (text.slice(p + 2, p + 2 + name.length).toLowerCase() === name) return p;
  }
  return -1;
}

export function findHtmlGrids(text: string): FoundGrid[] {
  const lines = new LineCursor(text);
  const grids: FoundGrid[] = [];
  const stack: Table[] = [];
  const outline = new Outline();
  let section: string | undefined;
  let heading: { start: number; level: string } | undefined;
  let dl: { rows: GridRow[]; term?: string; termLine: number; from: number; trail: readonly number[]; section?: string } | undefined;
  let dlText: { kind: 'dt' | 'dd'; start: number; line: number } | undefined;
  let i = 0;
  let gt = -1;
  const textInto = (from: number, to: number) => {
    const top = stack[stack.length - 1];
    if (!top) return;
    const s = text.slice(from, to);
    if (top.inCaption) top.caption += s;
    else if (top.cell) top.cell.html += s;
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    textInto(i, lt);
    if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      if (close < 0) break;
      i = close + 3;
      continue;
    }
    if (gt < lt) gt = text.indexOf('>', lt);
    if (gt < 0) break;
    const tag = text.slice(lt, gt + 1);
    const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9]{0,15})/.exec(tag);
    if (!m) {
      textInto(lt, lt + 1);
      i = lt + 1;
      continue;
    }
    const closing = m[1] === '/';
    const name = (m[2] as string).toLowerCase();
    i = gt + 1;
    if (!closing && (name === 'script' || name === 'style' || name === 'textarea')) {
      const close = closingTag(text, name, i);
      if (close < 0) break;
      i = close;
      continue;
    }
    const top = stack[stack.length - 1];
    const line = lines.at(lt);
    if (/^h[1-6]$/.test(name)) {
      if (!closing) heading = { start: i, level: name };
      else if (heading) {
        section = plain(text.slice(heading.start, lt));
        outline.heading(section, Number(heading.level.slice(1)));
        heading = undefined;
      }
      continue;
    }
    switch (name) {
      case 'table':
        if (!closing)
          stack.push({
            rows: [],
            caption: '',
            inCaption: false,
            ...(section !== undefined ? { section } : {}),
            trail: outline.where(),
            from: line,
          });
        else if (top) {
          if (top.row) top.rows.push(top.row);
          stack.pop();
          const g = tableGrid(top, line);
          if (g) {
            outline.place(g, top.trail);
            grids.push(g);
          }
          // An inner table's text stays out of the outer cell.
        }
        break;
      case 'caption':
        if (top) top.inCaption = !closing;
        break;
      case 'tr':
        if (!top) break;
        if (top.row) top.rows.push(top.row);
        top.row = closing ? undefined : { cells: [], line, end: line };
        top.cell = undefined;
        break;
      case 'td':
      case 'th':
        if (!top) break;
        if (closing) {
          top.cell = undefined;
          if (top.row) top.row.end = line;
          break;
        }
        if (!top.row) top.row = { cells: [], line, end: line };
        top.cell = { html: '', header: name === 'th', rowspan: attr(tag, 'rowspan'), colspan: attr(tag, 'colspan') };
        top.row.cells.push(top.cell);
        top.row.end = line;
        break;
      case 'br':
        if (top?.cell) top.cell.html += '<br>';
        break;
      case 'dl':
        if (!closing) dl = { rows: [], termLine: line, from: line, trail: outline.where(), ...(section !== undefined ? { section } : {}) };
        else if (dl) {
          if (dl.rows.length > 0) {
            const g: FoundGrid = { kind: 'deflist', rows: dl.rows, from: dl.from, to: line, codeColumn: 0 };
            if (dl.section !== undefined) g.section = dl.section;
            outline.place(g, dl.trail);
            grids.push(g);
          }
          dl = undefined;
        }
        break;
      case 'dt':
      case 'dd':
        if (!dl) break;
        if (!closing) dlText = { kind: name, start: i, line };
        else if (dlText) {
          const body = plain(decodeEntities(text.slice(dlText.start, lt)));
          if (name === 'dt') {
            dl.term = body;
            dl.termLine = dlText.line;
          } else if (dl.term !== undefined) {
            const [code, name] = termParts(dl.term);
            const cells = name === undefined ? [code, body] : [code, body, name];
            dl.rows.push({ cells, line: dl.termLine, ...(line > dl.termLine ? { end: line } : {}) });
          }
          dlText = undefined;
        }
        break;
      default:
        if (top?.cell) top.cell.html += tag;
    }
  }
  // Tables left open at the end of the page still count.
  while (stack.length > 0) {
    const top = stack.pop() as Table;
    if (top.row) top.rows.push(top.row);
    const g = tableGrid(top, lines.at(text.length));
    if (g) {
      outline.place(g, top.trail);
      grids.push(g);
    }
  }
  outline.setFlows();
  outline.qualifySections();
  return grids.sort((a, b) => a.from - b.from);
}
