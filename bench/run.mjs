// `npm run bench [-- --quick] [--only lookup,batch,classify,http,startup,size] [--out FILE] [--md] [--from FILE]`
// Runs every section against whatever is built, prints a table and writes bench/results.json.
// A section whose command is still a placeholder reports "skipped: <reason>" instead of a figure.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SECTIONS = ['lookup', 'batch', 'classify', 'http', 'startup', 'size'];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string', default: join(ROOT, 'bench', 'results.json') },
    // Rewrites the figures block of BENCHMARKS.md from this run, so the document holds real figures.
    md: { type: 'boolean', default: false },
    // Prints (and with --md writes) the figures of a saved run instead of measuring again.
    from: { type: 'string' },
  },
});
const quick = values.quick;
const only = values.only ? values.only.split(',').map((s) => s.trim()) : SECTIONS;
for (const s of only) {
  if (!SECTIONS.includes(s)) {
    process.stderr.write(`bench: unknown section ${s} (sections: ${SECTIONS.join(', ')})\n`);
    process.exit(2);
  }
}
const log = (s) => process.stderr.write(`${s}\n`);

const results = [];
const errors = [];
const { blankRow, fmt, machine } = await import('./lib.mjs');
let report;
if (values.from) {
  report = JSON.parse(readFileSync(resolve(values.from), 'utf8'));
  results.push(...report.results);
} else {
  // A fresh clone has no dist/: build it once, since every section measures the built package.
  if (!existsSync(join(ROOT, 'dist', 'index.js')) || !existsSync(join(ROOT, 'dist', 'cli.js'))) {
    log('bench: dist/ is missing, running npm run build …');
    const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }

  // Measure a snapshot of the build: the sections import lib.mjs only after PAYCODES_BENCH_PKG is set.
  // Its dist/ still resolves node_modules from the repository, two directories up.
  const snapshot = join(ROOT, 'bench', '.cache', `pkg-${process.pid}`);
  rmSync(snapshot, { recursive: true, force: true });
  process.on('exit', () => rmSync(snapshot, { recursive: true, force: true }));
  cpSync(join(ROOT, 'dist'), join(snapshot, 'dist'), { recursive: true, filter: (src) => !src.endsWith('.map') });
  cpSync(join(ROOT, 'bin'), join(snapshot, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(snapshot, 'package.json'));
  process.env.PAYCODES_BENCH_PKG = snapshot;

  const started = Date.now();
  for (const name of only) {
    log(`bench: ${name}${quick ? ' (quick)' : ''} …`);
    const t0 = Date.now();
    try {
      const mod = await import(`./${name}.mjs`);
      results.push(...(await mod[name]({ quick, log })));
    } catch (e) {
      errors.push({ section: name, error: String(e?.message ?? e) });
      results.push({ ...blankRow(name, `${name} section`), error: String(e?.message ?? e) });
      log(`bench: ${name} failed: ${e?.stack ?? e}`);
    }
    log(`bench: ${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }

  report = {
    machine: machine(),
    mode: quick ? 'quick' : 'full',
    command: `npm run bench${quick ? ' -- --quick' : ''}`,
    durationSeconds: Math.round((Date.now() - started) / 100) / 10,
    results,
  };
  mkdirSync(dirname(resolve(values.out)), { recursive: true });
  writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
}

const header = ['section', 'figure', 'value', 'baseline', 'ratio', 'target', 'met'];
const lines = results.map((r) => {
  if (r.skipped) return [r.section, r.name, `skipped: ${r.skipped}`, '', '', '', ''];
  if (r.error) return [r.section, r.name, `error: ${r.error.slice(0, 80)}`, '', '', '', ''];
  return [
    r.section,
    r.name,
    `${fmt(r.value)} ${r.unit}`,
    r.baselineValue === null ? '' : `${fmt(r.baselineValue)} (${r.baseline})`,
    r.ratio === null ? '' : `${fmt(r.ratio)}×`,
    r.target ?? '',
    r.met === null ? '' : r.met ? 'met' : 'MISSED',
  ];
});
const widths = header.map((h, i) => Math.min(70, Math.max(h.length, ...lines.map((l) => l[i].length))));
const cut = (s, w) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
const print = (cells) =>
  console.log(
    cells
      .map((c, i) => cut(c, widths[i]))
      .join('  ')
      .trimEnd(),
  );
const m = report.machine;
console.log(`paycodes bench (${report.mode}) · ${m.cpu} × ${m.cores} · node ${m.node} · ${m.date}`);
print(header);
print(widths.map((w) => '-'.repeat(w)));
for (const l of lines) print(l);
if (!values.from) console.log(`\nwrote ${resolve(values.out)} in ${report.durationSeconds} s`);

if (values.md) {
  const file = join(ROOT, 'docs', 'benchmarks.md');
  const start = '<!-- figures:start -->';
  const end = '<!-- figures:end -->';
  const doc = readFileSync(file, 'utf8');
  const a = doc.indexOf(start);
  const b = doc.indexOf(end);
  if (a === -1 || b < a) {
    process.stderr.write('bench: docs/benchmarks.md has no figures markers; not updated\n');
  } else {
    const cell = (x) => String(x).replaceAll('|', '\\|');
    const md = [
      `Run: \`${report.command}\` on ${m.date.slice(0, 10)} · ${m.cpu} × ${m.cores} cores · ${m.memoryMB} MB RAM · node ${m.node} · ${m.platform} · ${report.durationSeconds} s`,
      '',
      '| section | figure | value | baseline | ratio | target | met |',
      '|---|---|---:|---|---:|---|---|',
      ...lines.map((l) => `| ${l.map((c, i) => (i === 6 && c === 'MISSED' ? '**missed**' : cell(c))).join(' | ')} |`),
    ].join('\n');
    writeFileSync(file, `${doc.slice(0, a + start.length)}\n${md}\n${doc.slice(b)}`);
    process.stderr.write(`bench: updated the figures in ${file}\n`);
  }
}
if (errors.length > 0) process.exitCode = 1;
