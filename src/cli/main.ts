import { Command, CommanderError } from 'commander';
import { PaycodesInputError } from '../core/errors.js';
import { VERSION } from '../version.js';
import * as codes from './commands/codes.js';
import * as explain from './commands/explain.js';
import * as exportCmd from './commands/export.js';
import * as importCmd from './commands/import.js';
import * as mock from './commands/mock.js';
import * as normalize from './commands/normalize.js';
import * as providers from './commands/providers.js';
import * as report from './commands/report.js';
import * as retry from './commands/retry.js';
import * as sample from './commands/sample.js';
import * as search from './commands/search.js';
import * as serve from './commands/serve.js';
import * as unified from './commands/unified.js';
import * as validate from './commands/validate.js';
import { UsageError } from './usage.js';

/**
 * Each command module only declares its options; heavy dependencies (the server, YAML, DuckDB)
 * are imported inside its action, so `paycodes explain` starts about as fast as node itself.
 */
const COMMANDS = [
  explain,
  search,
  providers,
  codes,
  unified,
  normalize,
  validate,
  serve,
  importCmd,
  sample,
  report,
  exportCmd,
  mock,
  retry,
];

export async function main(argv: string[] = process.argv): Promise<number> {
  const program = new Command('paycodes')
    .description('Turn payment provider response codes into one decision: did the money move, what to do next, who acts, and what to say.')
    .version(VERSION, '-v, --version')
    .option('--no-color', 'disable colours (NO_COLOR is respected too)')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: (s, write) => write(s) });
  for (const c of COMMANDS) c.register(program);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    if (e instanceof UsageError || e instanceof PaycodesInputError) {
      process.stderr.write(`paycodes: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`paycodes: ${(e as Error)?.stack ?? String(e)}\n`);
    return 1;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`paycodes: ${String(e)}\n`);
    process.exitCode = 1;
  },
);
