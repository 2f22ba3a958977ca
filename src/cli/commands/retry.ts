import type { Command } from 'commander';

interface Options {
  flow?: string;
  message?: string;
  network?: string;
  networkCode?: string;
  adviceCode?: string;
  attempts?: string;
  now?: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('retry')
    .description('may a declined payment be tried again, when, and under which reference: card-network rules with their sources')
    .argument('<provider>', 'provider id or alias, e.g. qfpay, stripe')
    .argument('<code>', 'the response code as the provider sent it')
    .option('--flow <flow>', 'the call that returned the code (default any)')
    .option('--message <text>', "the provider's message")
    .option('--network <network>', 'card network: visa, mastercard, amex, jcb, unionpay, discover')
    .option('--network-code <code>', "the issuer's response code as the network returned it, e.g. 51")
    .option('--advice-code <code>', 'a Mastercard Merchant Advice Code or a Visa advice code, e.g. 24')
    .option(
      '--attempts <file>',
      'JSON array of declined attempts for this card and merchant, the latest included: [{"at","network","networkCode","adviceCode","amount"}] (- reads stdin)',
    )
    .option('--now <time>', 'advise as of this ISO 8601 time (default: now)')
    .option('--json', 'print the decision and the advice as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ paycodes retry stripe card_declined --network mastercard --network-code 51 --advice-code 24
  $ paycodes retry stripe card_declined --network visa --network-code 51 --attempts attempts.json
  $ paycodes retry qfpay 1145 --json

An open outcome (unknown/query) is never retried: query the provider first, under the same reference.
The rules are the networks' as public processor documents summarise them, not the networks' rulebook.`,
    )
    .action(async (provider: string, code: string, opts: Options, cmd: Command) => {
      const { runRetry } = await import('../retry-run.js');
      const { color } = cmd.optsWithGlobals() as { color?: boolean };
      await runRetry({ provider, code, ...opts, color });
    });
}
