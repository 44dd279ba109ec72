// Prints the "hostile N3 hub" table: each case of electron/core/mis/n3/testing/hostile-hub.ts →
// the hub client's typed error (or a parsed result) → time → peak RSS. Each case runs in a fresh
// Node process: the peak RSS is then that case's own, and a case that hangs the process (a
// synchronous parse cannot be interrupted) is killed after --limit-s seconds and shown as such.
//   node --expose-gc --import tsx scripts/hostile-n3-table.ts [--limit-s 120] [--only <substring>]
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CLIENT_DEFAULTS, HOSTILE_HUB_CASES, asExpected, runHostileHubCase } from '../electron/core/mis/n3/testing/hostile-hub';

interface Row {
  outcome: string;
  message: string;
  elapsedMs: number;
  peakRssDeltaBytes: number;
  bodyBytes: number;
  ok: boolean;
}

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};

async function child(index: number): Promise<void> {
  const c = HOSTILE_HUB_CASES[index]!;
  const o = await runHostileHubCase(c);
  const e = o.error;
  const row: Row = {
    outcome: e ? `${e.kind}${e.httpStatus ? ` ${e.httpStatus}` : ''} (${e.reason ?? '—'})` : o.unexpected ? `UNTYPED ${(o.unexpected as Error)?.name ?? typeof o.unexpected}` : 'parsed',
    message: e ? e.message : o.unexpected ? String(o.unexpected) : '',
    elapsedMs: o.elapsedMs,
    peakRssDeltaBytes: o.peakRssDeltaBytes,
    bodyBytes: o.bodyBytes,
    ok: asExpected(c, o),
  };
  process.stdout.write(JSON.stringify(row) + '\n');
}

function runChild(index: number, limitMs: number): Promise<Row | { killedAfterMs: number } | { failed: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--case', String(index)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const started = Date.now();
    let killed = false;
    const t = setTimeout(() => {
      killed = true;
      p.kill('SIGKILL');
    }, limitMs);
    p.on('close', () => {
      clearTimeout(t);
      if (killed) return resolve({ killedAfterMs: Date.now() - started });
      const line = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line) as Row);
      } catch {
        resolve({ failed: (err || out).trim().split('\n').slice(-3).join(' ') });
      }
    });
  });
}

const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').slice(0, 140);
const expected = (i: number) => {
  const x = HOSTILE_HUB_CASES[i]!.expect;
  return x === 'parses' ? 'parses' : `${x.kind}${x.reason ? ` (${x.reason})` : ''}`;
};

async function main(): Promise<void> {
  const limitMs = Number(arg('--limit-s') ?? 120) * 1000;
  const only = arg('--only');
  console.log(`Hub client: timeoutMs ${CLIENT_DEFAULTS.timeoutMs}, retries ${CLIENT_DEFAULTS.retries}, maxResponseBytes ${CLIENT_DEFAULTS.maxResponseBytes}; one process per case, killed after ${limitMs / 1000} s\n`);
  console.log('| Case | Body, KiB | Expected | Outcome (reason) | Message | Time, ms | Peak RSS Δ, MB | As expected |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (let i = 0; i < HOSTILE_HUB_CASES.length; i++) {
    const c = HOSTILE_HUB_CASES[i]!;
    if (only && !c.name.includes(only)) continue;
    const r = await runChild(i, limitMs);
    if ('killedAfterMs' in r) {
      console.log(`| ${cell(c.name)} | — | ${expected(i)} | KILLED (still parsing) | — | > ${r.killedAfterMs} | — | no |`);
    } else if ('failed' in r) {
      console.log(`| ${cell(c.name)} | — | ${expected(i)} | CRASHED | ${cell(r.failed)} | — | — | no |`);
    } else {
      console.log(`| ${cell(c.name)} | ${(r.bodyBytes / 1024).toFixed(0)} | ${expected(i)} | ${r.outcome} | ${cell(r.message)} | ${r.elapsedMs.toFixed(0)} | ${mb(r.peakRssDeltaBytes)} | ${r.ok ? 'yes' : 'no'} |`);
    }
  }
}

const one = arg('--case');
void (one !== undefined ? child(Number(one)) : main());
