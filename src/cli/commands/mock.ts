import type { Command } from 'commander';
import { envelopes } from '../../data/envelopes.js';
import { requireProvider } from '../provider-arg.js';
import { UsageError } from '../usage.js';

/** Providers whose envelope data describes a mock. */
const PROVIDERS = Object.keys(envelopes).filter((id) => envelopes[id]?.mock !== undefined);

function portOf(v: string): number {
  if (!/^\d{1,5}$/.test(v) || Number(v) > 65535) throw new UsageError(`--port must be 0..65535, got ${JSON.stringify(v)}`);
  return Number(v);
}

export function register(program: Command): void {
  program
    .command('mock')
    .description('run a mock provider server that answers with any code or transaction state (header, magic amount or scenario file)')
    .argument('<provider>', `one of ${PROVIDERS.join(', ')}`)
    .option('--port <n>', 'port to listen on (0 picks a free one)', '0')
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option('--scenario <file>', 'YAML or JSON: { orders: { <order id>: [steps] }, default: [steps] }')
    .option('--sign-key <key>', 'key for eftPay response signatures and OTT Pay data encryption')
    .option('--quiet', 'do not log each call on stderr')
    .addHelpText(
      'after',
      `
Pick an answer per call, first match wins:
  headers    X-Paycodes-Code: 1201   X-Paycodes-State: PENDING   X-Paycodes-Fault: timeout|drop|garbage
             X-Paycodes-Http: 503    X-Paycodes-Delay: 2000 (ms)
  scenario   orders: { ORDER-1: ["1145", "1145", "0000"], ORDER-2: [timeout] }   (each call on the order takes the next step; the last repeats)
  amount     cents .01 insufficient funds, .02 pending x2 then success, .03 pending forever, .04 decline,
             .05 system error, .06 timeout (paid), .07 dropped connection (paid), .08 unparsable body (paid),
             .09 awaiting customer x2 then success; anything else succeeds.

Example:
  paycodes mock qfpay --port 8787
  curl -s -d 'txamt=1001&txcurrcd=HKD&pay_type=800101&out_trade_no=A1' http://127.0.0.1:8787/trade/v1/payment`,
    )
    .action(async (providerArg: string, opts: { port: string; host: string; scenario?: string; signKey?: string; quiet?: boolean }) => {
      const provider = requireProvider(providerArg);
      if (!PROVIDERS.includes(provider)) throw new UsageError(`no mock for ${provider} (mocks: ${PROVIDERS.join(', ')})`);
      const port = portOf(opts.port);
      const { createMockServer, DEFAULT_SIGN_KEY } = await import('../../responses/mock/server.js');
      const { scenarioFrom, ScenarioError } = await import('../../responses/mock/scenario.js');
      const { mockFor } = await import('../../responses/mock/registry.js');
      const { defaultCatalog } = await import('../../responses/default-catalog.js');
      const id = provider;
      const words = mockFor(defaultCatalog, id);
      let scenario: ReturnType<typeof scenarioFrom> | undefined;
      if (opts.scenario !== undefined) {
        const { readFile } = await import('node:fs/promises');
        const { parse } = await import('yaml');
        let text: string;
        try {
          text = await readFile(opts.scenario, 'utf8');
        } catch (e) {
          throw new UsageError(`cannot read --scenario ${opts.scenario}: ${(e as Error).message}`);
        }
        try {
          scenario = scenarioFrom(parse(text), words);
        } catch (e) {
          if (e instanceof ScenarioError) throw new UsageError(`--scenario ${opts.scenario}: ${e.message}`);
          throw new UsageError(`--scenario ${opts.scenario}: not valid YAML or JSON (${(e as Error).message.split('\n')[0]})`);
        }
      }
      const signKey = opts.signKey ?? DEFAULT_SIGN_KEY;
      const mock = createMockServer({
        provider: id,
        signKey,
        ...(scenario ? { scenario } : {}),
        ...(opts.quiet ? {} : { log: (line: string) => process.stderr.write(`${line}\n`) }),
      });
      let url: string;
      try {
        url = await mock.listen(port, opts.host);
      } catch (e) {
        throw new UsageError(`cannot listen on ${opts.host}:${port}: ${(e as Error).message}`);
      }
      process.stderr.write(`paycodes mock ${id} listening on ${url}\n`);
      process.stderr.write(`sign key: ${signKey}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGTERM', stop);
          process.off('SIGINT', stop);
          mock.close().then(resolve, resolve);
        };
        process.on('SIGTERM', stop);
        process.on('SIGINT', stop);
      });
      process.stderr.write('paycodes mock: stopped\n');
    });
}
