import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's layout; PG_BIN overrides it (CI or another version). */
const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export function postgresAvailable(): boolean {
  return ['initdb', 'pg_ctl', 'psql', 'postgres'].every((b) => existsSync(join(BIN, b)));
}

export interface Postgres {
  /** Runs SQL text, stopping at the first error; returns psql's output (CSV with `csv`). */
  psql(sql: string, opts?: { csv?: boolean }): string;
  /** Writes a file the server's user can read (for psql's `\copy`); returns its path. */
  put(name: string, content: string | Buffer): string;
  stop(): void;
}

/**
 * A private PostgreSQL for one test file: initdb in a temp folder, a Unix socket there and a
 * random port, no TCP listener. PostgreSQL refuses to run as root, so under root the server runs
 * as the `postgres` user (the Debian package creates it).
 */
export function startPostgres(): Postgres {
  const dir = mkdtempSync(join(tmpdir(), 'paycodes-pg-'));
  const asRoot = process.getuid?.() === 0;
  let uid = 0;
  let gid = 0;
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    uid = id('-u');
    gid = id('-g');
    chownSync(dir, uid, gid);
  }
  const run = (bin: string, args: string[], input?: string): string => {
    const cmd = asRoot ? 'runuser' : join(BIN, bin);
    const full = asRoot ? ['-u', 'postgres', '--', join(BIN, bin), ...args] : args;
    return execFileSync(cmd, full, { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'], cwd: dir, maxBuffer: 1 << 28 });
  };
  const data = join(dir, 'data');
  const port = 20_000 + Math.floor(Math.random() * 30_000);
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'paycodes', '-E', 'UTF8', '--locale=C', '--no-sync']);
  run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses='' -c fsync=off`, 'start']);
  let n = 0;
  const put = (name: string, content: string | Buffer): string => {
    const file = join(dir, name);
    writeFileSync(file, content);
    if (asRoot) chownSync(file, uid, gid);
    return file;
  };
  return {
    put,
    psql(sql, opts = {}) {
      const file = put(`q${n++}.sql`, sql);
      const args = ['-h', dir, '-p', String(port), '-U', 'paycodes', '-d', 'postgres', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', file];
      if (opts.csv) args.push('--csv');
      return run('psql', args);
    },
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
