import type { Command } from 'commander';

interface Options {
  flow?: string;
  unified?: string;
  lang?: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('codes')
    .description("list a provider's codes with their unified code and decision")
    .argument('<provider>', 'provider id or alias')
    .option('--flow <flow>', 'only entries for this flow')
    .option('--unified <code>', 'only entries mapped to this unified code')
    .option('--lang <lang>', "preferred language of the provider's text: en, zh-Hant or zh-Hans", 'en')
    .option('--json', 'print the catalog entries as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ paycodes codes qfpay
  $ paycodes codes shopline-payments --flow refund
  $ paycodes codes subotiz --unified insufficient_funds --json`,
    )
    .action(async (providerArg: string, opts: Options, cmd: Command) => {
      const { requireProvider, requireFlow } = await import('../usage.js');
      const { requireUnified } = await import('../format/unified.js');
      const { parseLang, printJson, print, stdoutColors } = await import('../format/options.js');
      const { listEntries } = await import('../../catalog/api.js');
      const provider = requireProvider(providerArg);
      const filter: Parameters<typeof listEntries>[1] = {};
      const flow = requireFlow(opts.flow);
      if (flow) filter.flow = flow;
      if (opts.unified !== undefined) filter.unified = requireUnified(opts.unified);
      const lang = parseLang(opts.lang);
      const entries = listEntries(provider, filter);
      if (opts.json) return printJson(entries);
      if (entries.length === 0) {
        process.stderr.write(`paycodes: no ${provider} codes match\n`);
        return;
      }
      const { table, terminalWidth } = await import('../format/text.js');
      const { entryText } = await import('../format/card.js');
      const { entryVerdict } = await import('../format/entries.js');
      const { outcomeColor } = await import('../format/color.js');
      const c = stdoutColors(cmd);
      const rows = entries.map((e) => {
        const v = entryVerdict(e);
        return [
          c.bold(e.code),
          e.flow === 'any' ? '' : e.flow,
          e.unified,
          `${outcomeColor(c, v.outcome)(v.outcome)} ${v.next}`,
          entryText(e, lang),
        ];
      });
      const columns = [
        { header: 'CODE' },
        { header: 'FLOW' },
        { header: 'UNIFIED' },
        { header: 'DECISION' },
        { header: 'TEXT', flex: true },
      ];
      print(table(columns, rows, { maxWidth: terminalWidth(), style: c.dim }));
    });
}
