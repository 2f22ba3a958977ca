import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { PaycodesInputError } from '../core/errors.js';
import { type Lang, OUTCOMES } from '../core/types.js';
import { CsvProcessor } from './csv.js';
import { Decider } from './decide.js';
import { type FieldNames, NdjsonProcessor } from './ndjson.js';
import { AtomicFileSink, cleanUpOnSignals, OutBuffer, type Sink, StdoutSink } from './output.js';
import { Tally } from './tally.js';

export type BatchFormat = 'ndjson' | 'csv';

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

const CHUNK = 1 << 20;

const EXTENSIONS: Record<string, BatchFormat> = {
  '.csv': 'csv',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.json': 'ndjson',
  '.ldjson': 'ndjson',
};

/** The format from a file extension (`data.csv`, `log.ndjson`, `log.jsonl`), if it tells. */
export function formatFromPath(path: string | undefined): BatchFormat | undefined {
  if (path === undefined || path === '-') return undefined;
  const ext = extname(path.endsWith('.gz') ? path.slice(0, -3) : path).toLowerCase();
  return Object.hasOwn(EXTENSIONS, ext) ? EXTENSIONS[ext] : undefined;
}

/**
 * For stdin and unknown extensions: NDJSON when a line among the first ones starts with `{` (so a
 * broken first line does not turn a log into CSV), otherwise CSV.
 */
function sniff(first: Buffer): BatchFormat {
  let i = first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf ? 3 : 0;
  let nonBlank = 0;
  for (let line = 0; line < 64 && i < first.length; line++) {
    while (i < first.length && (first[i] === 0x20 || first[i] === 0x09 || first[i] === 0x0d)) i++;
    if (first[i] === 0x7b) return 'ndjson';
    if (i < first.length && first[i] !== 0x0a) nonBlank++;
    const nl = first.indexOf(0x0a, i);
    if (nl < 0) break;
    i = nl + 1;
  }
  return nonBlank === 0 ? 'ndjson' : 'csv';
}

/** Reads a file in large chunks, the next read running while the current chunk is processed. */
async function* readFile(path: string): AsyncGenerator<Buffer> {
  const fh = await open(path, 'r');
  try {
    const bufs = [Buffer.allocUnsafeSlow(CHUNK), Buffer.allocUnsafeSlow(CHUNK)];
    let i = 0;
    let next = fh.read(bufs[0] as Buffer, 0, CHUNK, null);
    for (;;) {
      const { bytesRead } = await next;
      if (bytesRead === 0) return;
      const cur = bufs[i] as Buffer;
      i ^= 1;
      next = fh.read(bufs[i] as Buffer, 0, CHUNK, null);
      // A consumer that stops early must not leave a rejected read unobserved.
      next.catch(() => {});
      yield cur.subarray(0, bytesRead);
    }
  } finally {
    await fh.close();
  }
}

async function* readStdin(): AsyncGenerator<Buffer> {
  for await (const chunk of process.stdin) yield chunk as Buffer;
}

/** Checks the input path before anything is written: a missing file or a folder is a usage error. */
async function checkInput(path: string): Promise<number> {
  let st: Awaited<ReturnType<typeof stat>>;
  try {
    st = await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new PaycodesInputError('input', code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path}: ${(e as Error).message}`);
  }
  if (st.isDirectory()) throw new PaycodesInputError('input', `${path} is a directory; give a file, or - for stdin`);
  return st.size;
}

function mb(n: number): string {
  return (n / 1e6).toFixed(1);
}

/**
 * Normalizes a whole NDJSON or CSV stream: one output record per input record, in order, with the
 * decision's fields added. Memory stays flat whatever the input size.
 */
export async function normalizeStream(opts: BatchOptions): Promise<BatchSummary> {
  const names: FieldNames = { provider: 'provider', code: 'code', flow: 'flow', message: 'message', ...opts.fields };
  const fromStdin = opts.input === undefined || opts.input === '-';
  const total = fromStdin ? 0 : await checkInput(opts.input as string);
  const chunks = fromStdin ? readStdin() : readFile(opts.input as string);
  const first = await chunks.next();
  const firstChunk = first.done ? Buffer.alloc(0) : first.value;
  const format = opts.format ?? formatFromPath(opts.input) ?? sniff(firstChunk);

  const out = new OutBuffer();
  const tally = new Tally(opts.onReject ?? (() => {}));
  const deciderFor = (eol: string) => {
    const o: ConstructorParameters<typeof Decider>[0] = { eol };
    if (opts.provider !== undefined) o.provider = opts.provider;
    if (opts.lang !== undefined) o.lang = opts.lang;
    return new Decider(o);
  };
  const processor =
    format === 'csv'
      ? new CsvProcessor(deciderFor, out, tally, names, opts.provider !== undefined, opts.lang !== undefined)
      : new NdjsonProcessor(deciderFor('\n'), out, tally, names);

  const started = process.hrtime.bigint();
  let bytesIn = 0;
  let lastDraw = 0;
  const progress = opts.progress ? new Progress(total) : undefined;
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
      if (progress) {
        const now = Date.now();
        if (now - lastDraw > 200) {
          lastDraw = now;
          progress.draw(bytesIn, tally.records, started);
        }
      }
      const next = await chunks.next();
      chunk = next.done ? undefined : next.value;
    }
    processor.end();
    sink ??= await openSink();
    await sink.write(out.take());
    ok = true;
  } finally {
    progress?.clear();
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

/** One self-overwriting stderr line: bytes, records, rates. */
class Progress {
  constructor(private readonly total: number) {}

  draw(bytes: number, records: number, started: bigint): void {
    const secs = Math.max(0.001, Number(process.hrtime.bigint() - started) / 1e9);
    const rate = `${Math.round(records / secs).toLocaleString('en-US')} rec/s, ${mb(bytes / secs)} MB/s`;
    let bar = '';
    if (this.total > 0) {
      const share = Math.min(1, bytes / this.total);
      const filled = Math.round(share * 24);
      bar = `[${'#'.repeat(filled)}${'.'.repeat(24 - filled)}] ${String(Math.round(share * 100)).padStart(3)}% `;
    }
    process.stderr.write(`\r\x1b[K${bar}${mb(bytes)} MB, ${records.toLocaleString('en-US')} records, ${rate}`);
  }

  clear(): void {
    process.stderr.write('\r\x1b[K');
  }
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
    const top = s.unmapped.slice(0, 10).map(([k, c]) => `${k} (${n(c)})`);
    const more = s.unmapped.length - top.length;
    lines.push(
      `  unmapped codes: ${top.join(', ')}${more > 0 ? `, and ${n(more)} more` : ''}${s.unmappedOther > 0 ? ` (+${n(s.unmappedOther)} records not itemised)` : ''}`,
    );
  }
  return lines.join('\n');
}
