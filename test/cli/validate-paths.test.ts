import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run.js';

const away = mkdtempSync(join(tmpdir(), 'paycodes-elsewhere-'));
afterAll(() => rmSync(away, { recursive: true, force: true }));

describe('paycodes validate, paths', () => {
  it('outside a clone it validates the catalog the package ships', async () => {
    const r = await runCli(['validate'], { cwd: away });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^catalog ok: \d+ providers, \d+ entries/);
  });
  it.each([
    [['--dir', '/nonexistent/catalog'], /^paycodes: no such directory: \/nonexistent\/catalog\n$/],
    [['--dir', away], /holds no providers\/ folder/],
  ])('%j is a clear error with exit 2', async (args, message) => {
    const r = await runCli(['validate', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
