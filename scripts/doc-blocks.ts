// The code blocks of the README and the guides, and what each one promises. Every fenced block
// carries a marker on the line before it:
//   <!-- run -->           a console block: each `$ command` line is run and the output below it is
//                          the command's real output (`npm run docs` rewrites it; the docs test and
//                          `npm run docs -- --check` fail when it drifts);
//   <!-- run: server -->   the same, with `paycodes serve` running on 127.0.0.1:8787 for the commands;
//   <!-- test -->          a code block (ts, js, sh) that the docs test runs and that must succeed;
//   <!-- illustrative -->  shown, not run: the reader's own setup, long-running commands, sketches
//                          (`<!-- illustrative: why -->` may say where it is tested instead).
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The hand-written pages: the README and the guides (generated pages have no examples to run). */
export function guides(root = process.cwd()): string[] {
  const docs = readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md') && f !== 'taxonomy.md')
    .map((f) => `docs/${f}`);
  return ['README.md', ...docs.sort()];
}

export type Marker = 'run' | 'run: server' | 'test' | 'illustrative';
export const MARKERS: readonly Marker[] = ['run', 'run: server', 'test', 'illustrative'];

export interface Block {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  marker: Marker | undefined;
  body: string;
  /** Character offsets of the body in the file text, for rewriting it. */
  start: number;
  end: number;
}

const FENCE = /^(```+|~~~+)([^\n`]*)$/;

/** Every fenced block of a markdown text, with the marker on the line above it (if any). */
export function blocks(file: string, text: string): Block[] {
  const out: Block[] = [];
  const lines = text.split('\n');
  let offset = 0;
  const starts: number[] = [];
  for (const l of lines) {
    starts.push(offset);
    offset += l.length + 1;
  }
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] as string);
    if (!open) continue;
    const fence = open[1] as string;
    let j = i + 1;
    while (j < lines.length && !(lines[j] as string).startsWith(fence)) j++;
    let k = i - 1;
    while (k >= 0 && (lines[k] as string).trim() === '') k--;
    const m = k >= 0 ? /^<!--\s*(run: server|run|test|illustrative)(?::[^>]*?)?\s*-->$/.exec((lines[k] as string).trim()) : null;
    const start = (starts[i + 1] as number) ?? text.length;
    const end = j < lines.length ? (starts[j] as number) : text.length;
    out.push({
      file,
      line: i + 1,
      lang: (open[2] as string).trim(),
      marker: m ? (m[1] as Marker) : undefined,
      body: text.slice(start, end),
      start,
      end,
    });
    i = j;
  }
  return out;
}

/** The `$ command` lines of a run block, each with the output shown under it. */
export function commands(body: string): { command: string; shown: string }[] {
  const out: { command: string; shown: string }[] = [];
  for (const line of body.split('\n')) {
    if (line.startsWith('$ ')) out.push({ command: line.slice(2), shown: '' });
    else if (out.length > 0) (out.at(-1) as { shown: string }).shown += `${line}\n`;
  }
  for (const c of out) c.shown = c.shown.replace(/\n+$/, '\n').replace(/^\n$/, '');
  return out;
}

const PORT_IN_DOCS = '8787';

/** Runs one documented command in the repository, `paycodes` being the built binary. */
export function runCommand(root: string, command: string, port?: number): string {
  const bin = `node ${JSON.stringify(join(root, 'bin', 'paycodes.js'))}`;
  let cmd = command.replace(/(^|[|;&(]\s*)paycodes(?=\s)/g, `$1${bin}`);
  if (port !== undefined) cmd = cmd.replaceAll(`127.0.0.1:${PORT_IN_DOCS}`, `127.0.0.1:${port}`);
  let out: string;
  try {
    out = execFileSync('bash', ['-o', 'pipefail', '-c', cmd], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', COLUMNS: '100', TZ: 'UTC', LANG: 'C.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    });
  } catch (e) {
    const err = e as { status?: number; stdout?: string; stderr?: string };
    // A documented failure (exit 1 or 2) shows its stderr; anything else is a broken example.
    if (err.status === 1 || err.status === 2) out = `${err.stdout ?? ''}${err.stderr ?? ''}`;
    else throw new Error(`documented command failed: ${command}\n${err.stderr ?? e}`);
  }
  if (port !== undefined) out = out.replaceAll(`127.0.0.1:${port}`, `127.0.0.1:${PORT_IN_DOCS}`);
  return out.replace(/\n+$/, '\n');
}

/** Starts `paycodes serve` on a free port for the commands of a `run: server` block. */
export async function withServer<T>(root: string, fn: (port: number) => T | Promise<T>): Promise<T> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, [join(root, 'bin', 'paycodes.js'), 'serve', '--port', String(port)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'PAYCODES_API_KEY')),
  });
  try {
    const deadline = Date.now() + 20_000;
    for (;;) {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (r.ok) break;
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) throw new Error('paycodes serve did not start for the docs');
      await new Promise((r) => setTimeout(r, 100));
    }
    return await fn(port);
  } finally {
    child.kill('SIGTERM');
  }
}

/** The text of a run block rebuilt from real runs. */
export function rerun(root: string, body: string, port?: number): string {
  return commands(body)
    .map((c) => `$ ${c.command}\n${runCommand(root, c.command, port)}`)
    .join('\n');
}

/** Rewrites every run block of a markdown file from real runs; returns the new text. */
export async function refresh(root: string, rel: string): Promise<string> {
  const text = readFileSync(join(root, rel), 'utf8');
  const list = blocks(rel, text).filter((b) => b.marker === 'run' || b.marker === 'run: server');
  if (list.length === 0) return text;
  const bodies = new Map<Block, string>();
  const plain = list.filter((b) => b.marker === 'run');
  for (const b of plain) bodies.set(b, rerun(root, b.body));
  const served = list.filter((b) => b.marker === 'run: server');
  if (served.length > 0) {
    await withServer(root, (port) => {
      for (const b of served) bodies.set(b, rerun(root, b.body, port));
    });
  }
  let out = '';
  let at = 0;
  for (const b of list) {
    out += text.slice(at, b.start) + (bodies.get(b) as string);
    at = b.end;
  }
  return out + text.slice(at);
}
