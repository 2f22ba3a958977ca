import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('validate')
    .description('check the catalog YAML against the schema and the source documents')
    .option(
      '--dir <path>',
      'catalog folder (holds providers/, unified.yaml, sources/); default: ./catalog when it exists, else the catalog this package ships',
    )
    .option('--root <path>', 'folder that source.document paths are relative to (default: the folder above --dir)')
    .option('--json', 'print the problems as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ paycodes validate
  $ paycodes validate --dir ./my-catalog --root . --json

Each problem is printed as file:line:column: message. Exit status 1 when there are problems.`,
    )
    .action(async (opts: { dir?: string; root?: string; json?: boolean }) => {
      const { existsSync, statSync } = await import('node:fs');
      const { dirname, resolve } = await import('node:path');
      const { fileURLToPath } = await import('node:url');
      const { UsageError } = await import('../usage.js');
      const { validateCatalog } = await import('../../build/validate.js');
      const { formatProblem } = await import('../../build/load.js');
      // Outside a clone (an installed package) there is no ./catalog: validate the one we ship.
      const shipped = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'catalog');
      const dir = resolve(opts.dir ?? (existsSync(resolve('catalog', 'providers')) ? 'catalog' : shipped));
      if (!existsSync(dir)) throw new UsageError(`no such directory: ${opts.dir ?? dir}`);
      if (!statSync(dir).isDirectory()) throw new UsageError(`not a directory: ${opts.dir ?? dir}`);
      if (!existsSync(resolve(dir, 'providers')))
        throw new UsageError(`${opts.dir ?? dir} holds no providers/ folder: pass the catalog folder with --dir`);
      const root = resolve(opts.root ?? dirname(dir));
      const result = validateCatalog({ dir, root });
      if (opts.json) {
        process.stdout.write(
          `${JSON.stringify({ ok: result.problems.length === 0, problems: result.problems, counts: result.counts }, null, 2)}\n`,
        );
      } else {
        for (const p of result.problems) process.stderr.write(`${formatProblem(p)}\n`);
        const { providers, entries, unified } = result.counts;
        const summary = `${providers} providers, ${entries} entries, ${unified} unified codes`;
        if (result.problems.length === 0) process.stdout.write(`catalog ok: ${summary}\n`);
        else process.stderr.write(`catalog: ${result.problems.length} problem(s) (${summary})\n`);
      }
      process.exitCode = result.problems.length === 0 ? 0 : 1;
    });
}
