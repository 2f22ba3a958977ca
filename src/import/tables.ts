import { parseCsv } from '../io/csv.js';
import { type GridRow, trim } from './grid.js';

/**
 * A CSV or TSV table in a document, read with the shared RFC 4180 reader (quoted cells may hold the
 * delimiter, doubled quotes and line breaks). Cells are trimmed, rows with no text are dropped, and
 * a row whose quoted cells span lines records the line it ends on.
 */
export function parseDelimited(text: string, delimiter: ',' | ';' | '\t'): GridRow[] {
  // Lines are counted at LF, as the catalog validator counts them: CRLF becomes LF, a lone CR stays text.
  const lf = text.includes('\r') ? text.replace(/\r\n/g, '\n') : text;
  const rows: GridRow[] = [];
  // A document is read whole: it is small, and no row is too long to keep.
  for (const r of parseCsv(lf, { delimiter, maxRecord: Buffer.byteLength(lf) + 1 })) {
    const cells = r.fields.map(trim);
    if (!cells.some((c) => c !== '')) continue;
    const row: GridRow = { cells, line: r.line };
    let breaks = 0;
    for (const f of r.fields) for (let i = f.indexOf('\n'); i >= 0; i = f.indexOf('\n', i + 1)) breaks++;
    if (breaks > 0) row.end = r.line + breaks;
    rows.push(row);
  }
  return rows;
}
