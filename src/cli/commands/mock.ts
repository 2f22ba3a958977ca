import type { Command } from 'commander';

// Placeholder: the `mock` command is built in its own issue.
export function register(program: Command): void {
  program
    .command('mock')
    .description('(not built yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      process.stderr.write('paycodes mock: not built yet\n');
      process.exitCode = 2;
    });
}
