import type { Command } from 'commander';

// Placeholder: the `codes` command is built in its own issue.
export function register(program: Command): void {
  program
    .command('codes')
    .description('(not built yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      process.stderr.write('paycodes codes: not built yet\n');
      process.exitCode = 2;
    });
}
