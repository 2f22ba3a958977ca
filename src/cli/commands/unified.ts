import type { Command } from 'commander';

// Placeholder: the `unified` command is built in its own issue.
export function register(program: Command): void {
  program
    .command('unified')
    .description('(not built yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      process.stderr.write('paycodes unified: not built yet\n');
      process.exitCode = 2;
    });
}
