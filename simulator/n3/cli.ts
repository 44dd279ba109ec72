// `npm run sim:n3 -- --port 8788 [--now ISO] [--host H] [--quiet]`
import { parseArgs } from 'node:util';
import { checkNow, closeOnSignals, parsePort, runCli } from '../cli-common';
import { startN3Simulator } from './server';

runCli(async () => {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8788' },
      host: { type: 'string', default: '127.0.0.1' },
      now: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const sim = await startN3Simulator({ port: parsePort(values.port), host: values.host, now: checkNow(values.now), quiet: values.quiet });
  console.log(`N3 HubService simulator listening on ${sim.serviceUrl} (WSDL: ${sim.serviceUrl}?wsdl)`);
  closeOnSignals(() => sim.close());
});
