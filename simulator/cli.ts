// `npm run sim -- --port 8787 [--now ISO] [--token-ttl S] [--host H] [--base-path /test/api] [--quiet]`
import { parseArgs } from 'node:util';
import { checkNow, closeOnSignals, parsePort, runCli } from './cli-common';
import { startSimulator } from './server';

runCli(async () => {
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
  const port = parsePort(values.port);
  const now = checkNow(values.now);
  const ttl = values['token-ttl'] === undefined ? undefined : Number(values['token-ttl']);
  if (ttl !== undefined && !(ttl > 0)) throw new Error(`bad --token-ttl: ${values['token-ttl']}`);

  const sim = await startSimulator({
    port,
    host: values.host,
    now,
    tokenTtlSeconds: ttl,
    quiet: values.quiet,
    basePath: values['base-path'],
  });
  console.log(`Simulator listening on ${sim.url}`);
  closeOnSignals(() => sim.close());
});
