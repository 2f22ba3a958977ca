import { readFileSync } from 'node:fs';
import { normalize } from '../normalize.js';
import { adviseRetry, isNetwork, NETWORKS } from '../retry/index.js';
import { colorEnabled, colors } from './format/color.js';
import { print, printJson } from './format/options.js';
import { requireProvider } from './provider-arg.js';
import { requireFlow, UsageError } from './usage.js';

export interface RetryArgs {
  provider: string;
  code: string;
  flow?: string;
  message?: string;
  network?: string;
  networkCode?: string;
  adviceCode?: string;
  attempts?: string;
  now?: string;
  json?: boolean;
  color?: boolean;
}

async function readAttempts(path: string): Promise<unknown> {
  let text: string;
  try {
    if (path === '-') {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      text = Buffer.concat(chunks).toString('utf8');
    } else {
      text = readFileSync(path, 'utf8');
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new UsageError(
      err.code === 'ENOENT'
        ? `no such file: ${path}`
        : err.code === 'EISDIR'
          ? `${path} is a directory`
          : `cannot read ${path}: ${err.message}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`--attempts: ${path} is not a JSON array of attempts`);
  }
}

/** `paycodes retry`: normalize the code with its network facts, then advise on a retry. */
export async function runRetry(args: RetryArgs): Promise<void> {
  const provider = requireProvider(args.provider);
  const flow = requireFlow(args.flow);
  if (args.network !== undefined && !isNetwork(args.network)) {
    throw new UsageError(`unknown network "${args.network}" (networks: ${NETWORKS.join(', ')})`);
  }
  if ((args.networkCode !== undefined || args.adviceCode !== undefined) && args.network === undefined) {
    throw new UsageError('--network-code and --advice-code need --network');
  }
  const input: Parameters<typeof normalize>[0] = { provider, code: args.code };
  if (flow) input.flow = flow;
  if (args.message !== undefined) input.message = args.message;
  if (args.network !== undefined) input.network = args.network as (typeof NETWORKS)[number];
  if (args.networkCode !== undefined) input.networkCode = args.networkCode;
  if (args.adviceCode !== undefined) input.adviceCode = args.adviceCode;
  const decision = normalize(input);
  const attempts = args.attempts === undefined ? undefined : await readAttempts(args.attempts);
  const advice = adviseRetry({ decision, attempts: attempts as never, now: args.now });
  if (args.json) {
    printJson({ decision, advice });
    return;
  }
  const c = colors(colorEnabled(process.stdout, args.color));
  const lines: string[] = [];
  lines.push(`${c.bold(`${decision.provider} ${decision.code}`)}  ${decision.unified} · ${decision.outcome} · ${decision.next}`);
  if (decision.network) {
    const n = decision.network;
    lines.push(
      `network    ${n.network}${n.code ? ` ${n.code}` : ''}${n.advice ? `, advice ${n.advice}` : ''}${decision.decline ? ` · ${decision.decline} decline` : ''}${decision.stepUp ? ' · step up (3-D Secure)' : ''}${decision.recurring ? ` · recurring: ${decision.recurring}` : ''}`,
    );
  }
  lines.push(`retry      ${advice.retry ? c.bold('yes') : c.bold('no')}${advice.notBefore ? `, not before ${advice.notBefore}` : ''}`);
  if (advice.remaining !== undefined) lines.push(`remaining  ${advice.remaining} attempt(s) in the current window`);
  lines.push(
    `reference  ${advice.reference === 'same' ? 'the same merchant reference / idempotency key' : 'a new merchant reference / idempotency key'}`,
  );
  if (advice.rules.length > 0) lines.push('', 'rules');
  for (const r of advice.rules) {
    lines.push(`  ${c.bold(r.id)}  ${r.says}`);
    lines.push(`    ${c.dim(`source: ${r.source.title} (${r.source.edition})`)}`);
  }
  print(lines.join('\n'));
}
