import { randomBytes } from 'node:crypto';
import { createWriteStream, unlinkSync } from 'node:fs';
import { type FileHandle, open, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { PaycodesInputError } from '../core/errors.js';

const BLOCK = 4 << 20;

/**
 * Output bytes gathered into large blocks. The hot loop copies into the current block; after each
 * input chunk the filled part goes to the sink with `take()`. Two blocks take turns, so the block
 * a sink was writing is reused two `take()`s later, which is safe because sinks keep at most one
 * write in flight and `Sink.write` waits for the previous one. Reuse keeps the memory flat and
 * spares the page faults of fresh buffers; an overfull chunk spills into a one-off block.
 */
export class OutBuffer {
  private readonly blocks = [Buffer.allocUnsafeSlow(BLOCK), Buffer.allocUnsafeSlow(BLOCK)];
  private turn = 0;
  private buf = this.blocks[0] as Buffer;
  private pos = 0;
  private ready: Buffer[] = [];
  bytes = 0;

  private room(n: number): void {
    if (this.pos > 0) this.ready.push(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafeSlow(Math.max(BLOCK, n));
    this.pos = 0;
  }

  /** Appends src[s, e). */
  copy(src: Buffer, s: number, e: number): void {
    const n = e - s;
    if (this.pos + n > this.buf.length) this.room(n);
    if (n < 16) {
      // Tiny copies are cheaper in JS than through Buffer#copy's argument checks.
      const buf = this.buf;
      let p = this.pos;
      for (let i = s; i < e; i++) buf[p++] = src[i] as number;
    } else src.copy(this.buf, this.pos, s, e);
    this.pos += n;
    this.bytes += n;
  }

  put(src: Buffer): void {
    this.copy(src, 0, src.length);
  }

  /** The bytes written since the last call, valid until the call after next. */
  take(): Buffer[] {
    if (this.pos > 0) this.ready.push(this.buf.subarray(0, this.pos));
    const r = this.ready;
    this.ready = [];
    this.turn ^= 1;
    this.buf = this.blocks[this.turn] as Buffer;
    this.pos = 0;
    return r;
  }
}

export interface Sink {
  write(chunks: Buffer[]): Promise<void>;
  /** Finishes the output: `ok` false throws away a partial file. */
  close(ok: boolean): Promise<void>;
  /** Set when the reader went away (EPIPE): stop early, quietly. */
  readonly closed: boolean;
}

/** stdout with backpressure. A closed pipe (`| head`) ends the run quietly. */
export class StdoutSink implements Sink {
  closed = false;
  private readonly out: NodeJS.WriteStream;

  constructor(out: NodeJS.WriteStream = process.stdout) {
    this.out = out;
    out.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') this.closed = true;
      else throw e;
    });
  }

  private pending: Promise<void> = Promise.resolve();

  /** Resolves when the previous write is done; this one stays in flight (see OutBuffer). */
  async write(chunks: Buffer[]): Promise<void> {
    await this.pending;
    if (this.closed || chunks.length === 0) return;
    const data = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
    this.pending = new Promise<void>((resolve) => {
      // The callback comes once the bytes left this process (or failed: EPIPE sets `closed`).
      this.out.write(data, () => resolve());
    });
  }

  async close(): Promise<void> {
    await this.pending;
  }
}

/**
 * Writes to a temporary file beside the target and renames it into place at the end, so an
 * interrupted run never leaves a half-written output under the real name. One write is in flight
 * while the next block is being produced.
 */
export class AtomicFileSink implements Sink {
  closed = false;
  private pending: Promise<unknown> = Promise.resolve();
  private done = false;

  private constructor(
    private readonly fh: FileHandle,
    readonly temp: string,
    readonly target: string,
  ) {}

  static async open(target: string): Promise<AtomicFileSink> {
    await checkOutput(target);
    const temp = tempPath(target);
    const fh = await open(temp, 'wx', 0o644).catch((e) => {
      throw outputError(target, e);
    });
    const sink = new AtomicFileSink(fh, temp, target);
    liveTemps.add(temp);
    return sink;
  }

  async write(chunks: Buffer[]): Promise<void> {
    if (chunks.length === 0) return;
    await this.pending;
    this.pending = writeAll(this.fh, chunks);
  }

  async close(ok: boolean): Promise<void> {
    if (this.done) return;
    this.done = true;
    try {
      await this.pending;
    } finally {
      await this.fh.close();
    }
    if (ok) {
      await rename(this.temp, this.target).catch(async (e) => {
        await unlink(this.temp).catch(() => {});
        throw outputError(this.target, e);
      });
    } else await unlink(this.temp).catch(() => {});
    liveTemps.delete(this.temp);
  }
}

