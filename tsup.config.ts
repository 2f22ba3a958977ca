import { defineConfig, type Options } from 'tsup';

const shared: Options = {
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  treeshake: true,
  // `npm run build` empties dist once; two configs cleaning in parallel would erase each other.
  clean: false,
  // Keep CJK text as UTF-8 rather than \u escapes: fewer bytes to read and parse at start-up.
  esbuildOptions(options) {
    options.charset = 'utf8';
  },
};

export default defineConfig([
  {
    ...shared,
    entry: {
      index: 'src/index.ts',
      core: 'src/core/index.ts',
      data: 'src/generated/index.ts',
      responses: 'src/responses/index.ts',
      main: 'src/cli/main.ts',
    },
    format: ['esm', 'cjs'],
    dts: {
      entry: { index: 'src/index.ts', core: 'src/core/index.ts', data: 'src/generated/index.ts', responses: 'src/responses/index.ts' },
    },
    splitting: true,
  },
  {
    ...shared,
    // The `paycodes` binary: one file, so `paycodes explain` loads a single module instead of a
    // dozen chunks. Everything else is handed to dist/main.js.
    entry: { cli: 'src/cli/fast.ts' },
    format: ['esm'],
    splitting: false,
  },
]);
