import type { Command } from 'commander';

// Placeholder: the `import` command is built in its own issue.
export function register(program: Command): void {
  program
    .command('import')
    .description('(not built yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      process.stderr.write('paycodes import: not built yet\n');
      process.exitCode = 2;
    });
}
