import type { Command } from 'commander';

interface Options {
  flow?: string;
  lang?: string;
  message?: string;
  network?: string;
  networkCode?: string;
  adviceCode?: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('explain')
    .description("explain one response code: the decision, what to tell the customer and the merchant, and the provider's own words")
    .argument('<provider>', 'provider id or alias, e.g. qfpay, eftpay, shopline-payments, subotiz, ottpay')
    .argument('<code>', "the response code as the provider sent it (numbers are padded the provider's way: qfpay 0 is 0000)")
    .option('--flow <flow>', 'the call that returned the code: payment, refund, cancel, capture, query, ... (default any)')
    .option('--message <text>', "the provider's message, which picks between readings of a code that has several")
    .option('--network <network>', 'card network, for card payments: visa, mastercard, amex, jcb, unionpay, discover')
    .option('--network-code <code>', "the issuer's response code as the network returned it, e.g. 51 (needs --network)")
    .option('--advice-code <code>', 'a Mastercard Merchant Advice Code or a Visa advice code, e.g. 24 (needs --network)')
    .option('--lang <lang>', 'language of the customer and merchant messages: en, zh-Hant or zh-Hans', 'en')
    .option('--json', 'print the Decision object exactly as normalize() returns it')
    .addHelpText(
      'after',
      `
Examples:
  $ paycodes explain qfpay 1201
  $ paycodes explain shopline-payments 4454 --lang zh-Hant
  $ paycodes explain eftpay -99 --flow refund
  $ paycodes explain subotiz 100100 --json | jq .outcome

A code the catalog does not know is not an error: it gets the safe "unmapped" decision (query the order).`,
    )
    .action(async (provider: string, code: string, opts: Options, cmd: Command) => {
      const { runExplain } = await import('../explain-run.js');
      const { fullExplainer } = await import('../provider-arg.js');
      const { color } = cmd.optsWithGlobals() as { color?: boolean };
      runExplain({ provider, code, ...opts, color }, fullExplainer);
    });
}
