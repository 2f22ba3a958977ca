// Preloaded with `node --import` into measured children: on exit, write this process's peak RSS
// (kilobytes, from getrusage) to the file the runner named, so the figure is exact, not sampled.
import { writeFileSync } from 'node:fs';

const file = process.env.PAYCODES_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {}
  });
}
