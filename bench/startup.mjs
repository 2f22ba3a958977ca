// Start-up: wall time of `paycodes explain qfpay 1201` against `node -e 0`, interleaved, medians.
import { spawnSync } from 'node:child_process';
import { BIN, commandMissing, median, ROOT, round, row, skipped } from './lib.mjs';

function wallMs(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 30_000,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 300)}`);
  return ms;
}

export async function startup({ quick }) {
  const missing = commandMissing('explain');
  if (missing) return [skipped('startup', 'paycodes explain qfpay 1201', missing)];
  const n = quick ? 5 : 21;
  const explain = [BIN, 'explain', 'qfpay', '1201'];
  const bare = ['-e', '0'];
  wallMs(explain);
  wallMs(bare);
  const a = [];
  const b = [];
  for (let i = 0; i < n; i++) {
    b.push(wallMs(bare));
    a.push(wallMs(explain));
  }
  const ms = median(a);
  const base = median(b);
  return [
    row('startup', 'paycodes explain qfpay 1201 wall time', round(ms, 1), 'ms', {
      baseline: 'node -e 0',
      baselineValue: round(base, 1),
      ratio: round(ms / base, 2),
      target: '≤ 1.5× node -e 0',
      met: ms <= 1.5 * base,
      note: `median of ${n} interleaved runs`,
    }),
  ];
}
