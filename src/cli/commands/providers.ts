import type { Command } from 'commander';

// Placeholder: the `providers` command is built in its own issue.
export function register(program: Command): void {
  program
    .command('providers')
    .description('(not built yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      process.stderr.write('paycodes providers: not built yet\n');
      process.exitCode = 2;
    });
}
