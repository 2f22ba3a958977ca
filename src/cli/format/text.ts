/** Terminal text helpers that know CJK characters take two columns. */

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

const ANSI = /\x1b\[[0-9;]*m/g;

/** Columns the text takes in a terminal, ignoring colour codes. */
export function width(text: string): number {
  let w = 0;
  for (const ch of text.replace(ANSI, '')) w += isWide(ch.codePointAt(0) as number) ? 2 : 1;
  return w;
}

export function padEnd(text: string, cols: number): string {
  const w = width(text);
  return w >= cols ? text : text + ' '.repeat(cols - w);
}

/** Cuts plain (uncoloured) text to `cols` columns, marking the cut with an ellipsis. */
export function truncate(text: string, cols: number): string {
  if (cols <= 0) return '';
  if (width(text) <= cols) return text;
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = isWide(ch.codePointAt(0) as number) ? 2 : 1;
    if (w + cw > cols - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

/** One line of provider text: newlines and runs of spaces folded to one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface Column {
  header: string;
  /** The last column may be cut to fit the terminal; the others are kept whole. */
  flex?: boolean;
}

/**
 * A plain text table: columns padded to their widest cell, two spaces apart. When `maxWidth` is
 * given (a terminal), the flexible column is cut so rows do not wrap; in a pipe nothing is cut.
 */
export function table(columns: Column[], rows: string[][], opts: { maxWidth?: number; style?: (s: string) => string } = {}): string {
  const widths = columns.map((c, i) => Math.max(width(c.header), ...rows.map((r) => width(r[i] ?? ''))));
  const flex = columns.findIndex((c) => c.flex);
  if (opts.maxWidth !== undefined && flex >= 0) {
    const fixed = widths.reduce((a, w, i) => (i === flex ? a : a + w + 2), 0);
    widths[flex] = Math.max(12, Math.min(widths[flex] as number, opts.maxWidth - fixed));
  }
  const line = (cells: string[], style?: (s: string) => string): string =>
    cells
      .map((cell, i) => {
        const w = widths[i] as number;
        const text = i === flex && width(cell) > w ? truncate(cell, w) : cell;
        const padded = i === cells.length - 1 ? text : padEnd(text, w);
        return style ? style(padded) : padded;
      })
      .join('  ')
      .trimEnd();
  const head = line(
    columns.map((c) => c.header),
    opts.style,
  );
  return [head, ...rows.map((r) => line(r))].join('\n');
}

/** Terminal width when stdout is a terminal; undefined for pipes and files, which are never cut. */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number } = process.stdout): number | undefined {
  return stream.isTTY && stream.columns ? stream.columns : undefined;
}

/**
 * Wraps text to `cols` columns: between words for latin text, between any two characters for CJK,
 * which has no spaces. Existing newlines are kept.
 */
export function wrap(text: string, cols: number): string[] {
  if (cols < 20) return text.split('\n');
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    let w = 0;
    for (const piece of para.match(/\S+\s*|\s+/g) ?? ['']) {
      const pw = width(piece.trimEnd());
      if (w + pw <= cols || w === 0) {
        if (pw > cols) {
          // A piece longer than the line (CJK runs, URLs): split it by columns.
          for (const ch of piece) {
            const cw = width(ch);
            if (w + cw > cols && line.trim() !== '') {
              out.push(line.trimEnd());
              line = '';
              w = 0;
            }
            line += ch;
            w += cw;
          }
          continue;
        }
        line += piece;
        w += width(piece);
      } else {
        out.push(line.trimEnd());
        line = piece;
        w = width(piece);
      }
    }
    out.push(line.trimEnd());
  }
  return out;
}
