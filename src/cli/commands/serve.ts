import type { Command } from 'commander';

// Placeholder: the `serve` command is built in its own issue.
export function register(program: Command): void {
  program
    .command('serve')
    .description('(not built yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      process.stderr.write('paycodes serve: not built yet\n');
      process.exitCode = 2;
    });
}
