import type { Command } from 'commander';

interface Options {
  flow?: string;
  unified?: string;
  lang?: string;
  limit?: string;
  offset?: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('codes')
    .description("list a provider's codes with the decision normalize() gives for each")
    .argument('<provider>', 'provider id or alias')
    .option('--flow <flow>', "decide for this flow (its own codes plus the provider's `any` codes)")
    .option('--unified <code>', 'only entries mapped to this unified code')
    .option('--lang <lang>', "preferred language of the provider's text: en, zh-Hant or zh-Hans", 'en')
    .option('--limit <n>', 'show at most N codes (default: 100 on a terminal, all in a pipe; 0 for all)')
    .option('--offset <n>', 'skip the first N codes')
    .option('--json', 'print each code with its decision, reading count and catalog entries as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ paycodes codes qfpay
  $ paycodes codes shopline-payments --flow refund
  $ paycodes codes subotiz --unified insufficient_funds --json`,
    )
    .action(async (providerArg: string, opts: Options, cmd: Command) => {
      const { requireFlow } = await import('../usage.js');
      const { requireProvider } = await import('../provider-arg.js');
      const { requireUnified } = await import('../format/unified.js');
      const { paged, parseLang, parsePage, printJson, print, stdoutColors } = await import('../format/options.js');
      const { listCodes } = await import('../../catalog/listings.js');
      const provider = requireProvider(providerArg);
      const filter: Parameters<typeof listCodes>[1] = {};
      const flow = requireFlow(opts.flow);
      if (flow) filter.flow = flow;
      if (opts.unified !== undefined) filter.unified = requireUnified(opts.unified);
      const lang = parseLang(opts.lang);
      const all = listCodes(provider, filter);
      const page = paged(all, parsePage(opts, opts.json ? false : undefined), `${provider} codes`);
      const codes = page.rows;
      if (opts.json) return printJson(codes);
      if (all.length === 0) {
        process.stderr.write(`paycodes: no ${provider} codes match\n`);
        return;
      }
      const { table, terminalWidth } = await import('../format/text.js');
      const { entryText } = await import('../format/card.js');
      const { outcomeColor } = await import('../format/color.js');
      const c = stdoutColors(cmd);
      let several = false;
      const rows = codes.map((l) => {
        const d = l.decision;
        const source = l.entries.find((e) => e.source.line === d.source?.line) ?? l.entries[0];
        several ||= l.readings > 1;
        return [
          c.bold(l.code),
          d.unified,
          `${outcomeColor(c, d.outcome)(d.outcome)} ${d.next}`,
          l.readings > 1 ? c.yellow(`+${l.readings - 1}`) : '',
          source ? entryText(source, lang) : '',
        ];
      });
      const columns = [
        { header: 'CODE' },
        { header: 'UNIFIED' },
        { header: 'DECISION' },
        { header: 'OTHER' },
        { header: 'TEXT', flex: true },
      ];
      print(table(columns, rows, { maxWidth: terminalWidth(), style: c.dim }));
      if (page.note) print(c.dim(page.note));
      if (several) {
        const how = flow ? `other readings on ${flow}` : 'other readings (by flow or message)';
        print(
          c.dim(`+N: the code has ${how}; DECISION is what normalize() answers${flow ? '' : ' with no flow'}. See \`paycodes explain\`.`),
        );
      }
    });
}
