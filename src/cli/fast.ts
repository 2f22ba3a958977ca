// The `paycodes` entry point. `paycodes explain` is what support staff type most, so a plain
// `explain <provider> <code> [--flow F] [--lang L] [--message M] [--json] [--no-color]` is run
// without loading commander and the other commands; anything else goes to the full CLI.
// explain's own code, the core and the taxonomy are part of this file: one file to read, plus the
// chunk of the one provider asked about. Every other command pays for them only as parse time.
import { explainOne } from './explain-one.js';
import { type ExplainArgs, runExplain } from './explain-run.js';
import { UsageError } from './usage.js';

// `paycodes … | head` closes stdout early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const VALUE_OPTIONS = new Set(['--flow', '--lang', '--message']);

/** The explain arguments, or undefined when the full parser should handle the command line. */
export function parseFastExplain(argv: readonly string[]): ExplainArgs | undefined {
  if (argv[0] !== 'explain') return undefined;
  const positional: string[] = [];
  const args: Partial<ExplainArgs> = {};
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    if (VALUE_OPTIONS.has(a)) {
      const v = argv[++i];
      if (v === undefined) return undefined;
      args[a.slice(2) as 'flow' | 'lang' | 'message'] = v;
    } else if (a === '--json') args.json = true;
    else if (a === '--no-color') args.color = false;
    else if (a.startsWith('--') || (a.startsWith('-') && !/^-\d+$/.test(a))) return undefined;
    else positional.push(a);
  }
  if (positional.length !== 2) return undefined;
  return { ...args, provider: positional[0] as string, code: positional[1] as string };
}

async function run(): Promise<void> {
  const fast = parseFastExplain(process.argv.slice(2));
  if (fast === undefined) {
    // Resolved at run time, so the bundler leaves the full CLI in its own file.
    const main = './main.js';
    await import(main);
    return;
  }
  try {
    // A message may need the classifier, which the one-provider path does not load.
    const one = fast.message === undefined ? await explainOne(fast.provider) : undefined;
    runExplain(fast, one ?? (await import('./provider-arg.js')).fullExplainer);
  } catch (e) {
    if (e instanceof UsageError || (e as Error)?.name === 'PaycodesInputError') {
      process.stderr.write(`paycodes: ${(e as Error).message}\n`);
      process.exitCode = 2;
      return;
    }
    throw e;
  }
}

void run();
