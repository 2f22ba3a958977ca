// Shared helpers for the benchmark sections: child processes, peak RSS, medians, result rows.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/**
 * Where the built package is measured from. run.mjs points this at a snapshot of dist/ taken when
 * the run starts (bench/.cache/pkg-<pid>), so a rebuild during a long run cannot pull files out from under it.
 */
export const PKG = process.env.PAYCODES_BENCH_PKG ?? ROOT;
export const DIST = join(PKG, 'dist');
export const BIN = join(PKG, 'bin', 'paycodes.js');
export const CACHE = join(ROOT, 'bench', '.cache');
/** Preloaded into measured children so they report their own peak RSS on exit. */
export const RSS_HOOK = join(ROOT, 'bench', 'rss-hook.mjs');

/** One figure in results.json. `met` is null when the figure has no target. */
export function row(section, name, value, unit, extra = {}) {
  const r = {
    section,
    name,
    value,
    unit,
    baseline: extra.baseline ?? null,
    baselineValue: extra.baselineValue ?? null,
    ratio: Number.isFinite(extra.ratio) ? extra.ratio : null,
    target: extra.target ?? null,
    met: extra.met ?? null,
  };
  if (extra.note) r.note = extra.note;
  return r;
}

/** A row with no figure: a skipped or failed section still shows in the table, with why. */
export function blankRow(section, name) {
  return { section, name, value: null, unit: null, baseline: null, baselineValue: null, ratio: null, target: null, met: null };
}

export function skipped(section, name, reason) {
  return { ...blankRow(section, name), skipped: reason };
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function round(x, digits = 2) {
  if (x === null || x === undefined || !Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function machine() {
  const c = cpus();
  return {
    cpu: c[0]?.model ?? 'unknown',
    cores: c.length,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    memoryMB: Math.round(Number(readFileSync('/proc/meminfo', 'utf8').match(/MemTotal:\s+(\d+)/)?.[1] ?? 0) / 1024) || null,
    date: new Date().toISOString(),
  };
}

/**
 * Why a paycodes command cannot be measured, or null when it can. The placeholders print "not
 * built yet" and exit 2; anything else that fails `--help` is reported as it is.
 */
export function commandMissing(name) {
  const r = spawnSync(process.execPath, [BIN, name, '--help'], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
  const text = `${r.stdout}${r.stderr}`;
  if (/not built yet/.test(text)) return `paycodes ${name} is not built yet`;
  if (r.status !== 0)
    return `paycodes ${name} --help exited ${r.status}: ${
      text
        .trim()
        .split('\n')
        .find((l) => /Error|error/.test(l)) ?? text.trim().split('\n')[0]
    }`;
  return null;
}

export function commandBuilt(name) {
  return commandMissing(name) === null;
}

/** A free loopback port, for children that must be told which port to take. */
export function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

/**
 * Runs a child to completion and measures wall time and peak RSS. The child is started with
 * `--import rss-hook.mjs`, which writes `process.resourceUsage().maxRSS` to a file on exit, so the
 * peak is exact rather than sampled. Rejects when the child exceeds `timeoutMs`.
 */
export function runMeasured(args, { timeoutMs = 600_000, env = {}, stdoutFile } = {}) {
  const rssFile = join(tmpdir(), `paycodes-bench-rss-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  return new Promise((res, rej) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', RSS_HOOK, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env, PAYCODES_BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
      stdio: ['ignore', stdoutFile ?? 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => {
      if (stdout.length < 1 << 20) stdout += d;
    });
    child.stderr.on('data', (d) => {
      if (stderr.length < 1 << 20) stderr += d;
    });
    // /proc sampling is the fallback when the hook could not write (e.g. the child crashed).
    let sampledKB = 0;
    const poll = setInterval(() => {
      try {
        const m = readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/);
        if (m) sampledKB = Math.max(sampledKB, Number(m[1]));
      } catch {}
    }, 50);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rej(new Error(`timed out after ${timeoutMs} ms: ${args.join(' ')}`));
    }, timeoutMs);
    child.on('error', rej);
    child.on('close', (code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      let peakKB = sampledKB;
      if (existsSync(rssFile)) {
        peakKB = Number(readFileSync(rssFile, 'utf8')) || sampledKB;
        rmSync(rssFile, { force: true });
      }
      res({ code, signal, wallMs, peakMB: peakKB / 1024, stdout, stderr });
    });
  });
}

/**
 * Starts a long-running child (a server) and resolves once `url` answers. Its output goes to a
 * file, as a server's log would in production: drained through a pipe it would be read by this
 * process, which is also the load generator, and every log line would slow the client down.
 */
export async function startServer(args, url, { env = {}, timeoutMs = 20_000 } = {}) {
  const logFile = join(tmpdir(), `paycodes-bench-server-${process.pid}-${Math.random().toString(36).slice(2)}.log`);
  const fd = openSync(logFile, 'w');
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, NO_COLOR: '1' },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  // Kept only up to 64 KB, for error messages.
  const output = () => {
    try {
      return readFileSync(logFile, 'utf8').slice(0, 65_536);
    } catch {
      return '';
    }
  };
  const stop = () =>
    new Promise((res) => {
      const done = () => {
        rmSync(logFile, { force: true });
        res();
      };
      if (child.exitCode !== null || child.signalCode !== null) return done();
      const hard = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(hard);
        done();
      });
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      const out = output();
      rmSync(logFile, { force: true });
      throw new Error(`server exited with ${child.exitCode}: ${out.slice(0, 500)}`);
    }
    try {
      const r = await fetch(url);
      await r.arrayBuffer();
      return { child, stop, output };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const out = output();
  await stop();
  throw new Error(`server did not answer ${url} within ${timeoutMs} ms: ${out.slice(0, 500)}`);
}

export function fmt(x) {
  if (x === null || x === undefined) return '—';
  if (typeof x !== 'number') return String(x);
  if (Math.abs(x) >= 1000) return Math.round(x).toLocaleString('en-US');
  if (Math.abs(x) >= 100) return x.toFixed(0);
  if (Math.abs(x) >= 10) return x.toFixed(1);
  return x.toFixed(2);
}
