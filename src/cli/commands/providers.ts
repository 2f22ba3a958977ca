import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('providers')
    .description('list the providers in the catalog')
    .option('--json', 'print the providers as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ paycodes providers
  $ paycodes providers --json | jq -r '.[].id'`,
    )
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const { listProviders } = await import('../../catalog/api.js');
      const { printJson, print, stdoutColors } = await import('../format/options.js');
      const providers = listProviders();
      if (opts.json) return printJson(providers);
      const { table, terminalWidth } = await import('../format/text.js');
      const c = stdoutColors(cmd);
      const rows = providers.map((p) => [
        c.bold(p.id),
        p.name,
        String(p.codes),
        String(p.entries),
        p.languages.join(' '),
        p.region.join(' '),
        p.url || p.docs,
      ]);
      const columns = [
        { header: 'ID' },
        { header: 'NAME' },
        { header: 'CODES' },
        { header: 'ENTRIES' },
        { header: 'TEXTS IN' },
        { header: 'REGION' },
        { header: 'DOCS', flex: true },
      ];
      print(table(columns, rows, { maxWidth: terminalWidth(), style: c.dim }));
    });
}
