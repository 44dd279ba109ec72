// `npm run soak [-- --sessions N --seed S --check]`: a month in the lobby, in an hour.
// The real stack (MIS simulator behind the fault proxy, virtual receipt printer, the kiosk
// process with its core, browser host and Debian Chromium) driven like a lobby: sessions through
// the screens and through the bridge alone, faults mixed in at configurable rates, the kiosk's
// clock accelerated day by day. A ledger checks that every booking the MIS made reached the
// patient and the printer exactly once; resources are sampled every N sessions and their
// growth per 1,000 sessions is fitted. A table on stdout, an HTML report with PNG/SVG plots
// (`--out`, default artifacts/soak), and `--check` against bench/soak-budgets.json.
// Not part of `npm test`: 2,000 sessions take most of an hour on 2 cores.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseRates } from './soak/faults';
import { runSoak, type SoakResult } from './soak/run';
import { buildReport } from './soak/report';

const HELP = `npm run soak -- [options]
  --sessions N        sessions in all (default 2000; 10000 is the overnight run)
  --seed S            the plan's seed (default 1): the same seed, the same traffic and faults
  --screens X         share of sessions through the screens, 0.25–1 (default 0.25)
  --per-day N         sessions per virtual day (default 300, a lobby's day)
  --faults SPEC       fault rates: "off", or kind=rate,... over the defaults (see README)
  --sample-every N    sessions between resource samples (default 50)
  --warmup N          sessions left out of the slopes (default 100)
  --retention-days N  the kiosk's retentionDays (default 2, so a short run sees it bite)
  --tz ZONE           the kiosk's own zone, one with daylight saving time (default Europe/Berlin)
  --start YYYY-MM-DD  the first virtual day (default 2027-03-25: Europe/Berlin springs forward on day 4)
  --restart-delay MS  the supervisor's pause before restarting a crashed kiosk (default 3000)
  --out DIR           where the report goes (default artifacts/soak)
  --heap-at N,M       write the renderer's heap snapshot after these sessions into --out;
                      compare two with \`tsx scripts/soak/heap-snapshot.ts A B\`
  --keep              keep the kiosk's work folder (logs, journal, slips) for a post-mortem
  --from FILE         no run: the report again from a run's result.json (after a budget or report change)
  --check             exit 1 on a budget over bench/soak-budgets.json or an invariant broken`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      sessions: { type: 'string', default: '2000' },
      seed: { type: 'string', default: '1' },
      screens: { type: 'string', default: '0.25' },
      'per-day': { type: 'string', default: '300' },
      faults: { type: 'string' },
      'sample-every': { type: 'string', default: '50' },
      warmup: { type: 'string', default: '100' },
      'retention-days': { type: 'string', default: '2' },
      tz: { type: 'string', default: 'Europe/Berlin' },
      start: { type: 'string', default: '2027-03-25' },
      'restart-delay': { type: 'string', default: '3000' },
      out: { type: 'string', default: 'artifacts/soak' },
      'heap-at': { type: 'string' },
      keep: { type: 'boolean', default: false },
      from: { type: 'string' },
      check: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (values.from) {
    // result.json holds the run's SoakResult under `result` (report.ts writes it).
    const saved = JSON.parse(readFileSync(path.resolve(String(values.from)), 'utf8')) as { result?: SoakResult };
    if (!saved.result?.samples) throw new Error(`--from ${values.from}: not a soak result.json`);
    return report(saved.result, values);
  }
  if (!existsSync(path.resolve('dist/renderer/index.html'))) {
    console.error('soak: the renderer is not built; run `npm run build` first.');
    return 2;
  }
  if (!existsSync('/usr/bin/chromium')) {
    console.error('soak: /usr/bin/chromium is missing (scripts/setup.sh installs it).');
    return 2;
  }
  const num = (k: keyof typeof values): number => {
    const n = Number(values[k]);
    if (!Number.isFinite(n)) throw new Error(`--${k}: not a number`);
    return n;
  };
  const sessions = num('sessions');
  const result = await runSoak({
    sessions,
    seed: String(values.seed),
    screensShare: num('screens'),
    perDay: num('per-day'),
    rates: parseRates(values.faults),
    sampleEvery: num('sample-every'),
    retentionDays: num('retention-days'),
    tz: String(values.tz),
    start: String(values.start),
    restartDelayMs: num('restart-delay'),
    keepWorkDir: Boolean(values.keep),
    heapAt: values['heap-at'] ? String(values['heap-at']).split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0) : undefined,
    heapDir: path.resolve(String(values.out)),
    viewport: { width: 1080, height: 1920 },
    progress: (line) => console.log(line),
  });
  return report(result, values);
}

async function report(result: SoakResult, values: { out?: string; check?: boolean; warmup?: string }): Promise<number> {
  const warmup = Number(values.warmup);
  if (!Number.isFinite(warmup)) throw new Error('--warmup: not a number');
  const built = await buildReport(result, {
    outDir: path.resolve(String(values.out)),
    // At most a quarter of the run, so a short run still has points to fit.
    warmup: Math.min(warmup, Math.floor(result.options.sessions / 4)),
    budgetsFile: path.resolve('bench/soak-budgets.json'),
  });
  console.log(`\n${built.table}`);
  console.log(`\nReport: ${built.htmlPath}`);
  if (values.check && !built.ok) {
    console.log('\nsoak --check: over budget or an invariant broken.');
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(2);
  },
);
