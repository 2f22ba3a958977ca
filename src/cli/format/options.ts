import type { Command } from 'commander';
import { resolveLang } from '../../core/lang.js';
import { LANGS, type Lang } from '../../core/types.js';
import { UsageError } from '../usage.js';
import { type Colors, colorEnabled, colors } from './color.js';

/** `--lang`, accepting region tags too (`zh-TW` reads Traditional). */
export function parseLang(value: string | undefined): Lang {
  if (value === undefined) return 'en';
  try {
    return resolveLang(value);
  } catch {
    throw new UsageError(`unknown language "${value}" (languages: ${LANGS.join(', ')})`);
  }
}

export function parseLimit(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--limit must be a whole number above 0, got "${value}"`);
  return n;
}

/** Colours for stdout, honouring the global `--no-color`, NO_COLOR and whether stdout is a terminal. */
export function stdoutColors(cmd: Command): Colors {
  const { color } = cmd.optsWithGlobals() as { color?: boolean };
  return colors(colorEnabled(process.stdout, color));
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}
