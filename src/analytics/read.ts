import { STATE_ALIASES } from '../batch/csv.js';
import { DEFAULT_FIELDS, type RecordFields, RecordReader } from '../io/records.js';
import { formatFromPath, openInput, type RecordFormat, sniff } from '../io/source.js';
import type { Aggregator } from './aggregate.js';

export type LogFormat = RecordFormat;

/** The fields the report reads besides the decision's inputs; any others are ignored. */
const EXTRA = ['amount', 'currency', 'ts', 'id'] as const;

/** Report fields: the defaults, with the providers' own state names tried when `state` is absent. */
export function reportFields(given: Partial<RecordFields> = {}): RecordFields {
  const f: RecordFields = { ...DEFAULT_FIELDS, ...given };
  if (f.stateAliases === undefined && f.state === DEFAULT_FIELDS.state) f.stateAliases = STATE_ALIASES;
  return f;
}

export interface ReadResult {
  format: LogFormat;
  bytes: number;
  records: number;
}

/**
 * Streams a log (a file, or stdin for `-`) into the aggregator once, through the shared record
 * layer: the format comes from `format`, else the extension, else the first bytes (so
 * `cat log.csv | paycodes report -` reads CSV). `onBytes` is told how far it got, for progress.
 */
export async function readLog(
  file: string,
  agg: Aggregator,
  opts: { format?: LogFormat; fields?: Partial<RecordFields>; onBytes?: (bytes: number, records: number, size: number) => void } = {},
): Promise<ReadResult> {
  const { chunks, size } = await openInput(file);
  let reader: RecordReader | undefined;
  let format: LogFormat = opts.format ?? formatFromPath(file) ?? 'ndjson';
  let bytes = 0;
  const fields = reportFields(opts.fields);
  const handler = {
    record: (line: number, rec: Record<string, unknown>) => void agg.add(line, rec),
    reject: (line: number, reason: Parameters<Aggregator['reject']>[1]) => agg.reject(line, reason),
    blank: () => agg.blank(),
  };
  try {
    for await (const chunk of chunks) {
      if (reader === undefined) {
        format = opts.format ?? formatFromPath(file) ?? sniff(chunk);
        reader = new RecordReader(format, fields, EXTRA, handler);
        agg.format = format;
      }
      reader.push(chunk);
      bytes += chunk.length;
      opts.onBytes?.(bytes, reader.records, size);
    }
    reader?.end();
  } finally {
    await chunks.return(undefined);
  }
  return { format, bytes, records: reader?.records ?? 0 };
}
