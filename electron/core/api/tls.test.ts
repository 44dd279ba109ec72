// The MIS behind a clinic's own CA: a local https server with a leaf signed by a CA made here.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { rootCertificates } from 'node:tls';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { createMisClient } from './mis-client';
import { describeTlsFailure, loadCaBundle } from './tls';

let server: https.Server;
let base: string;
let dir: string;
let caPem: string;
let connections = 0;

beforeAll(async () => {
  const ca = await generate([{ name: 'commonName', value: 'Clinic Test Root CA' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const leaf = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
    ],
  });
  caPem = ca.cert;
  dir = mkdtempSync(path.join(tmpdir(), 'infomat-tls-'));
  server = https.createServer({ key: leaf.private, cert: leaf.cert }, (req, res) => {
    req.resume();
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('[]');
  });
  server.on('connection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}, 60000);

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

const client = (ca?: readonly string[]) =>
  createMisClient({ baseUrl: base, clientApplication: 'x', timeoutMs: 5000, retries: 2, backoffMs: 1, ca });

describe('MIS over https with the clinic CA', () => {
  it('without api.caFile the call fails with a typed TLS error a technician can act on, not retried', async () => {
    connections = 0;
    const e = await client().listDirections('t').catch((x: unknown) => x);
    expect(connections).toBe(1);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ kind: 'network', reason: 'tls' });
    expect((e as ApiError).message).toMatch(/не доверяет \((UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\).*api\.caFile/);
  });

  it('with the CA file added to the default roots the call works', async () => {
    const file = path.join(dir, 'mis-ca.pem');
    writeFileSync(file, caPem);
    const bundle = loadCaBundle(file);
    expect(bundle.ok).toBe(true);
    if (!bundle.ok) return;
    expect(bundle.fromFile).toBe(1);
    expect(bundle.ca).toHaveLength(rootCertificates.length + 1);
    expect(await client(bundle.ca).listDirections('t')).toEqual([]);
  });

  it('a file with several certificates adds them all', () => {
    const file = path.join(dir, 'chain.pem');
    writeFileSync(file, `${caPem}\n${caPem}`);
    const bundle = loadCaBundle(file);
    expect(bundle.ok && bundle.fromFile).toBe(2);
  });
});

describe('TLS failure wording', () => {
  it('names the cause and the setting', () => {
    expect(describeTlsFailure('CERT_HAS_EXPIRED')).toMatch(/просрочен.*дату и время/);
    expect(describeTlsFailure('ERR_TLS_CERT_ALTNAME_INVALID')).toMatch(/другое имя.*api\.baseUrl/);
    expect(describeTlsFailure('ECONNREFUSED')).toBeNull();
  });
});
