import pc from 'picocolors';
import type { Outcome } from '../../core/types.js';

export type Colors = ReturnType<typeof pc.createColors>;

/**
 * Colours only for a terminal, and never when the user said no: `--no-color`, or `NO_COLOR` set to
 * anything non-empty (no-color.org). `FORCE_COLOR` turns them on for pipes, e.g. `| less -R`.
 */
export function colorEnabled(stream: { isTTY?: boolean }, flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export function colors(enabled: boolean): Colors {
  return pc.createColors(enabled);
}

/** Green for money that moved, red for money that did not, yellow while it is in doubt. */
export function outcomeColor(c: Colors, outcome: Outcome | string): (s: string) => string {
  switch (outcome) {
    case 'succeeded':
      return (s) => c.bold(c.green(s));
    case 'failed':
      return (s) => c.bold(c.red(s));
    case 'pending':
      return (s) => c.bold(c.yellow(s));
    default:
      return (s) => c.bold(c.magenta(s));
  }
}
