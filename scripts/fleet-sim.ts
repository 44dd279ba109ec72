// npm run fleet:sim -- --kiosks 500 [--hours 3] [--speed 15] [--fault-at 60] [--extrapolate 2000] [--seed 24]
//
// A fleet on one machine, pushed the way README "Running a fleet" ships it: N real kiosk cores
// (no renderer) in this process, each with its own clinic, printer, MIS latency and patients;
// Debian's Prometheus in agent mode scraping them (the agent config install-metrics-agent.sh
// writes, every 30 s) and remote-writing over TLS with basic auth to a second Prometheus with the
// remote-write receiver and the shipped alert rules (evaluated every 30 s). A few kiosks get
// faults; the report says how many series the region holds, its memory, the scrape and push
// delays, how long each alert took to fire after its cause, and what that comes to for a
// bigger fleet.
//
// Time: Prometheus, the agent, the rules and the kiosks' own probes run in real time with the
// shipped intervals, so every delay reported is what a region would see. The clinics' day runs
// --speed times faster for the patients only: --hours of a clinic morning (from 08:00) pass in
// hours × 60 / speed real minutes. One agent scrapes every kiosk here (500 agents do not fit on
// two cores); at the receiver each kiosk's series are the same as from its own agent.
import { cpus } from 'node:os';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { hashPin } from '../electron/core/service/pin';
import { centralConfig, centralWebConfig, renderAgentConfig } from './fleet/agent-config';
import { bcryptHash } from './fleet/bcrypt';
import { hasPrometheus, startPrometheusProcess, type PromProcess } from './fleet/prometheus';
import { makeTestTls } from './fleet/tls';
import { guessPins, runSession, startProbeServer, startSimKiosk, type ProbeServer, type SimKiosk } from './fleet/sim/kiosks';
import { DAY_STARTS_AT_HOUR, FAULTS, planKiosks, seeded, sessionsPerHourAt, type FaultKind } from './fleet/sim/plan';
import { recordMis, type Recording } from './fleet/sim/replay-mis';

const { values } = parseArgs({
  options: {
    kiosks: { type: 'string', default: '500' },
    hours: { type: 'string', default: '3' },
    speed: { type: 'string', default: '15' },
    'fault-at': { type: 'string', default: '60' },
    extrapolate: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '24' },
    out: { type: 'string', default: 'artifacts/fleet-sim.json' },
  },
});
const N = Number(values.kiosks);
const HOURS = Number(values.hours);
const SPEED = Number(values.speed);
const FAULT_AT_S = Number(values['fault-at']);
const TARGET = Number(values.extrapolate);
const RUN_S = Math.round((HOURS * 3600) / SPEED);
const SCRAPE_S = 30;
if (!(N >= 12) || !(HOURS > 0) || !(SPEED >= 1)) throw new Error('--kiosks ≥ 12 (the faults need a dozen), --hours > 0, --speed ≥ 1');
if (RUN_S < FAULT_AT_S + 9 * 60) console.warn(`note: ${RUN_S} s of real time leaves too little for the 5-minute alerts after the faults at +${FAULT_AT_S} s; use more --hours or less --speed`);

const say = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rng = seeded(Number(values.seed));

interface Sample {
  t: number;
  centralRss: number;
  centralHeap: number;
  headSeries: number;
  agentRss: number;
  pushLagS: number | null;
  simRss: number;
}

interface FaultRecord {
  kind: FaultKind;
  alert: string;
  forSeconds: number;
  what: string;
  kiosks: string[];
  causeAt: number;
  /** When the cause was first visible at the receiver (a query saw it). */
  visibleAt: Record<string, number>;
  /** Wall-clock ms (the rule's activeAt). */
  pendingAt: Record<string, number>;
  /** performance.now() when the alert was first seen firing (polled every 2 s). */
  firingAt: Record<string, number>;
}

let tmp: string | null = null;
let central: PromProcess | null = null;
let agent: PromProcess | null = null;
let probe: ProbeServer | null = null;
const kiosks: SimKiosk[] = [];
let stopping = false;

async function cleanup(): Promise<void> {
  stopping = true;
  await agent?.stop().catch(() => {});
  for (const k of kiosks) await k.close().catch(() => {});
  await probe?.close().catch(() => {});
  await central?.stop().catch(() => {});
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = null;
}
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => void cleanup().finally(() => process.exit(130)));

