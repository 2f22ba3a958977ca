import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';
import { ROOT } from './helpers/paths.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'paycodes-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the npm package', () => {
  it('keeps the version in step', () => {
    expect(VERSION).toBe(pkg.version);
  });

  it('packs, installs elsewhere, and works from ESM, CommonJS and the bin', () => {
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' });
    const [info] = JSON.parse(out);
    const files: string[] = info.files.map((f: { path: string }) => f.path);
    for (const f of [
      'dist/index.js',
      'dist/index.cjs',
      'dist/index.d.ts',
      'dist/core.js',
      'dist/data.js',
      'dist/responses.js',
      'dist/responses.d.ts',
      'bin/paycodes.js',
      'catalog/providers/qfpay.yaml',
    ]) {
      expect(files, f).toContain(f);
    }
    expect(files.some((f) => f.startsWith('test/'))).toBe(false);
    const app = join(work, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), '{"name":"app","private":true,"type":"module"}');
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(work, info.filename)], {
      cwd: app,
      stdio: 'pipe',
    });
    const esm = execFileSync(
      process.execPath,
      ['-e', "import('paycodes').then(m=>console.log(m.normalize({provider:'qfpay',code:1201}).unified))"],
      { cwd: app, encoding: 'utf8' },
    );
    expect(esm.trim()).toBe('insufficient_funds');
    const cjs = execFileSync(
      process.execPath,
      ['-e', "const m=require('paycodes');console.log(m.normalize({provider:'ottpay',code:'success'}).unified)"],
      { cwd: app, encoding: 'utf8' },
    );
    expect(cjs.trim()).toBe('request_accepted');
    const core = execFileSync(
      process.execPath,
      [
        '-e',
        "Promise.all([import('paycodes/core'),import('paycodes/data')]).then(([c,d])=>{const n=c.createNormalizer({providers:[d.qfpay],unified:d.unified,messages:{en:d.en}});console.log(n.normalize({provider:'qfpay',code:'1145'}).outcome)})",
      ],
      { cwd: app, encoding: 'utf8' },
    );
    expect(core.trim()).toBe('pending');
    const responses = execFileSync(
      process.execPath,
      [
        '-e',
        "import('paycodes/responses').then(m=>console.log(m.fromResponse('eftpay',{return_status:'00',trade_status:'TRADE_SUCCESS'}).outcome, typeof m.fromNotification))",
      ],
      { cwd: app, encoding: 'utf8' },
    );
    expect(responses.trim()).toBe('succeeded function');
    const bin = execFileSync(join(app, 'node_modules/.bin/paycodes'), ['--version'], { cwd: app, encoding: 'utf8' });
    expect(bin.trim()).toBe(VERSION);
  }, 120_000);
});
