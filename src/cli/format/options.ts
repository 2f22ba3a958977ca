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

export interface Page {
  limit: number;
  offset: number;
}

/**
 * `--limit` and `--offset` for listings. On a terminal a long listing stops after a screenful or
 * two and says how to see the rest; in a pipe everything is printed unless `--limit` says otherwise.
 */
export function parsePage(opts: { limit?: string; offset?: string }, tty = process.stdout.isTTY === true): Page {
  const limit = opts.limit === undefined ? (tty ? 100 : 0) : Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 0) throw new UsageError(`--limit must be a whole number (0 for all), got "${opts.limit}"`);
  const offset = opts.offset === undefined ? 0 : Number(opts.offset);
  if (!Number.isInteger(offset) || offset < 0) throw new UsageError(`--offset must be a whole number, got "${opts.offset}"`);
  return { limit, offset };
}

/** One page of `rows`, and the line that says where it sits in the whole, when it is not all of it. */
export function paged<T>(rows: readonly T[], page: Page, what: string): { rows: T[]; note?: string } {
  const end = page.limit === 0 ? rows.length : Math.min(rows.length, page.offset + page.limit);
  const shown = rows.slice(page.offset, end);
  if (page.offset === 0 && end === rows.length) return { rows: shown };
  const more = end < rows.length ? `; --offset ${end} for more, --limit 0 for all` : '';
  return { rows: shown, note: `${what} ${shown.length === 0 ? 'none' : `${page.offset + 1}–${end}`} of ${rows.length}${more}` };
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
