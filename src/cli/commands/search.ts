import type { Command } from 'commander';

interface Options {
  provider?: string;
  flow?: string;
  lang?: string;
  limit?: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('search')
    .description("search every provider's codes and texts and every unified code, in English and Chinese")
    .argument('<text...>', 'words, a phrase in Chinese (Traditional or Simplified), or a code on its own')
    .option('--provider <id>', "only this provider's codes")
    .option('--flow <flow>', 'only entries for this flow')
    .option('--lang <lang>', 'language shown for results matched by code: en, zh-Hant or zh-Hans', 'en')
    .option('--limit <n>', 'at most this many results', '20')
    .option('--json', 'print the results as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ paycodes search 1201                  # that code at every provider that has it
  $ paycodes search 余额不足               # also finds 餘額不足 (and the reverse)
  $ paycodes search insufficient funds
  $ paycodes search timeout --provider shopline-payments --limit 5 --json

Every word must match. English matches whole words or word beginnings, in any case.`,
    )
    .action(async (words: string[], opts: Options, cmd: Command) => {
      const { requireFlow } = await import('../usage.js');
      const { requireProvider } = await import('../provider-arg.js');
      const { parseLang, parseLimit, printJson, print, stdoutColors } = await import('../format/options.js');
      const { search } = await import('../../search/search.js');
      const query = words.join(' ');
      const searchOpts: Parameters<typeof search>[1] = { lang: parseLang(opts.lang), limit: parseLimit(opts.limit, 20) };
      if (opts.provider !== undefined) searchOpts.provider = requireProvider(opts.provider);
      const flow = requireFlow(opts.flow);
      if (flow) searchOpts.flow = flow;
      const { getCode } = await import('../../catalog/listings.js');
      // A listing shows what normalize() answers for the code (for the flow, if given), not the
      // entry's own reading, and says when the code has other readings.
      const results = search(query, searchOpts).map((r) => {
        if (r.kind !== 'entry' || r.provider === undefined || r.code === undefined) return r;
        const l = getCode(r.provider, r.code, flow);
        if (l === undefined) return r;
        const d = l.decision;
        return { ...r, unified: d.unified, outcome: d.outcome, next: d.next, party: d.party, readings: l.readings };
      });
      if (opts.json) return printJson(results);
      if (results.length === 0) {
        // Echo a long query cut short, without control characters: stderr is a terminal.
        const shown = [...query.slice(0, 80)].map((ch) => (ch < ' ' || ch === '\u007f' ? ' ' : ch)).join('');
        process.stderr.write(`paycodes: no matches for "${shown}${query.length > 80 ? '…' : ''}"\n`);
        return;
      }
      const { table, oneLine, terminalWidth } = await import('../format/text.js');
      const { outcomeColor } = await import('../format/color.js');
      const c = stdoutColors(cmd);
      const rows = results.map((r) => [
        r.kind === 'entry' ? (r.provider as string) : c.dim('unified'),
        r.kind === 'entry' ? (r.code as string) : '',
        r.kind === 'entry' && r.flow !== 'any' ? (r.flow as string) : '',
        r.unified,
        `${outcomeColor(c, r.outcome)(r.outcome)} ${r.next}`,
        (r.readings ?? 1) > 1 ? c.yellow(`+${(r.readings ?? 1) - 1}`) : '',
        oneLine(r.text),
      ]);
      const columns = [
        { header: 'PROVIDER' },
        { header: 'CODE' },
        { header: 'FLOW' },
        { header: 'UNIFIED' },
        { header: 'DECISION' },
        { header: 'OTHER' },
        { header: 'TEXT', flex: true },
      ];
      print(table(columns, rows, { maxWidth: terminalWidth(), style: c.dim }));
      if (results.some((r) => (r.readings ?? 1) > 1)) {
        print(
          c.dim(
            `+N: the code has other readings${flow ? ` on ${flow}` : ' (by flow or message)'}; DECISION is what normalize() answers. See \`paycodes explain\`.`,
          ),
        );
      }
    });
}
