import { stat } from 'node:fs/promises';
import type { Lang } from '../core/types.js';
import { Aggregator } from './aggregate.js';
import type { ReportFigures } from './figures.js';
import { renderHtml } from './html.js';
import { writeFileAtomic } from './output.js';
import { Progress } from './progress.js';
import { guessFormat, type LogFormat, openLog, readLog } from './read.js';

export interface ReportOptions {
  file: string;
  format?: LogFormat;
  html?: string;
  lang?: Lang;
  /** Draw a progress bar on stderr (the CLI passes true only when stderr is a TTY). */
  progress?: boolean;
}

/** Reads the log once and returns its figures; writes the HTML page too when asked. */
export async function buildReport(o: ReportOptions): Promise<ReportFigures> {
  const format = o.format ?? guessFormat(o.file);
  const size = o.file === '-' ? undefined : (await stat(o.file)).size;
  const agg = new Aggregator(o.file, format);
  const bar = o.progress ? Progress.forStderr(size) : undefined;
  try {
    await readLog(openLog(o.file), format, agg, bar ? (b, r) => bar.update(b, r) : undefined);
  } finally {
    bar?.done();
  }
  const figures = agg.figures();
  if (o.html !== undefined) await writeFileAtomic(o.html, renderHtml(figures, o.lang ?? 'en'));
  return figures;
}
