import type { Command } from 'commander';

// Placeholder: the `search` command is built in its own issue.
export function register(program: Command): void {
  program
    .command('search')
    .description('(not built yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      process.stderr.write('paycodes search: not built yet\n');
      process.exitCode = 2;
    });
}
