import type { Command } from 'commander';

// Placeholder: the `explain` command is built in its own issue.
export function register(program: Command): void {
  program
    .command('explain')
    .description('(not built yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      process.stderr.write('paycodes explain: not built yet\n');
      process.exitCode = 2;
    });
}
