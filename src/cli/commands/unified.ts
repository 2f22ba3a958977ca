import type { Command } from 'commander';

interface Options {
  lang?: string;
  limit?: string;
  offset?: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('unified')
    .description('list the unified codes, or show one side by side across every provider that maps to it')
    .argument('[code]', 'a unified code, e.g. insufficient_funds')
    .option('--lang <lang>', 'show the messages in this language only (default: all three)')
    .option('--limit <n>', 'show at most N provider entries of one code (default: 100 on a terminal, all in a pipe; 0 for all)')
    .option('--offset <n>', 'skip the first N provider entries')
    .option('--json', 'print as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ paycodes unified
  $ paycodes unified insufficient_funds
  $ paycodes unified channel_timeout --lang zh-Hant
  $ paycodes unified system_error --json | jq '.entries[].provider'`,
    )
    .action(async (codeArg: string | undefined, opts: Options, cmd: Command) => {
      const { listUnified, getUnified, entriesForUnified } = await import('../../catalog/api.js');
      const { paged, parseLang, parsePage, printJson, print, stdoutColors } = await import('../format/options.js');
      const { table, terminalWidth } = await import('../format/text.js');
      const { outcomeColor } = await import('../format/color.js');
      const c = stdoutColors(cmd);
      const lang = opts.lang === undefined ? undefined : parseLang(opts.lang);
      if (codeArg === undefined) {
        const all = listUnified().map((u) => ({ ...u, entries: entriesForUnified(u.code).length }));
        if (opts.json) return printJson(all);
        const rows = all.map((u) => [
          c.bold(u.code),
          u.category,
          outcomeColor(c, u.outcome)(u.outcome),
          u.next,
          u.party,
          u.disclosure,
          String(u.entries),
        ]);
        const columns = [
          { header: 'CODE' },
          { header: 'CATEGORY' },
          { header: 'OUTCOME' },
          { header: 'NEXT' },
          { header: 'PARTY' },
          { header: 'DISCLOSURE' },
          { header: 'ENTRIES' },
        ];
        return print(table(columns, rows, { style: c.dim }));
      }
      const { requireUnified } = await import('../format/unified.js');
      const u = getUnified(requireUnified(codeArg));
      if (!u) return;
      const entries = entriesForUnified(u.code);
      if (opts.json) return printJson({ ...u, entries });
      const { renderUnified, entryText } = await import('../format/card.js');
      const { entryVerdict } = await import('../format/entries.js');
      const width = terminalWidth();
      print(renderUnified(u, c, lang ? [lang] : ['en', 'zh-Hant', 'zh-Hans'], width));
      print('');
      if (entries.length === 0) return print(c.dim('No provider entry maps to this code yet.'));
      print(
        `${c.bold(`${entries.length} provider entr${entries.length === 1 ? 'y' : 'ies'}`)} ${c.dim('(* departs from the default decision)')}`,
      );
      const page = paged(entries, parsePage(opts), 'entries');
      const rows = page.rows.map((e) => {
        const v = entryVerdict(e);
        const differs = v.outcome !== u.outcome || v.next !== u.next || v.party !== u.party;
        return [
          e.provider,
          c.bold(e.code),
          e.flow === 'any' ? '' : e.flow,
          `${differs ? '*' : ' '}${outcomeColor(c, v.outcome)(v.outcome)} ${v.next} ${v.party}`,
          entryText(e, lang ?? 'en'),
        ];
      });
      const columns = [
        { header: 'PROVIDER' },
        { header: 'CODE' },
        { header: 'FLOW' },
        { header: ' DECISION' },
        { header: 'TEXT', flex: true },
      ];
      print(table(columns, rows, { maxWidth: width, style: c.dim }));
      if (page.note) print(c.dim(page.note));
    });
}
