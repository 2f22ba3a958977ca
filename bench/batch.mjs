// Batch: `paycodes normalize` over a `paycodes sample` NDJSON log, against DuckDB joining the
// exported mapping table into an NDJSON file. Both run as child processes; wall time and peak RSS
// are measured the same way for each.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSample } from './gen-sample.mjs';
import { BIN, CACHE, commandBuilt, commandMissing, ROOT, round, row, runMeasured, skipped } from './lib.mjs';
import { COLUMNS, mappingRows } from './mapping.mjs';

async function countLines(file) {
  let n = 0;
  for await (const chunk of createReadStream(file)) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
  }
  return n;
}

/** The input log, cached by size and by what made it, so a real `paycodes sample` replaces the stand-in. */
async function sampleFile(rows, log) {
  mkdirSync(CACHE, { recursive: true });
  const haveSample = commandBuilt('sample');
  const maker = haveSample ? 'paycodes sample' : 'bench/gen-sample.mjs';
  // v2: the sample writes two layers (request code + transaction state); older caches lack the state.
  const file = join(CACHE, `sample-v2-${rows}-seed1.ndjson`);
  const meta = `${file}.source`;
  const cached = existsSync(file) && existsSync(meta) ? readFileSync(meta, 'utf8') : null;
  // Never trade a real `paycodes sample` file for the stand-in because of a passing failure.
  if (cached === maker || cached === 'paycodes sample') return { file, maker: cached };
  log(`  generating ${rows.toLocaleString('en-US')} records with ${maker} …`);
  rmSync(file, { force: true });
  if (haveSample) {
    const r = spawnSync(process.execPath, [BIN, 'sample', '--rows', String(rows), '--seed', '1', '--out', file], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 600_000,
    });
    if (r.status !== 0 || !existsSync(file)) throw new Error(`paycodes sample failed (${r.status}): ${r.stderr.slice(0, 300)}`);
  } else {
    await generateSample(rows, 1, file);
  }
  writeFileSync(meta, maker);
  return { file, maker };
}

/** The mapping for DuckDB: the real SQL export when it exists, and our own table as the fallback. */
async function mappingFiles() {
  const ndjson = join(CACHE, 'mapping.ndjson');
  const rows = await mappingRows();
  writeFileSync(ndjson, `${rows.map((r) => JSON.stringify(Object.fromEntries(COLUMNS.map((c, i) => [c, r[i]])))).join('\n')}\n`);
  let sql = null;
  if (commandBuilt('export')) {
    const out = join(CACHE, 'mapping.duckdb.sql');
    const r = spawnSync(process.execPath, [BIN, 'export', '--format', 'sql', '--dialect', 'duckdb', '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (r.status === 0 && existsSync(out)) sql = out;
  }
  return { ndjson, sql };
}

export async function batch({ quick, log }) {
  const rows = quick ? 50_000 : 1_000_000;
  const { file, maker } = await sampleFile(rows, log);
  const bytes = statSync(file).size;
  const mb = bytes / 1e6;
  const out = [];
  const note = `${rows.toLocaleString('en-US')} records, ${mb.toFixed(1)} MB, made by ${maker}`;

  const maps = await mappingFiles();
  const duckOut = join(CACHE, 'out-duckdb.ndjson');
  const duck = await runMeasured([join(ROOT, 'bench', 'duckdb-child.mjs'), file, duckOut, maps.ndjson, maps.sql ?? ''], {
    timeoutMs: quick ? 60_000 : 600_000,
  });
  rmSync(duckOut, { force: true });
  if (duck.code !== 0) throw new Error(`DuckDB baseline failed: ${duck.stderr.slice(0, 500)}`);
  const duckInfo = JSON.parse(duck.stdout.trim().split('\n').pop());
  const duckRps = rows / (duck.wallMs / 1000);
  const duckNote = `DuckDB wall ${(duck.wallMs / 1000).toFixed(2)} s (query ${(duckInfo.queryMs / 1000).toFixed(2)} s) with ${duckInfo.source}`;

  const missing = commandMissing('normalize');
  if (missing) {
    out.push(
      skipped('batch', 'paycodes normalize records/s', missing),
      row('batch', 'DuckDB join records/s (baseline only)', Math.round(duckRps), 'records/s', { note: `${note}; ${duckNote}` }),
      row('batch', 'DuckDB peak RSS (baseline only)', round(duck.peakMB, 1), 'MB'),
    );
    return out;
  }

  const pcOut = join(CACHE, 'out-paycodes.ndjson');
  const pc = await runMeasured([BIN, 'normalize', file, '--out', pcOut], { timeoutMs: quick ? 60_000 : 900_000 });
  const outLines = existsSync(pcOut) ? await countLines(pcOut) : 0;
  rmSync(pcOut, { force: true });
  if (pc.code !== 0 && pc.code !== 1) throw new Error(`paycodes normalize exited ${pc.code}: ${pc.stderr.slice(0, 500)}`);
  if (outLines !== rows) throw new Error(`paycodes normalize wrote ${outLines} records for ${rows} input records`);
  const rps = rows / (pc.wallMs / 1000);
  const pcNote = `${note}; paycodes wall ${(pc.wallMs / 1000).toFixed(2)} s; ${duckNote}`;
  out.push(
    row('batch', 'paycodes normalize throughput', Math.round(rps), 'records/s', {
      baseline: 'DuckDB join',
      baselineValue: Math.round(duckRps),
      ratio: round(rps / duckRps, 2),
      target: '≥ 1× DuckDB',
      met: rps >= duckRps,
      note: pcNote,
    }),
    row('batch', 'paycodes normalize input MB/s', round(mb / (pc.wallMs / 1000), 1), 'MB/s', {
      baseline: 'DuckDB join',
      baselineValue: round(mb / (duck.wallMs / 1000), 1),
      ratio: round(duck.wallMs / pc.wallMs, 2),
    }),
    row('batch', 'paycodes normalize peak RSS', round(pc.peakMB, 1), 'MB', {
      baseline: 'DuckDB peak RSS',
      baselineValue: round(duck.peakMB, 1),
      ratio: round(pc.peakMB / duck.peakMB, 2),
      target: '< 150 MB',
      met: pc.peakMB < 150,
    }),
  );
  // Two layers against one: the same log read with its state field, and with the state ignored.
  const single = await runMeasured([BIN, 'normalize', file, '--quiet', '--state-field', 'no_such_field', '--out', pcOut], {
    timeoutMs: quick ? 60_000 : 900_000,
  });
  rmSync(pcOut, { force: true });
  if (single.code !== 0 && single.code !== 1) throw new Error(`paycodes normalize (single layer) exited ${single.code}`);
  const singleRps = rows / (single.wallMs / 1000);
  out.push(
    row('batch', 'paycodes normalize two-layer throughput', Math.round(rps), 'records/s', {
      baseline: 'same log, state ignored (single layer)',
      baselineValue: Math.round(singleRps),
      ratio: round(rps / singleRps, 2),
      target: '≥ 0.8× single layer',
      met: rps >= 0.8 * singleRps,
      note: 'the sample log carries a state on accepted requests of qfpay, eftpay and ottpay',
    }),
  );
  return out;
}
