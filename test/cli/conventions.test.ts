import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run.js';

const COMMANDS = ['explain', 'search', 'providers', 'codes', 'unified', 'normalize'];

describe('command-line conventions', () => {
  it.each(COMMANDS)('%s --help shows usage and examples on stdout, exit 0', async (cmd) => {
    const r = await runCli([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: paycodes ${cmd}`);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain(`$ paycodes ${cmd}`);
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { version: string };
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });

  it('unknown commands and options are usage errors (exit 2) on stderr', async () => {
    const cmd = await runCli(['explian', 'qfpay', '1201']);
    expect(cmd.code).toBe(2);
    expect(cmd.stdout).toBe('');
    expect(cmd.stderr).toMatch(/unknown command/);
    const opt = await runCli(['providers', '--frobnicate']);
    expect(opt.code).toBe(2);
    expect(opt.stderr).toMatch(/unknown option/);
  });
});
