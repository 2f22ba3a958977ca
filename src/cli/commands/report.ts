import type { Command } from 'commander';

// Placeholder: the `report` command is built in its own issue.
export function register(program: Command): void {
  program
    .command('report')
    .description('(not built yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      process.stderr.write('paycodes report: not built yet\n');
      process.exitCode = 2;
    });
}
