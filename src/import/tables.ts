import { type GridRow, LineCursor, trim } from './grid.js';

/**
 * The importer's one CSV/TSV reader (RFC 4180: quoted cells may hold the delimiter, doubled
 * quotes and line breaks). Kept in one function so it can give way to the shared record reader.
 */
export function parseDelimited(text: string, delimiter: ',' | '\t'): GridRow[] {
  const lines = new LineCursor(text);
  const rows: GridRow[] = [];
  let cells: string[] = [];
  let cur = '';
  let quoted = false;
  // Whether the current cell is still only spaces: a quote there opens a quoted cell.
  let blank = true;
  let rowStart = 0;
  let i = 0;
  const endRow = (endOffset: number) => {
    cells.push(cur);
    cur = '';
    if (cells.some((c) => trim(c) !== '')) {
      const line = lines.at(rowStart);
      const last = lines.at(Math.max(rowStart, endOffset));
      const row: GridRow = { cells: cells.map(trim), line };
      if (last > line) row.end = last;
      rows.push(row);
    }
    cells = [];
  };
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  rowStart = i;
  for (; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cur += '"';
          i++;
        } else quoted = false;
      } else cur += ch;
    } else if (ch === '"' && blank) {
      quoted = true;
      blank = false;
      cur = '';
    } else if (ch === delimiter) {
      cells.push(cur);
      cur = '';
      blank = true;
    } else if (ch === '\n' || ch === '\r') {
      endRow(i - 1);
      if (ch === '\r' && text[i + 1] === '\n') i++;
      rowStart = i + 1;
      blank = true;
    } else {
      cur += ch;
      if (ch !== ' ' && ch !== '\t') blank = false;
    }
  }
  if (cur !== '' || cells.length > 0) endRow(text.length - 1);
  return rows;
}
