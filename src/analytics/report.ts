import type { Lang } from '../core/types.js';
import { Progress } from '../io/progress.js';
import type { RecordFields } from '../io/records.js';
import { checkOutput, writeFileAtomic } from '../io/sink.js';
import { formatFromPath, isStdin } from '../io/source.js';
import { Aggregator } from './aggregate.js';
import type { ReportFigures } from './figures.js';
import { renderHtml } from './html.js';
import { type LogFormat, readLog } from './read.js';

export interface ReportOptions {
  file: string;
  format?: LogFormat;
  fields?: Partial<RecordFields>;
  html?: string;
  lang?: Lang;
  /** Draw a progress bar on stderr (only when stderr is a terminal). */
  progress?: boolean;
}

/** Reads the log once and returns its figures; writes the HTML page too when asked. */
export async function buildReport(o: ReportOptions): Promise<ReportFigures> {
  if (o.html !== undefined) await checkOutput(o.html);
  const agg = new Aggregator(isStdin(o.file) ? '-' : o.file, o.format ?? formatFromPath(o.file) ?? 'ndjson');
  let bar: Progress | undefined;
  try {
    const opts: Parameters<typeof readLog>[2] = {
      onBytes: (b, r, size) => {
        bar ??= Progress.forStderr(size || undefined, o.progress === true);
        bar?.update(b, r);
      },
    };
    if (o.format !== undefined) opts.format = o.format;
    if (o.fields !== undefined) opts.fields = o.fields;
    await readLog(o.file, agg, opts);
  } finally {
    bar?.done();
  }
  const figures = agg.figures();
  if (o.html !== undefined) await writeFileAtomic(o.html, renderHtml(figures, o.lang ?? 'en'));
  return figures;
}
