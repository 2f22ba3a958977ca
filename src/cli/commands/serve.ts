import type { Command } from 'commander';
import { UsageError } from '../usage.js';

function port(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new UsageError(`--port must be a number from 0 to 65535, got "${value}"`);
  return n;
}

function millis(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < 1) throw new UsageError(`${name} must be a whole number of milliseconds, got "${value}"`);
    return n;
  };
}

function bytes(value: string): number {
  const m = /^(\d+)(k|kb|m|mb)?$/i.exec(value.trim());
  if (!m) throw new UsageError(`--body-limit must be bytes, like 1048576, 512kb or 1mb; got "${value}"`);
  const unit = (m[2] ?? '').toLowerCase();
  return Number(m[1]) * (unit.startsWith('m') ? 1024 * 1024 : unit.startsWith('k') ? 1024 : 1);
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API, /docs and the web catalog')
    .option('-p, --port <port>', 'port to listen on (0 picks a free one)', port, 8787)
    .option('-H, --host <host>', 'address to bind; 0.0.0.0 exposes the server to your network', '127.0.0.1')
    .option('--cors <origins>', 'comma-separated origins allowed to call the API from a browser, or *')
    .option('--body-limit <bytes>', 'largest request body', bytes, 1024 * 1024)
    .option('--headers-timeout <ms>', 'time a client has to send its headers', millis('--headers-timeout'), 10_000)
    .option('--request-timeout <ms>', 'time a client has to send its whole request', millis('--request-timeout'), 30_000)
    .option('--quiet', 'no access log')
    .addHelpText(
      'after',
      '\nSet PAYCODES_API_KEY to require `Authorization: Bearer <key>` on /v1 (the page, /docs and /healthz stay open).\n' +
        'An empty PAYCODES_API_KEY= is refused: unset it to serve without a key.',
    )
    .action(
      async (opts: {
        port: number;
        host: string;
        cors?: string;
        bodyLimit: number;
        headersTimeout: number;
        requestTimeout: number;
        quiet?: boolean;
      }) => {
        const { startServer } = await import('../../server/server.js');
        const { ApiKeyError } = await import('../../server/auth.js');
        const origins =
          opts.cors === undefined
            ? undefined
            : opts.cors.trim() === '*'
              ? '*'
              : opts.cors
                  .split(',')
                  .map((s) => s.trim())
                  .filter(Boolean);
        const running = await startServer({
          port: opts.port,
          host: opts.host,
          cors: origins,
          bodyLimit: opts.bodyLimit,
          headersTimeout: opts.headersTimeout,
          requestTimeout: opts.requestTimeout,
          ...(opts.quiet ? { log: false as const } : {}),
        }).catch((e: NodeJS.ErrnoException) => {
          if (e instanceof ApiKeyError) throw new UsageError(e.message.replace(/^paycodes: /, ''));
          if (e.code === 'EADDRINUSE') throw new UsageError(`port ${opts.port} on ${opts.host} is in use; pick another with --port`);
          if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') throw new UsageError(`cannot bind ${opts.host}`);
          throw e;
        });
        const key = process.env.PAYCODES_API_KEY ? ' (API key required on /v1)' : '';
        process.stderr.write(`paycodes: serving on ${running.url}${key}  · API reference: ${running.url}docs\n`);
        await new Promise<void>((resolve) => {
          const stop = (signal: string) => {
            process.stderr.write(`paycodes: ${signal}, finishing requests in flight\n`);
            process.off('SIGTERM', onTerm);
            process.off('SIGINT', onInt);
            running.close().then(resolve);
          };
          const onTerm = () => stop('SIGTERM');
          const onInt = () => stop('SIGINT');
          process.on('SIGTERM', onTerm);
          process.on('SIGINT', onInt);
        });
        process.exitCode = 0;
      },
    );
}
