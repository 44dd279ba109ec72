// A throwaway certificate authority and a server certificate for 127.0.0.1, made with openssl at
// run time for the remote_write leg of the e2e and the fleet simulation (never committed, never
// reused): the agent checks the receiver's certificate against this CA, as a kiosk checks the
// region's.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface TestTls {
  caFile: string;
  certFile: string;
  keyFile: string;
  /** The CA certificate (PEM), for a client that asks the receiver itself. */
  ca: string;
}

function openssl(args: string[], cwd: string): void {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args[0]}: ${r.stderr || r.error?.message}`);
}

/** CA and server certificate (P-256, valid one day) in `dir`. */
export function makeTestTls(dir: string): TestTls {
  const p = (f: string) => path.join(dir, f);
  openssl(
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1',
      '-subj', '/CN=Infomat test region CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
    dir,
  );
  openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1'], dir);
  writeFileSync(p('server.ext'), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n');
  openssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '1', '-extfile', 'server.ext'], dir);
  return { caFile: p('ca.pem'), certFile: p('server.pem'), keyFile: p('server.key'), ca: readFileSync(p('ca.pem'), 'utf8') };
}