function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
const secs = (ms: number | undefined) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(0)} s`);

function cpuSeconds(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return NaN;
  }
}

async function main(): Promise<void> {
  if (!hasPrometheus) throw new Error('no /usr/bin/prometheus: apt-get install prometheus');
  tmp = mkdtempSync(path.join(os.tmpdir(), 'infomat-fleet-sim-'));
  say(`fleet simulation: ${N} kiosks, ${HOURS} clinic hours at ×${SPEED} (${(RUN_S / 60).toFixed(0)} real minutes after warm-up), faults at +${FAULT_AT_S} s; ${cpus().length} CPUs`);

  // ---------- the region: receiver + rules, TLS, one password per agent and one for readers ----------
  const tls = makeTestTls(tmp);
  const agentPassword = randomBytes(18).toString('base64url');
  const readerPassword = randomBytes(18).toString('base64url');
  const passwordFile = path.join(tmp, 'agent-password');
  writeFileSync(passwordFile, agentPassword + '\n', { mode: 0o600 });
  central = await startPrometheusProcess({
    role: 'server',
    prefix: 'infomat-fleet-sim-central-',
    config: centralConfig({ evaluationInterval: `${SCRAPE_S}s` }),
    webConfig: centralWebConfig(tls, { 'SIM-AGENT': bcryptHash(agentPassword), reader: bcryptHash(readerPassword) }),
    access: { ca: tls.ca, user: 'reader', password: readerPassword },
    args: ['--web.enable-remote-write-receiver'],
  });
  const c = central;
  await sleep(2000);
  const baselineRss = c.rssBytes();
  say(`central Prometheus up (${c.url}), ${mb(baselineRss)} resident with no kiosk`);

  // ---------- the kiosks ----------
  const rec: Recording = await recordMis();
  probe = await startProbeServer();
  const plans = planKiosks(N, rng);
  const dataDir = path.join(tmp, 'kiosks');
  mkdirSync(dataDir, { mode: 0o700 });
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heap0 = process.memoryUsage();
  const t0 = performance.now();
  // The fault kiosks: one clinic whose MIS goes down, and one kiosk per other fault.
  const downClinic = plans[0]!.clinic;
  const single = plans.filter((p) => p.clinic !== downClinic);
  const faultKiosk = new Map<FaultKind, string>();
  const singles: FaultKind[] = FAULTS.map((f) => f.kind).filter((k) => k !== 'mis-down');
  singles.forEach((kind, i) => faultKiosk.set(kind, single[Math.floor((i * single.length) / singles.length)]!.id));
  const pinHash = hashPin('24682468');
  for (const p of plans) {
    kiosks.push(await startSimKiosk({ ...p, rec, probe, dataDir, pinHash: faultKiosk.get('pin-guessing') === p.id ? pinHash : undefined }));
  }
  const startSeconds = (performance.now() - t0) / 1000;
  gc?.();
  const heap1 = process.memoryUsage();
  const perCore = `${gc ? `+${((heap1.heapUsed - heap0.heapUsed) / N / 1024).toFixed(0)} KiB heap and ` : ''}+${((heap1.rss - heap0.rss) / N / 1024).toFixed(0)} KiB resident each`;
  say(`${N} kiosk cores up in ${startSeconds.toFixed(1)} s: ${perCore}`);
  const byId = new Map(kiosks.map((k) => [k.id, k]));

  // ---------- the agent: the installer's config, its one static target replaced by every kiosk ----------
  const targetsFile = path.join(tmp, 'targets.json');
  const writeTargets = (skip: Set<string>) => {
    const list = kiosks.filter((k) => !skip.has(k.id)).map((k) => ({ targets: [`127.0.0.1:${k.metricsPort}`], labels: { kiosk: k.id, clinic: k.clinic } }));
    writeFileSync(`${targetsFile}.new`, JSON.stringify(list));
    renameSync(`${targetsFile}.new`, targetsFile);
  };
  writeTargets(new Set());
  const shipped = renderAgentConfig({ kioskId: 'SIM-AGENT', clinic: 'SIM', metricsPort: 9464, remoteWriteUrl: `${c.url}/api/v1/write`, passwordFile, caFile: tls.caFile });
  const agentYml = shipped.replace(/ {4}static_configs:\n[\s\S]*?(?= {4}relabel_configs:)/, `    file_sd_configs:\n      - files: [${JSON.stringify(targetsFile)}]\n        refresh_interval: 10s\n`);
  if (agentYml === shipped) throw new Error('the agent template changed: no static_configs block to replace');
  agent = await startPrometheusProcess({ role: 'agent', prefix: 'infomat-fleet-sim-agent-', config: agentYml });
  const a = agent;

  const one = async (expr: string): Promise<number | undefined> => (await c.query(expr))[0]?.value;
  const warm0 = performance.now();
  for (;;) {
    const n = (await one('count(up{job="infomat"} == 1)')) ?? 0;
    if (n >= N) break;
    if (performance.now() - warm0 > 180_000) throw new Error(`only ${n} of ${N} kiosks arrived at the receiver in 3 minutes:\n${a.log()}\n${c.log()}`);
    await sleep(2000);
  }
  say(`all ${N} kiosks arrive at the receiver (${((performance.now() - warm0) / 1000).toFixed(0)} s after the agent started)`);

  // ---------- patients ----------
  const T0 = performance.now();
  const simHoursAt = (t: number) => ((t - T0) / 1000 / 3600) * SPEED;
  const outcomes: Record<string, number> = {};
  const busy = new Set<string>();
  const patients = kiosks.map(async (k) => {
    await sleep(rng() * 5000);
    while (!stopping && performance.now() - T0 < RUN_S * 1000) {
      const perRealSecond = (sessionsPerHourAt(simHoursAt(performance.now())) * k.busyness * SPEED) / 3600;
      await sleep((-Math.log(1 - rng()) / perRealSecond) * 1000);
      if (stopping || !k.up || busy.has(k.id)) continue;
      const o = await runSession(k, rec).catch(() => 'failed' as const);
      outcomes[o] = (outcomes[o] ?? 0) + 1;
    }
  });

  // ---------- measurements ----------
  const samples: Sample[] = [];
  const selfNumber = (m: Map<string, number>, prefix: string) => [...m].filter(([k]) => k === prefix || k.startsWith(`${prefix}{`)).reduce((s, [, v]) => s + v, 0);
  const sampler = (async () => {
    while (!stopping && performance.now() - T0 < RUN_S * 1000) {
      const cm = await c.selfMetrics().catch(() => new Map<string, number>());
      const am = await a.selfMetrics().catch(() => new Map<string, number>());
      const highest = selfNumber(am, 'prometheus_remote_storage_highest_timestamp_in_seconds');
      const sent = [...am].find(([k]) => k.startsWith('prometheus_remote_storage_queue_highest_sent_timestamp_seconds'))?.[1];
      samples.push({
        t: performance.now() - T0,
        centralRss: c.rssBytes(),
        centralHeap: selfNumber(cm, 'go_memstats_heap_inuse_bytes'),
        headSeries: selfNumber(cm, 'prometheus_tsdb_head_series'),
        agentRss: a.rssBytes(),
        pushLagS: sent !== undefined && highest > 0 ? Math.max(0, highest - sent) : null,
        simRss: process.memoryUsage().rss,
      });
      await sleep(5000);
    }
  })();

  // ---------- faults ----------
  const faults: FaultRecord[] = [];
  const alertWatch = (async () => {
    while (!stopping && performance.now() - T0 < RUN_S * 1000) {
      const now = performance.now();
      const alerts = await c.alerts().catch(() => []);
      for (const f of faults) {
        for (const id of f.kiosks) {
          const hit = alerts.find((x) => x.labels.alertname === f.alert && x.labels.instance === id);
          if (!hit) continue;
          // activeAt: the evaluation at which the rule first saw its condition (wall clock).
          if (f.pendingAt[id] === undefined && hit.activeAt) f.pendingAt[id] = Date.parse(hit.activeAt);
          if (hit.state === 'firing' && f.firingAt[id] === undefined) f.firingAt[id] = now;
        }
      }
      await sleep(2000);
    }
  })();
  // activeAt is wall clock; the rest is on the performance clock.
  const wallToPerf = (wall: number) => performance.now() - (Date.now() - wall);

  const visibleWatch = async (f: FaultRecord, id: string, expr: string) => {
    while (!stopping && performance.now() - f.causeAt < 600_000) {
      if (((await one(expr).catch(() => undefined)) ?? 0) > 0) {
        f.visibleAt[id] = performance.now();
        return;
      }
      await sleep(1000);
    }
  };

  await sleep(FAULT_AT_S * 1000);
  say('faults on: ' + FAULTS.map((f) => `${f.kind} (${f.kind === 'mis-down' ? `clinic ${downClinic}` : faultKiosk.get(f.kind)})`).join(', '));
  const record = (kind: FaultKind, ids: string[]): FaultRecord => {
    const meta = FAULTS.find((f) => f.kind === kind)!;
    const r: FaultRecord = { kind, alert: meta.alert, forSeconds: meta.forSeconds, what: meta.what, kiosks: ids, causeAt: performance.now(), visibleAt: {}, pendingAt: {}, firingAt: {} };
    faults.push(r);
    return r;
  };
  const k = (kind: FaultKind) => byId.get(faultKiosk.get(kind)!)!;
  const inject: Array<Promise<void>> = [];
  {
    const p = k('paper-end');
    p.printer.state = 'paper-end';
    inject.push(visibleWatch(record('paper-end', [p.id]), p.id, `infomat_printer_paper{instance="${p.id}",state="end"} == 1`));
    const q = k('paper-near-end');
    q.printer.state = 'paper-near-end';
    inject.push(visibleWatch(record('paper-near-end', [q.id]), q.id, `infomat_printer_paper{instance="${q.id}",state="near_end"} == 1`));
    const o = k('printer-offline');
    o.printer.state = 'offline';
    inject.push(visibleWatch(record('printer-offline', [o.id]), o.id, `infomat_printer_state{instance="${o.id}",state="offline"} == 1`));
    const clinicKiosks = kiosks.filter((x) => x.clinic === downClinic);
    for (const x of clinicKiosks) x.mis.faults.misDown = true;
    probe.down.add(downClinic);
    const md = record('mis-down', clinicKiosks.map((x) => x.id));
    for (const x of clinicKiosks) inject.push(visibleWatch(md, x.id, `infomat_mis_up{instance="${x.id}"} == 0`));
  }
  // Bookings whose answer is lost: the third unknown outcome is when the alert's condition holds.
  inject.push(
    (async () => {
      const x = k('lost-bookings');
      busy.add(x.id);
      x.mis.faults.lostBookings = true;
      for (let i = 0; i < 3; i++) await runSession(x, rec);
      const f = record('lost-bookings', [x.id]);
      busy.delete(x.id);
      await visibleWatch(f, x.id, `infomat_bookings_total{instance="${x.id}",outcome="unknown"} >= 3`);
    })(),
  );
  inject.push(
    (async () => {
      const x = k('cutter-jam');
      busy.add(x.id);
      x.printer.state = 'jam';
      for (let i = 0; i < 2; i++) {
        await runSession(x, rec);
        await sleep(3500);
      }
      const f = record('cutter-jam', [x.id]);
      busy.delete(x.id);
      await visibleWatch(f, x.id, `infomat_prints_total{instance="${x.id}",outcome="failed"} >= 2`);
    })(),
  );
  inject.push(
    (async () => {
      const x = k('pin-guessing');
      await guessPins(x);
      await visibleWatch(record('pin-guessing', [x.id]), x.id, `infomat_service_lockouts_total{instance="${x.id}"} > 0`);
    })(),
  );
  {
    const u = k('update-refused');
    u.core.metrics.updateRefused('bad-signature');
    inject.push(visibleWatch(record('update-refused', [u.id]), u.id, `infomat_update_refused_total{instance="${u.id}",reason="bad-signature"} > 0`));
    const cf = k('config-refused');
    cf.core.metrics.configRefused('bad-signature');
    inject.push(visibleWatch(record('config-refused', [cf.id]), cf.id, `infomat_config_refused_total{instance="${cf.id}",reason="bad-signature"} > 0`));
    const d = k('program-down');
    await d.core.close();
    d.up = false;
    inject.push(visibleWatch(record('program-down', [d.id]), d.id, `up{instance="${d.id}"} == 0`));
    const s = k('machine-silent');
    writeTargets(new Set([s.id]));
    record('machine-silent', [s.id]);
  }

  // ---------- run out the clinic's hours ----------
  let lastReport = performance.now();
  while (performance.now() - T0 < RUN_S * 1000) {
    await sleep(5000);
    if (performance.now() - lastReport > 60_000) {
      lastReport = performance.now();
      const fired = faults.reduce((n, f) => n + Object.keys(f.firingAt).length, 0);
      const want = faults.reduce((n, f) => n + f.kiosks.length, 0);
      const last = samples.at(-1);
      const h = DAY_STARTS_AT_HOUR + simHoursAt(performance.now());
      say(`clinic time ${String(Math.floor(h)).padStart(2, '0')}:${String(Math.floor((h % 1) * 60)).padStart(2, '0')}; sessions ${Object.values(outcomes).reduce((s, v) => s + v, 0)}; alerts fired ${fired}/${want}; central ${last ? mb(last.centralRss) : '?'}, ${last?.headSeries ?? '?'} series`);
    }
  }

  // ---------- the report ----------
  const cm = await c.selfMetrics();
  const am = await a.selfMetrics();
  const alertsNow = await c.alerts();
  const faulted = new Set(faults.flatMap((f) => f.kiosks));
  const unexpected = alertsNow.filter((x) => x.state === 'firing' && !faulted.has(x.labels.instance ?? '')).map((x) => `${x.labels.alertname}@${x.labels.instance}`);
  const alsoOnFaulted = alertsNow
    .filter((x) => x.state === 'firing' && faulted.has(x.labels.instance ?? '') && !faults.some((f) => f.alert === x.labels.alertname && f.kiosks.includes(x.labels.instance!)))
    .map((x) => `${x.labels.alertname}@${x.labels.instance}`);
  const perInstance = await c.query('count by (instance) ({job="infomat"})');
  const seriesPerKiosk = percentile(perInstance.map((r) => r.value), 50);
  const headSeries = selfNumber(cm, 'prometheus_tsdb_head_series');
  const appended = selfNumber(cm, 'prometheus_tsdb_head_samples_appended_total');
  const ruleSeconds = selfNumber(cm, 'prometheus_rule_group_last_duration_seconds');
  const lags = samples.map((s) => s.pushLagS).filter((x): x is number => x !== null);
  const intervalP99 = [...am].find(([k2]) => k2.startsWith('prometheus_target_interval_length_seconds') && k2.includes('quantile="0.99"'))?.[1];
  const intervalP50 = [...am].find(([k2]) => k2.startsWith('prometheus_target_interval_length_seconds') && k2.includes('quantile="0.5"'))?.[1];
  const failedSamples = selfNumber(am, 'prometheus_remote_storage_samples_failed_total');
  const last = samples.at(-1)!;
  const runMinutes = (performance.now() - T0) / 60_000;
  const samplesPerSecond = appended / ((performance.now() - warm0) / 1000);
  const scale = TARGET / N;
  const centralPerSeries = (last.centralRss - baselineRss) / headSeries;
  const visibleDelays = faults.flatMap((f) => Object.entries(f.visibleAt).map(([, at]) => at - f.causeAt));

  const lines: string[] = [];
  const out = (l = '') => lines.push(l);
  const hm = (h: number) => `${String(Math.floor(h)).padStart(2, '0')}:${String(Math.round((h % 1) * 60)).padStart(2, '0')}`;
  out(`Fleet simulation: ${N} kiosks in ${new Set(kiosks.map((x) => x.clinic)).size} clinics, ${HOURS} clinic hours (${hm(DAY_STARTS_AT_HOUR)}–${hm(DAY_STARTS_AT_HOUR + HOURS)}) at ×${SPEED}: ${runMinutes.toFixed(1)} real minutes after warm-up; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  out(`Patients: ${Object.entries(outcomes).map(([o, n]) => `${n} ${o}`).join(', ')} sessions through the kiosk cores`);
  out();
  out('Central Prometheus (remote-write receiver, shipped rules every 30 s, TLS + basic auth)');
  out(`  series in the TSDB head     ${headSeries}  (${seriesPerKiosk} per kiosk at the receiver)`);
  out(`  memory (resident)           ${mb(last.centralRss)}  (${mb(baselineRss)} with no kiosk; ${(centralPerSeries / 1024).toFixed(1)} KiB per series); Go heap in use ${mb(last.centralHeap)}`);
  out(`  samples ingested            ${samplesPerSecond.toFixed(0)}/s`);
  out(`  rule evaluation             ${(ruleSeconds * 1000).toFixed(0)} ms per round (every 30 s)`);
  out(`  CPU                         ${((cpuSeconds(c.pid) / ((performance.now() - warm0) / 1000)) * 100).toFixed(1)} % of a core`);
  out('Agent (one for the whole simulated fleet here; one per kiosk in a region)');
  out(`  scrape interval             p50 ${intervalP50?.toFixed(2) ?? '?'} s, p99 ${intervalP99?.toFixed(2) ?? '?'} s (configured 30 s)`);
  out(`  push lag (newest scraped − newest sent)  p50 ${percentile(lags, 50).toFixed(1)} s, max ${Math.max(...lags).toFixed(1)} s; samples failed ${failedSamples}`);
  out(`  memory ${mb(last.agentRss)}, CPU ${((cpuSeconds(a.pid) / ((performance.now() - warm0) / 1000)) * 100).toFixed(1)} % of a core`);
  out(`  cause → visible at the receiver (scrape wait + kiosk probe + push): p50 ${secs(percentile(visibleDelays, 50))}, max ${secs(Math.max(...visibleDelays))} over ${visibleDelays.length} faults`);
  out(`This process (${N} kiosk cores): ${mb(last.simRss)} resident, ${startSeconds.toFixed(1)} s to start them (${perCore}), CPU ${((cpuSeconds(process.pid) / (performance.now() / 1000)) * 100).toFixed(0)} % of a core`);
  out();
  out('Alerts: cause → pending (condition seen by a rule) → firing (after the rule\'s `for`)');
  out('  alert                      for    kiosks  cause→pending  cause→firing (max)');
  for (const f of faults) {
    const pend = f.kiosks.map((id) => (f.pendingAt[id] !== undefined ? wallToPerf(f.pendingAt[id]!) - f.causeAt : undefined)).filter((x): x is number => x !== undefined);
    const fire = f.kiosks.map((id) => (f.firingAt[id] !== undefined ? f.firingAt[id]! - f.causeAt : undefined)).filter((x): x is number => x !== undefined);
    out(
      `  ${f.alert.padEnd(26)} ${String(f.forSeconds / 60).padStart(3)}m  ${`${fire.length}/${f.kiosks.length}`.padStart(6)}  ${secs(pend.length ? Math.max(...pend) : undefined).padStart(13)}  ${fire.length ? secs(Math.max(...fire)) : 'NOT FIRED'}   (${f.what})`,
    );
  }
  out(`  firing for kiosks without a fault: ${unexpected.length ? unexpected.join(', ') : 'none'}`);
  if (alsoOnFaulted.length) out(`  also firing on the faulted kiosks (consequences of their faults): ${alsoOnFaulted.join(', ')}`);
  out();
  out(`For ${TARGET} kiosks (×${scale.toFixed(1)}; each kiosk with its own agent, so push and alert delays stay as above)`);
  out(`  series ${Math.round(seriesPerKiosk * TARGET)}; samples ${(samplesPerSecond * scale).toFixed(0)}/s; central memory ≈ ${mb(baselineRss + (last.centralRss - baselineRss) * scale)} resident`);
  out(`  rule evaluation ≈ ${(ruleSeconds * 1000 * scale).toFixed(0)} ms per 30 s round; receiver CPU ≈ ${((cpuSeconds(c.pid) / ((performance.now() - warm0) / 1000)) * 100 * scale).toFixed(0)} % of a core`);
  for (const l of lines) console.log(l);

  mkdirSync(path.dirname(values.out!), { recursive: true });
  writeFileSync(
    values.out!,
    JSON.stringify(
      {
        kiosks: N,
        hours: HOURS,
        speed: SPEED,
        runMinutes,
        outcomes,
        central: { headSeries, seriesPerKiosk, rssBytes: last.centralRss, baselineRssBytes: baselineRss, heapInuseBytes: last.centralHeap, samplesPerSecond, ruleSeconds },
        agent: { rssBytes: last.agentRss, pushLagP50: percentile(lags, 50), pushLagMax: Math.max(...lags), intervalP50, intervalP99, failedSamples },
        visibleDelaysMs: visibleDelays,
        faults: faults.map((f) => ({
          ...f,
          pendingMs: Object.fromEntries(Object.entries(f.pendingAt).map(([id, at]) => [id, wallToPerf(at) - f.causeAt])),
          firingMs: Object.fromEntries(Object.entries(f.firingAt).map(([id, at]) => [id, at - f.causeAt])),
        })),
        unexpected,
        extrapolation: { kiosks: TARGET, series: Math.round(seriesPerKiosk * TARGET), samplesPerSecond: samplesPerSecond * scale, centralRssBytes: baselineRss + (last.centralRss - baselineRss) * scale },
        samples,
        report: lines,
      },
      null,
      2,
    ),
  );
  say(`report saved to ${values.out}`);
  stopping = true;
  // The patients' loops may be asleep until their next arrival: they end on their own.
  void Promise.allSettled(patients);
  await Promise.all([sampler, alertWatch, ...inject.map((p) => p.catch(() => {}))]);
}

main()
  .catch((err: unknown) => {
    console.error(`fleet:sim: ${err instanceof Error ? err.stack : String(err)}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanup();
    process.exit();
  });
