import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';

function tempPath(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Writes a whole file through a temp file and a rename, so readers never see half a file. */
export async function writeFileAtomic(file: string, data: string | Buffer): Promise<void> {
  const tmp = tempPath(file);
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
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
  const tmp = tempPath(file);
  const out = createWriteStream(tmp);
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
    throw e;
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
