import { createReadStream } from 'node:fs';
import { PaycodesInputError } from '../core/errors.js';
import type { Aggregator } from './aggregate.js';
import { CsvParser } from './csv.js';
import { LineSplitter } from './lines.js';

export type LogFormat = 'ndjson' | 'csv';

/** The columns the report reads; any others are ignored. */
const COLUMNS = ['provider', 'code', 'flow', 'message', 'amount', 'currency', 'ts'] as const;

/** `.csv` files are CSV; everything else is taken as NDJSON unless `--format` says otherwise. */
export function guessFormat(file: string): LogFormat {
  return /\.csv$/i.test(file) ? 'csv' : 'ndjson';
}

export function openLog(file: string): AsyncIterable<Buffer> {
  return file === '-' ? (process.stdin as AsyncIterable<Buffer>) : createReadStream(file, { highWaterMark: 1 << 20 });
}

/**
 * Streams a log into the aggregator once. `onBytes` is told how far it got, for the progress bar.
 */
export async function readLog(
  source: AsyncIterable<Buffer | string>,
  format: LogFormat,
  agg: Aggregator,
  onBytes?: (bytes: number, records: number) => void,
): Promise<void> {
  let bytes = 0;
  let records = 0;
  if (format === 'ndjson') {
    const splitter = new LineSplitter((line) => {
      records++;
      if (line.text === undefined) return agg.reject(line.number, line.problem ?? 'unreadable');
      if (line.text.trim() === '') return agg.blank();
      let v: unknown;
      try {
        v = JSON.parse(line.text);
      } catch {
        return agg.reject(line.number, 'invalid_json');
      }
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return agg.reject(line.number, 'not_object');
      agg.add(line.number, v as Record<string, unknown>);
    });
    for await (const chunk of source) {
      splitter.push(chunk);
      bytes += chunk.length;
      onBytes?.(bytes, records);
    }
    splitter.end();
    return;
  }

  let index: Map<string, number> | undefined;
  const parser = new CsvParser((r) => {
    if (index === undefined) {
      if (r.blank) return;
      index = new Map();
      r.fields.forEach((name, i) => {
        const n = name.trim().toLowerCase();
        if (!index?.has(n)) index?.set(n, i);
      });
      for (const need of ['provider', 'code']) {
        if (!index.has(need)) {
          throw new PaycodesInputError('header', `the CSV header has no \`${need}\` column (found: ${r.fields.slice(0, 20).join(', ')})`);
        }
      }
      return;
    }
    records++;
    if (r.blank) return agg.blank();
    if (r.problem) return agg.reject(r.line, r.problem);
    const rec: Record<string, unknown> = {};
    for (const c of COLUMNS) {
      const i = index.get(c);
      if (i !== undefined && i < r.fields.length) rec[c] = r.fields[i];
    }
    agg.add(r.line, rec);
  });
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of source) {
    parser.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    bytes += chunk.length;
    onBytes?.(bytes, records);
  }
  parser.push(decoder.decode());
  parser.end();
}
