import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { PaycodesInputError } from '../core/errors.js';

export type RecordFormat = 'ndjson' | 'csv';

const CHUNK = 1 << 20;

const EXTENSIONS: Record<string, RecordFormat> = {
  '.csv': 'csv',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.json': 'ndjson',
  '.ldjson': 'ndjson',
};

/** The format from a file extension (`data.csv`, `log.ndjson`, `log.jsonl`), if it tells. */
export function formatFromPath(path: string | undefined): RecordFormat | undefined {
  if (path === undefined || path === '-') return undefined;
  const ext = extname(path.endsWith('.gz') ? path.slice(0, -3) : path).toLowerCase();
  return Object.hasOwn(EXTENSIONS, ext) ? EXTENSIONS[ext] : undefined;
}

/**
 * For stdin and unknown extensions: NDJSON when a line among the first ones starts with `{` (so a
 * broken first line does not turn a log into CSV), otherwise CSV.
 */
export function sniff(first: Buffer): RecordFormat {
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
export async function* readFileChunks(path: string): AsyncGenerator<Buffer> {
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

/**
 * Chunks of stdin. The chunks are copies the consumer may keep; file chunks are reused buffers,
 * so consumers copy what they keep in both cases.
 */
export async function* readStdinChunks(): AsyncGenerator<Buffer> {
  for await (const chunk of process.stdin) yield typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
}

export function isStdin(path: string | undefined): boolean {
  return path === undefined || path === '-';
}

/**
 * Checks an input path before anything is written: a missing file or a folder is a usage error
 * (`paycodes: …`, exit 2). Returns the size in bytes.
 */
export async function checkInput(path: string): Promise<number> {
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

/** The chunks of a file, or of stdin for `-`/undefined, after checking the path. */
export async function openInput(path: string | undefined): Promise<{ chunks: AsyncGenerator<Buffer>; size: number }> {
  if (isStdin(path)) return { chunks: readStdinChunks(), size: 0 };
  const size = await checkInput(path as string);
  return { chunks: readFileChunks(path as string), size };
}
