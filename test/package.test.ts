// The published package as a user gets it: `npm pack`, install the tarball into a scratch app with
// `--omit=dev`, then use every entry point from ESM, CommonJS and TypeScript, and run the bin.
// Needs the build (npm test builds first).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';
import { ROOT } from './helpers/paths.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'paycodes-pack-'));
const app = join(work, 'app');
let files: string[] = [];
let packedBytes = 0;
const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) c.kill();
  rmSync(work, { recursive: true, force: true });
});

beforeAll(() => {
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' });
  const [info] = JSON.parse(out);
  files = info.files.map((f: { path: string }) => f.path);
  packedBytes = info.size;
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{"name":"app","private":true,"type":"module"}');
  // A library-only install: no dev dependencies, no optional peers.
  execFileSync('npm', ['install', '--omit=dev', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', join(work, info.filename)], {
    cwd: app,
    stdio: 'pipe',
  });
}, 180_000);

const node = (code: string, type: 'module' | 'commonjs' = 'module') =>
  execFileSync(process.execPath, [type === 'module' ? '--input-type=module' : '--input-type=commonjs', '-e', code], {
    cwd: app,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();

/** The caller's own packages (Hono, Node's types), linked from this repository's dev install as an app would have them. */
function linkFromRepo(...names: string[]): void {
  for (const name of names) {
    const to = join(app, 'node_modules', name);
    if (existsSync(to)) continue;
    mkdirSync(dirname(to), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', name), to, 'dir');
  }
}

/** What the tarball may hold. Anything else (source maps, images, tests, sources) fails the test. */
const ALLOWED = [
  /^package\.json$/,
  /^README\.md$/,
  /^SECURITY\.md$/,
  /^LICENSE$/,
  /^bin\/paycodes\.js$/,
  /^dist\/[\w.-]+\.(js|cjs|d\.ts|d\.cts)$/,
  /^web\/dist\/[\w./-]+\.(html|js|css|svg|webmanifest|txt|json|woff2|ico)$/,
  /^catalog\/[\w./-]+\.(yaml|json|md|txt|html|csv)$/,
  /^docs\/[\w/-]+\.md$/,
];

describe('the npm package', () => {
  it('keeps the version in step', () => {
    expect(VERSION).toBe(pkg.version);
  });

  it('ships only what users need: no source maps, no images, no sources or tests', () => {
    const stray = files.filter((f) => !ALLOWED.some((re) => re.test(f)));
    expect(stray).toEqual([]);
    for (const f of [
      'dist/index.js',
      'dist/index.cjs',
      'dist/index.d.ts',
      'dist/server.js',
      'dist/cli.js',
      'bin/paycodes.js',
      'catalog/providers/qfpay.yaml',
    ])
      expect(files, f).toContain(f);
    expect(files.filter((f) => f.endsWith('.map') || f.endsWith('.png'))).toEqual([]);
    // A dist file that names a source map would point at nothing.
    for (const f of files.filter((f) => /\.(c?js)$/.test(f) && f.startsWith('dist/')).slice(0, 200))
      expect(readFileSync(join(app, 'node_modules/paycodes', f), 'utf8'), f).not.toMatch(/\/\/# sourceMappingURL=/);
    expect(packedBytes).toBeGreaterThan(0);
  });

  it('installs without a single runtime dependency (no CLI, server or importer packages)', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
    // Hono stays an optional peer, for `paycodes/server` users: listed as wanted, never installed.
    expect(Object.keys(pkg.peerDependenciesMeta).every((p) => pkg.peerDependenciesMeta[p].optional)).toBe(true);
    const ls = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: app, encoding: 'utf8' });
    expect(ls.trim().split('\n')).toEqual([app, join(app, 'node_modules/paycodes')]);
    const tree = JSON.parse(execFileSync('npm', ['ls', '--omit=dev', '--all', '--json'], { cwd: app, encoding: 'utf8' }));
    expect(Object.keys(tree.dependencies)).toEqual(['paycodes']);
    for (const [name, dep] of Object.entries(tree.dependencies.paycodes.dependencies ?? {})) {
      expect(pkg.peerDependencies, name).toHaveProperty([name]);
      expect(dep, name).not.toHaveProperty('version');
    }
    expect(
      execFileSync('ls', [join(app, 'node_modules')], { encoding: 'utf8' })
        .split('\n')
        .filter(Boolean),
    ).toEqual(['paycodes']);
  });

  it('exports only the user-facing API from the root', () => {
    const names = JSON.parse(node("const m = await import('paycodes'); console.log(JSON.stringify(Object.keys(m).sort()))"));
    expect(names).toEqual(
      [
        'DECLINES',
        'DISCLOSURES',
        'FLOWS',
        'LANGS',
        'NETWORKS',
        'NEXT_STEPS',
        'OUTCOMES',
        'PARTIES',
        'PaycodesInputError',
        'RECURRING_ADVICE',
        'adviseRetry',
        'entriesForUnified',
        'getEntries',
        'getEntry',
        'getProvider',
        'getCode',
        'getUnified',
        'listCodes',
        'listEntries',
        'listProviders',
        'listUnified',
        'normalize',
        'resolveLang',
      ].sort(),
    );
    const core = JSON.parse(node("const m = await import('paycodes/core'); console.log(JSON.stringify(Object.keys(m)))"));
    for (const internal of ['canonicalCode', 'plainCode', 'providerKey', 'checkData']) expect(core).not.toContain(internal);
    expect(core).toContain('createNormalizer');
    expect(core).toContain('DATA_VERSION');
  });

  it('works from ESM and CommonJS through every entry point', () => {
    expect(node("import { normalize } from 'paycodes'; console.log(normalize({ provider: 'qfpay', code: 1201 }).unified)")).toBe(
      'insufficient_funds',
    );
    expect(
      node("const m = require('paycodes'); console.log(m.normalize({ provider: 'ottpay', code: 'success' }).unified)", 'commonjs'),
    ).toBe('request_accepted');
    const core = `
      const n = c.createNormalizer({ providers: [d.qfpay], unified: d.qfpayUnified, messages: { en: d.qfpayEn } });
      console.log(n.normalize({ provider: 'qfpay', code: '1145' }).outcome, d.DATA_VERSION === c.DATA_VERSION);`;
    expect(node(`import * as c from 'paycodes/core'; import * as d from 'paycodes/data'; ${core}`)).toBe('pending true');
    expect(node(`const c = require('paycodes/core'); const d = require('paycodes/data'); ${core}`, 'commonjs')).toBe('pending true');
    const responses =
      "console.log(m.fromResponse('eftpay', { return_status: '00', trade_status: 'TRADE_SUCCESS' }).outcome, typeof m.fromNotification)";
    expect(node(`import * as m from 'paycodes/responses'; ${responses}`)).toBe('succeeded function');
    expect(node(`const m = require('paycodes/responses'); ${responses}`, 'commonjs')).toBe('succeeded function');
    const classify = "console.log(typeof m.classify({ provider: 'acme', code: 'X1', message: 'insufficient funds' }).unified)";
    expect(node(`import * as m from 'paycodes/classify'; ${classify}`)).toBe('string');
    expect(node(`const m = require('paycodes/classify'); ${classify}`, 'commonjs')).toBe('string');
  });

  it('refuses data compiled for another data version, with a clear error', () => {
    const out = node(`
      import { createNormalizer, DATA_VERSION } from 'paycodes/core';
      import { qfpay, qfpayUnified, qfpayEn } from 'paycodes/data';
      try {
        createNormalizer({ providers: [{ ...qfpay, version: DATA_VERSION + 1 }], unified: qfpayUnified, messages: { en: qfpayEn } });
        console.log('accepted');
      } catch (e) { console.log(e.name + ': ' + e.message); }`);
    expect(out).toMatch(
      /^PaycodesInputError: createNormalizer: provider data "qfpay" was compiled for data version \d+, but this paycodes core reads data version \d+/,
    );
  });

  it('paycodes/server works once the caller has Hono (an optional peer)', () => {
    // Without Hono the entry says what is missing rather than half-loading.
    expect(() => node("await import('paycodes/server')")).toThrow(/hono/);
    linkFromRepo('hono', '@hono/node-server');
    const req = `
      const app = m.createApp();
      app.request('/v1/normalize?provider=qfpay&code=1201').then(async (r) => console.log(r.status, (await r.json()).unified));`;
    expect(node(`import * as m from 'paycodes/server'; ${req}`)).toBe('200 insufficient_funds');
    expect(node(`const m = require('paycodes/server'); ${req}`, 'commonjs')).toBe('200 insufficient_funds');
  });

  it.each([
    ['node10', { module: 'commonjs', moduleResolution: 'node10' }],
    ['nodenext', { module: 'nodenext', moduleResolution: 'nodenext' }],
  ])(
    'type-checks every entry point under moduleResolution %s',
    (name, options) => {
      // skipLibCheck, as most apps set it. Resolution errors in use.ts itself (an entry that does not
      // resolve under this moduleResolution) still fail.
      // A Node app using paycodes/server has Hono and Node's types; the library entries need neither.
      linkFromRepo('hono', '@hono/node-server', '@types/node', 'undici-types');
      const dir = join(app, `ts-${name}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: { ...options, strict: true, noEmit: true, target: 'es2022', skipLibCheck: true, types: ['node'] },
          files: ['use.ts'],
        }),
      );
      writeFileSync(
        join(dir, 'use.ts'),
        `import { normalize, type Decision, type Outcome, type UnifiedId, adviseRetry, listProviders, PaycodesInputError } from 'paycodes';
import { createNormalizer, DATA_VERSION, type ProviderData } from 'paycodes/core';
import { qfpay, qfpayUnified, qfpayEn } from 'paycodes/data';
import { fromResponse } from 'paycodes/responses';
import { classify } from 'paycodes/classify';
import { createApp } from 'paycodes/server';

const d: Decision = normalize({ provider: 'qfpay', code: 1201 });
const o: Outcome = d.outcome;
const u: UnifiedId = 'insufficient_funds';
const p: ProviderData = qfpay;
const n = createNormalizer({ providers: [p], unified: qfpayUnified, messages: { en: qfpayEn } });
export const all = [o, u, n, DATA_VERSION, adviseRetry, listProviders, PaycodesInputError, fromResponse, classify, createApp];
`,
      );
      const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
      const r = (() => {
        try {
          return execFileSync(process.execPath, [tsc, '-p', dir], { cwd: dir, encoding: 'utf8' });
        } catch (e) {
          return (e as { stdout?: string }).stdout ?? String(e);
        }
      })();
      expect(r).toBe('');
    },
    60_000,
  );

  it('declares the library entries without any package the install lacks', () => {
    const dts = (entry: string) => readFileSync(join(app, 'node_modules/paycodes/dist', `${entry}.d.ts`), 'utf8');
    const imports = (text: string) => [...text.matchAll(/from '([^'.][^']*)'/g)].map((m) => m[1]);
    for (const entry of ['index', 'core', 'data', 'classify']) expect(imports(dts(entry)), entry).toEqual([]);
    // The envelope types are plain interfaces (src/responses/envelope-types.ts), not inferred from zod.
    expect(imports(dts('responses')).filter((m) => !m!.startsWith('node:'))).toEqual([]);
    expect(imports(dts('server')).filter((m) => !m!.startsWith('node:') && !m!.startsWith('hono') && !m!.startsWith('@hono/'))).toEqual([]);
  });

  it('runs the bin: --version, explain, and serve (with its bundled Hono)', async () => {
    const bin = join(app, 'node_modules/.bin/paycodes');
    expect(execFileSync(bin, ['--version'], { cwd: app, encoding: 'utf8' }).trim()).toBe(VERSION);
    expect(execFileSync(bin, ['explain', 'qfpay', '1201', '--json'], { cwd: app, encoding: 'utf8' })).toContain('"insufficient_funds"');
    // The library-only app has no Hono of its own here: hide the linked one so serve uses its bundle.
    rmSync(join(app, 'node_modules/hono'), { force: true });
    rmSync(join(app, 'node_modules/@hono'), { recursive: true, force: true });
    const child = spawn(bin, ['serve', '--port', '0', '--host', '127.0.0.1', '--quiet'], { cwd: app, stdio: ['ignore', 'ignore', 'pipe'] });
    children.push(child);
    const url = await new Promise<string>((resolve, reject) => {
      let err = '';
      child.stderr?.on('data', (b: Buffer) => {
        err += b.toString();
        const m = /serving on (\S+)/.exec(err);
        if (m) resolve(m[1] as string);
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
    });
    const res = await fetch(new URL('v1/normalize?provider=qfpay&code=1201', url));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { unified: string }).unified).toBe('insufficient_funds');
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }, 60_000);
});
