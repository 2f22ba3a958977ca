import { type Lang, OUTCOMES } from '../core/types.js';
import { printable } from '../io/printable.js';
import { Progress } from '../io/progress.js';
import { AtomicFileSink, checkOutput, cleanUpOnSignals, OutBuffer, type Sink, StdoutSink } from '../io/sink.js';
import { formatFromPath, openInput, type RecordFormat, sniff } from '../io/source.js';
import { CsvProcessor, DEFAULT_STATE_FIELD, STATE_ALIASES } from './csv.js';
import { Decider } from './decide.js';
import { type FieldNames, NdjsonProcessor } from './ndjson.js';
import { Tally } from './tally.js';

export type BatchFormat = RecordFormat;
export { formatFromPath };

export interface BatchOptions {
  /** A file path; `-` or undefined reads stdin. */
  input?: string;
  format?: BatchFormat;
  /** A file path; undefined writes stdout. */
  out?: string;
  /** The provider of records that have none. */
  provider?: string;
  fields?: Partial<FieldNames>;
  /** Also add the customer and merchant messages in this language. */
  lang?: Lang;
  /** Progress line on stderr (only sensible when stderr is a terminal). */
  progress?: boolean;
  /** Prefix CSV cells that start like a formula (= + - @ tab CR) with `'`. */
  csvSafe?: boolean;
  /** Called for each record that cannot be read. */
  onReject?: (line: number, message: string) => void;
}

export interface BatchSummary {
  format: BatchFormat;
  /** Records in: read + rejected. Blank lines are not records. */
  records: number;
  read: number;
  rejected: number;
  blank: number;
  outcomes: Record<(typeof OUTCOMES)[number], number>;
  /** `provider:code` → records, most frequent first. */
  unmapped: [string, number][];
  unmappedOther: number;
  bytesIn: number;
  bytesOut: number;
  seconds: number;
  recordsPerSecond: number;
  megabytesPerSecond: number;
  /** Peak resident set size of the process, in MB. */
  peakRssMB: number;
}

/**
 * Normalizes a whole NDJSON or CSV stream: one output record per input record, in order, with the
 * decision's fields added. Memory stays flat whatever the input size.
 */
export async function normalizeStream(opts: BatchOptions): Promise<BatchSummary> {
  const names: FieldNames = {
    provider: 'provider',
    code: 'code',
    flow: 'flow',
    message: 'message',
    state: DEFAULT_STATE_FIELD,
    ...opts.fields,
  };
  if (names.stateAliases === undefined && names.state === DEFAULT_STATE_FIELD) names.stateAliases = STATE_ALIASES;
  const { chunks, size: total } = await openInput(opts.input);
  if (opts.out !== undefined) await checkOutput(opts.out);
  const first = await chunks.next();
  const firstChunk = first.done ? Buffer.alloc(0) : first.value;
  const format = opts.format ?? formatFromPath(opts.input) ?? sniff(firstChunk);

  const out = new OutBuffer();
  const tally = new Tally(opts.onReject ?? (() => {}));
  const deciderFor = (eol: string) => {
    const o: ConstructorParameters<typeof Decider>[0] = { eol, csvSafe: opts.csvSafe === true };
    if (opts.provider !== undefined) o.provider = opts.provider;
    if (opts.lang !== undefined) o.lang = opts.lang;
    return new Decider(o);
  };
  const processor =
    format === 'csv'
      ? new CsvProcessor(deciderFor, out, tally, names, opts.provider !== undefined, opts.lang !== undefined, opts.csvSafe === true)
      : new NdjsonProcessor(deciderFor('\n'), out, tally, names);

  const started = process.hrtime.bigint();
  let bytesIn = 0;
  const progress = Progress.forStderr(total, opts.progress === true);
  // Nothing reaches the output file before the first chunk is processed, so a header problem
  // (a usage error) leaves no file behind.
  let sink: Sink | undefined;
  const openSink = async (): Promise<Sink> => (opts.out === undefined ? new StdoutSink() : await AtomicFileSink.open(opts.out));
  const stopSignals = opts.out === undefined ? undefined : cleanUpOnSignals();
  let ok = false;
  try {
    let chunk: Buffer | undefined = first.done ? undefined : firstChunk;
    while (chunk !== undefined) {
      bytesIn += chunk.length;
      processor.push(chunk);
      sink ??= await openSink();
      await sink.write(out.take());
      if (sink.closed) break;
      progress?.update(bytesIn, tally.records);
      const next = await chunks.next();
      chunk = next.done ? undefined : next.value;
    }
    processor.end();
    sink ??= await openSink();
    await sink.write(out.take());
    ok = true;
  } finally {
    progress?.done();
    if (sink) await sink.close(ok);
    stopSignals?.();
    await chunks.return(undefined);
  }

  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const outcomes = Object.fromEntries(OUTCOMES.map((o, i) => [o, tally.outcomes[i] ?? 0])) as BatchSummary['outcomes'];
  return {
    format,
    records: tally.records,
    read: tally.records - tally.rejected,
    rejected: tally.rejected,
    blank: tally.blank,
    outcomes,
    unmapped: [...tally.unmapped].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
    unmappedOther: tally.unmappedOther,
    bytesIn,
    bytesOut: out.bytes,
    seconds,
    recordsPerSecond: seconds > 0 ? Math.round(tally.records / seconds) : 0,
    megabytesPerSecond: seconds > 0 ? Math.round((bytesIn / 1e6 / seconds) * 10) / 10 : 0,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

/** The summary printed on stderr at the end of a run. */
export function formatSummary(s: BatchSummary): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const lines = [
    `paycodes normalize: ${n(s.records)} records (${s.format}) in ${s.seconds.toFixed(2)} s: ${n(s.recordsPerSecond)} records/s, ${s.megabytesPerSecond} MB/s, peak RSS ${s.peakRssMB} MB`,
    `  read ${n(s.read)}, rejected ${n(s.rejected)}${s.blank > 0 ? `, blank lines skipped ${n(s.blank)}` : ''}`,
    `  outcomes: ${OUTCOMES.map((o) => `${o} ${n(s.outcomes[o])}`).join(', ')}`,
  ];
  if (s.unmapped.length > 0) {
    // Provider and code come from the input: a terminal must not act on what they hold.
    const top = s.unmapped.slice(0, 10).map(([k, c]) => `${printable(k)} (${n(c)})`);
    const more = s.unmapped.length - top.length;
    lines.push(
      `  unmapped codes: ${top.join(', ')}${more > 0 ? `, and ${n(more)} more` : ''}${s.unmappedOther > 0 ? ` (+${n(s.unmappedOther)} records not itemised)` : ''}`,
    );
  }
  return lines.join('\n');
}