/** writev, finishing any partial write (a full disk reports one instead of failing at once). */
async function writeAll(fh: FileHandle, chunks: Buffer[]): Promise<void> {
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const { bytesWritten } = await fh.writev(chunks);
  if (bytesWritten === total) return;
  let skip = bytesWritten;
  for (const c of chunks) {
    if (skip >= c.length) {
      skip -= c.length;
      continue;
    }
    let off = skip;
    skip = 0;
    while (off < c.length) off += (await fh.write(c, off, c.length - off)).bytesWritten;
  }
}

/** Temp files of runs in progress, removed if the process is interrupted. */
const liveTemps = new Set<string>();

/** Removes in-progress temp files on Ctrl-C / SIGTERM, then exits the way a shell expects. */
export function cleanUpOnSignals(): () => void {
  const handler = (signal: NodeJS.Signals) => {
    for (const t of liveTemps) {
      try {
        // Synchronous: the process is about to exit.
        unlinkSync(t);
      } catch {}
    }
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

function tempPath(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * The one wording for an output path that cannot be written: a usage error (`paycodes: …`,
 * exit 2), never a stack trace. Commands outside the record layer (`import --out`,
 * `validate --dir`) can use it too.
 */
export function outputError(path: string, e: unknown): Error {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return new PaycodesInputError('output', `cannot write ${path}: no such directory: ${dirname(path)}`);
  if (code === 'EISDIR') return new PaycodesInputError('output', `cannot write ${path}: it is a directory`);
  if (code === 'ENOTDIR') return new PaycodesInputError('output', `cannot write ${path}: a part of the path is not a directory`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new PaycodesInputError('output', `cannot write ${path}: permission denied`);
  }
  if (code !== undefined) return new PaycodesInputError('output', `cannot write ${path}: ${code}`);
  return e instanceof Error ? e : new Error(String(e));
}

/** Fails early, before any work, when an output path cannot be a file. */
export async function checkOutput(path: string): Promise<void> {
  const st = await stat(path).catch(() => undefined);
  if (st?.isDirectory()) throw outputError(path, Object.assign(new Error('directory'), { code: 'EISDIR' }));
  const dir = await stat(dirname(path)).catch((e) => {
    throw outputError(path, e);
  });
  if (!dir.isDirectory()) throw outputError(path, Object.assign(new Error('not a directory'), { code: 'ENOTDIR' }));
}

/** Writes a whole file through a temp file and a rename, so readers never see half a file. */
export async function writeFileAtomic(file: string, data: string | Buffer): Promise<void> {
  await checkOutput(file);
  const tmp = tempPath(file);
  try {
    await writeFile(tmp, data, { flag: 'wx' });
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw outputError(file, e);
  }
}

/** Resolves when the stream can take more; rejects if it fails meanwhile (a closed pipe, a full disk). */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = () => {
      out.off('error', bad);
      resolve();
    };
    const bad = (e: Error) => {
      out.off('drain', ok);
      reject(e);
    };
    out.once('drain', ok);
    out.once('error', bad);
  });
}

async function pump(chunks: Iterable<string | Buffer>, out: Writable): Promise<void> {
  for (const c of chunks) {
    if (!out.write(c)) await drained(out);
  }
}

/**
 * Streams chunks to a file (temp file + rename) or to stdout, honouring backpressure so memory
 * stays flat however many chunks there are.
 */
export async function streamOut(chunks: Iterable<string | Buffer>, file: string | undefined): Promise<void> {
  if (file === undefined) {
    await pump(chunks, process.stdout);
    return;
  }
  await checkOutput(file);
  const tmp = tempPath(file);
  const out = createWriteStream(tmp, { flags: 'wx' });
  try {
    await pump(chunks, out);
    await new Promise<void>((resolve, reject) => {
      out.once('error', reject);
      out.end(resolve);
    });
    await rename(tmp, file);
  } catch (e) {
    out.destroy();
    await unlink(tmp).catch(() => {});
    throw outputError(file, e);
  }
}

/**
 * A reader that stops early (`paycodes export | head`) closes the pipe; like any Unix tool, stop
 * quietly instead of crashing on the EPIPE that the next write raises.
 */
export function quietOnClosedStdout(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    process.stderr.write(`paycodes: cannot write to stdout: ${e.message}\n`);
    process.exit(1);
  });
}
