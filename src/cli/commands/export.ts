import type { Command } from 'commander';

// Placeholder: the `export` command is built in its own issue.
export function register(program: Command): void {
  program
    .command('export')
    .description('(not built yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      process.stderr.write('paycodes export: not built yet\n');
      process.exitCode = 2;
    });
}
