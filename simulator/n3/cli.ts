// `npm run sim:n3 -- --port 8788 [--now ISO] [--host H] [--quiet]`
import { parseArgs } from 'node:util';
import { startN3Simulator } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8788' },
      host: { type: 'string', default: '127.0.0.1' },
      now: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad --port: ${values.port}`);
  if (values.now !== undefined && Number.isNaN(Date.parse(values.now))) throw new Error(`bad --now: ${values.now}`);
  const sim = await startN3Simulator({ port, host: values.host, now: values.now, quiet: values.quiet });
  console.log(`N3 HubService simulator listening on ${sim.serviceUrl} (WSDL: ${sim.serviceUrl}?wsdl)`);
  const stop = (): void => {
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
