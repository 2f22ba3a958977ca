import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from '../helpers/paths.js';

export const FIXTURES = resolve(ROOT, 'test/fixtures/responses');

/** A fixture's raw text, exactly as stored. */
export function fixtureText(provider: string, name: string): string {
  return readFileSync(resolve(FIXTURES, provider, name), 'utf8');
}

export function fixture(provider: string, name: string): Record<string, unknown> {
  return JSON.parse(fixtureText(provider, name)) as Record<string, unknown>;
}
