// `npm run sim -- --port 8787 [--now ISO] [--token-ttl S] [--host H] [--base-path /test/api] [--quiet]`
import { parseArgs } from 'node:util';
import { startSimulator } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      now: { type: 'string' },
      'token-ttl': { type: 'string' },
      'base-path': { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad --port: ${values.port}`);
  if (values.now !== undefined && Number.isNaN(Date.parse(values.now))) throw new Error(`bad --now: ${values.now}`);
  const ttl = values['token-ttl'] === undefined ? undefined : Number(values['token-ttl']);
  if (ttl !== undefined && !(ttl > 0)) throw new Error(`bad --token-ttl: ${values['token-ttl']}`);

  const sim = await startSimulator({
    port,
    host: values.host,
    now: values.now,
    tokenTtlSeconds: ttl,
    quiet: values.quiet,
    basePath: values['base-path'],
  });
  console.log(`Simulator listening on ${sim.url}`);

  let closing = false;
  const stop = (): void => {
    if (closing) process.exit(1);
    closing = true;
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});
