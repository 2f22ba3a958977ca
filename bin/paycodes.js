#!/usr/bin/env node
// The built CLI lives in dist/. In a fresh clone it does not exist yet: say how to make it rather
// than print a module-resolution stack trace.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write(
    'paycodes: the CLI is not built yet. Run `npm run build` in the repository first (npm start and npm test build it too).\n',
  );
  process.exit(2);
}
await import(cli.href);
