import { fileURLToPath } from 'node:url';
import { defineConfig, type Options } from 'tsup';

const shared: Options = {
  target: 'node20',
  platform: 'node',
  // No source maps: they would point into src/, which the package does not ship.
  sourcemap: false,
  treeshake: true,
  // `npm run build` empties dist once; configs cleaning in parallel would erase each other.
  clean: false,
  // Keep CJK text as UTF-8 rather than \u escapes: fewer bytes to read and parse at start-up.
  esbuildOptions(options) {
    options.charset = 'utf8';
  },
};

// The package has no runtime `dependencies` (docs/library.md, "What an install brings"). The library
// entries bundle the little they use; `paycodes/server` leaves Hono to the caller's own copy (an
// optional peer), so its `createApp()` is the same Hono the caller composes with.
const peers = ['hono', '@hono/node-server'];

const cliShared: Options = {
  ...shared,
  format: ['esm'],
  noExternal: [/./],
  esbuildOptions(options) {
    shared.esbuildOptions?.(options, { format: 'esm' });
    // yaml's Node build is CommonJS; a lazily imported CommonJS chunk exposes only `default`, so
    // `const { parse } = await import('yaml')` would break. Its ESM build is the same code.
    options.alias = { ...options.alias, yaml: fileURLToPath(new URL('node_modules/yaml/browser/index.js', import.meta.url)) };
  },
};

export default defineConfig([
  {
    ...shared,
    entry: {
      index: 'src/index.ts',
      core: 'src/core/index.ts',
      classify: 'src/classify/index.ts',
      data: 'src/data/index.ts',
      responses: 'src/responses/index.ts',
      server: 'src/server/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: {
      entry: {
        index: 'src/index.ts',
        core: 'src/core/index.ts',
        classify: 'src/classify/index.ts',
        data: 'src/data/index.ts',
        responses: 'src/responses/index.ts',
        server: 'src/server/index.ts',
      },
    },
    external: peers,
    splitting: true,
  },
  {
    ...cliShared,
    // The `paycodes` binary. `paycodes explain` loads the core, the taxonomy and one provider's
    // chunk (each provider is its own chunk); everything else is handed to dist/main.js.
    entry: { cli: 'src/cli/fast.ts' },
    splitting: true,
  },
  {
    ...cliShared,
    // The full CLI carries its own commander, Hono, yaml, zod and picocolors, so none of them is a
    // dependency of the package. Commands stay in lazily loaded chunks.
    entry: { main: 'src/cli/main.ts' },
    splitting: true,
    // Bundled CommonJS packages (commander) call require() for Node built-ins; an ESM file has none.
    banner: {
      js: "import { createRequire as __paycodesRequire } from 'node:module';\nconst require = __paycodesRequire(import.meta.url);",
    },
  },
]);
