// npx tsx scripts/fleet/receiver-auth-bench.ts [--kiosks 2000] [--cost 10] [--seconds 20]
//
// How many remote_write requests a Prometheus receiver with one basic-auth password per kiosk
// (--web.config.file basic_auth_users) accepts per second when every request comes from another
// kiosk. Prometheus checks the bcrypt hash one request at a time and remembers only 100
// checked passwords, so a fleet of thousands pays a full bcrypt for nearly every request; a
// fleet of N kiosks pushing every 30 s needs N / 30 requests per second. Requests carry an
// empty body: the receiver answers 400 after accepting the password, 401 before.
import { randomBytes } from 'node:crypto';
import https from 'node:https';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { centralConfig, centralWebConfig } from './agent-config';
import { bcryptHash } from './bcrypt';
import { startPrometheusProcess } from './prometheus';
import { makeTestTls } from './tls';

const { values } = parseArgs({ options: { kiosks: { type: 'string', default: '2000' }, cost: { type: 'string', default: '10' }, seconds: { type: 'string', default: '20' } } });
const N = Number(values.kiosks);
const COST = Number(values.cost);
const SECONDS = Number(values.seconds);

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'infomat-auth-bench-'));
  try {
    const tls = makeTestTls(dir);
    const users = Array.from({ length: N }, (_, i) => ({ user: `K-${String(i).padStart(4, '0')}`, password: randomBytes(18).toString('base64url') }));
    const t0 = performance.now();
    // One hash, reused for every kiosk's entry would let the 100-entry cache hit; a hash each does not.
    const hashes = Object.fromEntries(users.map((u) => [u.user, bcryptHash(u.password, COST)]));
    console.log(`${N} bcrypt hashes at cost ${COST} made in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const central = await startPrometheusProcess({
      role: 'server',
      prefix: 'infomat-auth-bench-central-',
      config: centralConfig({ evaluationInterval: '30s', ruleFiles: [] }),
      webConfig: centralWebConfig(tls, { ...hashes, reader: bcryptHash('reader', 4) }),
      access: { ca: tls.ca, user: 'reader', password: 'reader' },
      args: ['--web.enable-remote-write-receiver'],
    });
    try {
      const agent = new https.Agent({ ca: tls.ca, keepAlive: true, maxSockets: 32 });
      const post = (u: { user: string; password: string }) =>
        new Promise<number>((resolve) => {
          const req = https.request(`${central.url}/api/v1/write`, { method: 'POST', agent, auth: `${u.user}:${u.password}`, timeout: 30_000 }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          });
          req.on('error', () => resolve(0));
          req.on('timeout', () => req.destroy());
          req.end();
        });
      const end = performance.now() + SECONDS * 1000;
      const statuses: Record<number, number> = {};
      const latencies: number[] = [];
      let i = 0;
      await Promise.all(
        Array.from({ length: 32 }, async () => {
          while (performance.now() < end) {
            const t = performance.now();
            const s = await post(users[i++ % N]!);
            latencies.push(performance.now() - t);
            statuses[s] = (statuses[s] ?? 0) + 1;
          }
        }),
      );
      latencies.sort((a, b) => a - b);
      const accepted = statuses[400] ?? 0;
      console.log(
        `receiver with ${N} kiosk passwords (cost ${COST}): ${(accepted / SECONDS).toFixed(1)} requests/s accepted, ` +
          `p50 ${latencies[Math.floor(latencies.length / 2)]!.toFixed(0)} ms, p99 ${latencies[Math.floor(latencies.length * 0.99)]!.toFixed(0)} ms (32 at a time); ` +
          `statuses ${JSON.stringify(statuses)}; a fleet of ${N} pushing every 30 s needs ${(N / 30).toFixed(1)}/s`,
      );
    } finally {
      await central.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
