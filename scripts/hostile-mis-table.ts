// Prints the "hostile MIS" table: each misbehaving-server case from the unit tests → the
// client's typed error → time to fail → memory delta. Numbers are for one run on this machine
// (the hostile server runs in the same process, so its own buffers are in the deltas too).
// Peak RSS is sampled every 5 ms during the call; heap is measured after it.
//   node --expose-gc --import tsx scripts/hostile-mis-table.ts
import { CLIENT_DEFAULTS, HOSTILE_CASES, runHostileCase } from '../electron/core/api/testing/hostile-mis';

const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

async function main(): Promise<void> {
  console.log(
    `Client: timeoutMs ${CLIENT_DEFAULTS.timeoutMs}, retries ${CLIENT_DEFAULTS.retries} (unless the case says), maxResponseBytes ${CLIENT_DEFAULTS.maxResponseBytes}, back-off ${CLIENT_DEFAULTS.backoffMs} ms\n`,
  );
  console.log('| Case | Error kind (reason) | Message | Requests seen | Time to fail, ms | Peak RSS Δ, MB | Heap Δ after, MB |');
  console.log('|---|---|---|---|---|---|---|');
  for (const c of HOSTILE_CASES) {
    const o = await runHostileCase(c);
    const e = o.error;
    const kind = e ? `${e.kind}${e.httpStatus ? ` ${e.httpStatus}` : ''} (${e.reason ?? '—'})` : o.unexpected ? 'UNEXPECTED' : 'no error';
    const msg = e ? e.message : o.unexpected ? String(o.unexpected) : '';
    const reqs = `${o.requests}${o.otherHostRequests ? ` + ${o.otherHostRequests} elsewhere` : ''}`;
    console.log(`| ${cell(c.name)} | ${kind} | ${cell(msg)} | ${reqs} | ${o.elapsedMs.toFixed(0)} | ${mb(o.peakRssDeltaBytes)} | ${mb(o.heapDeltaBytes)} |`);
  }
}

void main();
