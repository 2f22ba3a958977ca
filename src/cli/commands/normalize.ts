import type { Command } from 'commander';

// Placeholder: the `normalize` command is built in its own issue.
export function register(program: Command): void {
  program
    .command('normalize')
    .description('(not built yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      process.stderr.write('paycodes normalize: not built yet\n');
      process.exitCode = 2;
    });
}
