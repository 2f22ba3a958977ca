import type { Command } from 'commander';

// Placeholder: the `sample` command is built in its own issue.
export function register(program: Command): void {
  program
    .command('sample')
    .description('(not built yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      process.stderr.write('paycodes sample: not built yet\n');
      process.exitCode = 2;
    });
}
