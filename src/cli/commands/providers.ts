import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('providers')
    .description('list the providers in the catalog, grouped by region')
    .option('--region <area>', 'only one area: asia-pacific, americas, europe, global (matched loosely)')
    .option('--json', 'print the providers as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ paycodes providers
  $ paycodes providers --json | jq -r '.[].id'`,
    )
    .action(async (opts: { json?: boolean; region?: string }, cmd: Command) => {
      const { listProviders } = await import('../../catalog/api.js');
      const { printJson, print, stdoutColors } = await import('../format/options.js');
      const { AREA_ORDER, areaOf } = await import('../format/regions.js');
      const { UsageError } = await import('../usage.js');
      let providers = listProviders();
      if (opts.region !== undefined) {
        const want = opts.region.toLowerCase();
        const area = AREA_ORDER.find((a) => a.toLowerCase().startsWith(want));
        if (area === undefined) throw new UsageError(`unknown region "${opts.region}" (regions: ${AREA_ORDER.join(', ')})`);
        providers = providers.filter((p) => areaOf(p.region) === area);
      }
      if (opts.json) return printJson(providers);
      const { table, terminalWidth } = await import('../format/text.js');
      const c = stdoutColors(cmd);
      const row = (p: (typeof providers)[number]) => [
        c.bold(p.id),
        p.name,
        String(p.codes),
        String(p.entries),
        p.languages.join(' '),
        p.region.join(' '),
        p.url || p.docs,
      ];
      const columns = [
        { header: 'ID' },
        { header: 'NAME' },
        { header: 'CODES' },
        { header: 'ENTRIES' },
        { header: 'TEXTS IN' },
        { header: 'REGION' },
        { header: 'DOCS', flex: true },
      ];
      const parts: string[] = [];
      for (const area of AREA_ORDER) {
        const inArea = providers.filter((p) => areaOf(p.region) === area);
        if (inArea.length === 0) continue;
        parts.push(`${c.bold(area)} (${inArea.length})\n${table(columns, inArea.map(row), { maxWidth: terminalWidth(), style: c.dim })}`);
      }
      print(parts.join('\n\n'));
    });
}
