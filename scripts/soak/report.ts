// The soak's report: the figures (sessions, faults by kind, invariants, slopes per 1,000
// sessions, disk at the end, cold start and recovery times), checked against
// bench/soak-budgets.json; a table for stdout; soak.html with one plot per resource (SVG inline,
// PNG next to it), and result.json with every session's ledger line and every sample.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkBudgets, formatCheck, loadBudgets, type CheckLine } from '../bench/budgets';
import { fitLine, lineChart, BAND_COLORS, EVENT_COLORS, TICK_COLORS, type ChartEvent } from './chart';
import { checkInvariants, INVARIANTS, INVARIANT_MEANING, type Breach, type InvariantCounts } from './ledger';
import type { Recovery, SoakResult } from './run';
import { diskAfterRetention, diskTotal, points, RESOURCES, slopeTable, type SlopeRow } from './stats';

export interface ReportOptions {
  outDir: string;
  warmup: number;
  budgetsFile: string;
}

export interface Report {
  figures: Record<string, number>;
  invariants: InvariantCounts;
  breaches: Breach[];
  slopes: SlopeRow[];
  budget: CheckLine[];
  ok: boolean;
  table: string;
  htmlPath: string;
}

const max = (xs: number[]): number => (xs.length ? Math.max(...xs) : Number.NaN);
const median = (xs: number[]): number => {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
};

/** The numbers `--check` compares with the budgets (keys of bench/soak-budgets.json). */
export function soakFigures(r: SoakResult, slopes: SlopeRow[], inv: InvariantCounts): Record<string, number> {
  const by = (k: string) => slopes.find((s) => s.key === k)!;
  const rec = (kind: Recovery['kind']) => r.recoveries.filter((x) => x.kind === kind);
  const lastSample = r.samples.at(-1);
  const f: Record<string, number> = {};
  for (const k of INVARIANTS) f[`inv.${k}`] = inv[k];
  f.rendererHeapPctPer1000 = by('rendererHeapMB').pctPer1000;
  f.rendererJsDataPctPer1000 = by('rendererJsDataMB').pctPer1000;
  f.rendererCodeMBPer1000 = by('rendererCodeMB').per1000;
  f.domNodesPctPer1000 = by('domNodes').pctPer1000;
  f.listenersPctPer1000 = by('listeners').pctPer1000;
  f.hostRssMBPer1000 = by('hostRssMB').per1000;
  f.hostHeapMBPer1000 = by('hostHeapMB').per1000;
  f.hostFdsPer1000 = by('hostFds').per1000;
  f.chromiumRssMBPer1000 = by('chromiumRssMB').per1000;
  f.diskAfterRetentionMBPer1000 = diskAfterRetention(r.samples, r.options.retentionDays).per1000;
  f.leftoverProfileDirs = lastSample ? lastSample.profileDirs - 1 : Number.NaN;
  f.coldStartWelcomeMs = max(rec('cold-start').map((x) => x.welcomeMs));
  f.hostCrashToWelcomeMs = rec('host-restart').length ? max(rec('host-restart').map((x) => x.welcomeMs)) : 0;
  f.rendererCrashToWelcomeMs = rec('renderer-crash').length ? max(rec('renderer-crash').map((x) => x.welcomeMs)) : 0;
  f.rendererReloadToWelcomeMs = rec('renderer-reload').length ? max(rec('renderer-reload').map((x) => x.welcomeMs)) : 0;
  f.screensShare = r.planned.screens / (r.planned.screens + r.planned.bridge);
  f.wallMinutesPer1000 = r.wallMs / 60_000 / ((r.planned.screens + r.planned.bridge) / 1000);
  return f;
}

const HEAP_PARTS_NOTE =
  "The renderer's V8 heap in all is split by a heap snapshot at every sample: JS data (objects, closures, strings and their stores: what the page keeps, where a leak of ours shows), " +
  "compiled code (bytecode and JIT code: grows while paths run for the first time and hot functions tier up, and starts again at every reload), and V8's own caches and hidden classes. " +
  "Native objects (Blink's, and DevTools' copies of the page's requests for the soak's own CDP connection) are outside V8's total.";

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
const num = (v: number | null, d = 2): string => (v === null || !Number.isFinite(v) ? '—' : v.toFixed(d));

export async function buildReport(r: SoakResult, o: ReportOptions): Promise<Report> {
  mkdirSync(o.outDir, { recursive: true });
  const { counts, breaches } = checkInvariants(r.ledger);
  const slopes = slopeTable(r.samples, o.warmup);
  const figures = soakFigures(r, slopes, counts);
  const budgets = loadBudgets(o.budgetsFile);
  const budget = checkBudgets(figures, budgets);
  const ok = budget.every((l) => l.ok) && INVARIANTS.every((k) => counts[k] === 0);
  const n = r.planned.screens + r.planned.bridge;
  const cold = r.recoveries.filter((x) => x.kind === 'cold-start');
  const lastSample = r.samples.at(-1);

  // ---- the table ----
  const lines: string[] = [];
  const header = headerLines(r);
  lines.push(...header);
  lines.push('', 'Faults injected (struck a session):');
  const faultKinds = Object.keys(r.faults).sort();
  for (const k of faultKinds) lines.push(`  ${pad(k, 18)}${lpad(String(r.faults[k]), 6)}`);
  lines.push(`  ${pad('in all', 18)}${lpad(String(Object.values(r.faults).reduce((a, b) => a + b, 0)), 6)}`);
  lines.push('', 'Invariants (all must be 0):');
  for (const k of INVARIANTS) lines.push(`  ${pad(k, 26)}${lpad(String(counts[k]), 5)}   ${INVARIANT_MEANING[k]}`);
  lines.push('', `Resources (least-squares over sessions ≥ ${o.warmup}; samples every ${r.options.sampleEvery}):`);
  lines.push(`  ${pad('resource', 34)}${lpad('first', 10)}${lpad('last', 10)}${lpad('per 1000', 11)}${lpad('% / 1000', 10)}`);
  for (const s of slopes) lines.push(`  ${pad(`${s.label} (${s.unit})`, 34)}${lpad(num(s.first), 10)}${lpad(num(s.last), 10)}${lpad(num(s.per1000, 3), 11)}${lpad(num(s.pctPer1000, 2), 10)}`);
  if (lastSample) {
    lines.push(
      '',
      `Disk at the end: logs ${lastSample.diskLogsMB.toFixed(2)} MB, print journal ${lastSample.diskJournalMB.toFixed(2)} MB, slips ${lastSample.diskSlipsMB.toFixed(2)} MB, ` +
        `Chromium profile ${lastSample.diskProfileMB.toFixed(2)} MB (${lastSample.profileDirs} folder(s)); ${diskTotal(lastSample).toFixed(2)} MB in all`,
    );
  }
  const after = diskAfterRetention(r.samples, r.options.retentionDays);
  lines.push(`Disk (logs + journal + slips) from session ${Number.isFinite(after.from) ? after.from : '—'} (day ${r.options.retentionDays + 2} on): ${num(after.per1000, 3)} MB per 1000 sessions`);
  lines.push('', `Budgets (${path.relative(process.cwd(), o.budgetsFile)}):`, formatCheck(budget));
  if (breaches.length) {
    lines.push('', `Breaches (${breaches.length}; first 30):`);
    for (const b of breaches.slice(0, 30)) lines.push(`  ${pad(b.invariant, 24)} ${b.session === null ? '' : `#${b.session} `}${b.detail}`);
  }
  const table = lines.join('\n');

  // ---- plots ----
  const bands = r.windows.map((w) => ({ from: w.from, to: w.to, kind: w.kind }));
  const marks = new Set(['restart', 'renderer-crash', 'renderer-reload', 'clock-ntp', 'dst', 'day', 'stuck']);
  const events: ChartEvent[] = r.events.filter((e) => marks.has(e.kind)).map((e) => ({ x: e.session, kind: e.kind }));
  const ticks: ChartEvent[] = r.events.filter((e) => e.kind in TICK_COLORS).map((e) => ({ x: e.session, kind: e.kind }));
  const charts: Array<{ key: string; title: string; svg: string; png: string }> = [];
  type ResvgCtor = new (svg: string, o: object) => { render(): { asPng(): Buffer } };
  let Resvg: ResvgCtor | null;
  try {
    Resvg = ((await import('@resvg/resvg-js')) as unknown as { Resvg: ResvgCtor }).Resvg;
  } catch {
    Resvg = null;
  }
  const plotted = [...RESOURCES.map((x) => x.key), 'diskTotal'] as const;
  for (const key of plotted) {
    const spec = RESOURCES.find((x) => x.key === key);
    const pts = key === 'diskTotal' ? r.samples.map((s) => [s.session, diskTotal(s)] as const) : points(r.samples, key);
    if (!pts.length) continue;
    const row = slopes.find((s) => s.key === key);
    const measured = pts.filter(([x]) => x >= o.warmup);
    const line = fitLine(measured);
    const unit = spec?.unit ?? 'MB';
    const label = row ? `${row.per1000 >= 0 ? '+' : ''}${num(row.per1000, 3)} ${unit} / 1000 sessions${spec?.relative ? ` (${num(row.pctPer1000, 2)} %)` : ''}` : '';
    const svg = lineChart({
      title: spec?.label ?? 'Disk: logs + journal + slips + profile',
      unit,
      points: pts,
      fit: line && measured.length >= 2 && row ? { ...line, from: measured[0]![0], to: measured.at(-1)![0], label } : undefined,
      bands,
      events,
      ticks,
      xMax: n,
    });
    const file = `soak-${key}.png`;
    if (Resvg) writeFileSync(path.join(o.outDir, file), new Resvg(svg, { fitTo: { mode: 'width', value: 1200 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng());
    charts.push({ key, title: spec?.label ?? 'Disk in all', svg, png: Resvg ? file : '' });
  }

  // ---- HTML ----
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const legend = [
    ...Object.entries(BAND_COLORS).map(([k, c]) => `<span class="key"><i style="background:${c}"></i>${esc(k)} (window)</span>`),
    ...Object.entries(EVENT_COLORS).map(([k, c]) => `<span class="key"><i style="background:${c};width:3px"></i>${esc(k === 'restart' ? 'kiosk process restarted' : k)}</span>`),
    ...Object.entries(TICK_COLORS).map(([k, c]) => `<span class="key"><i style="background:${c};height:6px;width:2px"></i>${esc(k)} (tick)</span>`),
  ].join(' ');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Infomat soak: ${n} sessions, seed ${esc(r.options.seed)}</title>
<style>body{font:14px/1.45 "DejaVu Sans",sans-serif;margin:24px;max-width:1240px;color:#222}h1{font-size:22px}h2{font-size:17px;margin-top:28px}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
.bad{color:#b71c1c;font-weight:bold}.ok{color:#1b5e20}pre{background:#f6f6f6;padding:10px;overflow:auto}.key{display:inline-block;margin-right:12px;font-size:12px}
.key i{display:inline-block;width:14px;height:10px;margin-right:4px;vertical-align:middle}figure{margin:10px 0 22px}</style></head><body>
<h1>Infomat soak — ${n} sessions (${r.planned.screens} through the screens), seed ${esc(r.options.seed)}: ${ok ? '<span class="ok">within budget, every invariant 0</span>' : '<span class="bad">over budget or an invariant broken</span>'}</h1>
<pre>${esc(header.join('\n'))}</pre>
<h2>How to read this</h2>
<p>Each plot is one resource over sessions done (x). Blue: the samples (every ${r.options.sampleEvery} sessions, the screen on Welcome, after a forced GC for the heaps).
Red dashed: the least-squares line over the sessions after the warm-up (${o.warmup}); its slope per 1,000 sessions is in the corner, and in the table below.
Shaded: windows of faults over several sessions. Vertical lines: the kiosk process killed and restarted by its supervisor, a renderer crash or reload, an NTP step, the daylight-saving switch of the kiosk's zone, a new virtual day (dotted).
Ticks on the x axis: MIS faults (5xx, timeout, cut connection, lost booking answer).
A leak is a slope that does not flatten; retention working is the disk levelling off after day ${r.options.retentionDays + 1}.</p>
<p>${esc(HEAP_PARTS_NOTE)}</p>
<p>${legend}</p>
<h2>Invariants</h2><table><tr><th>invariant</th><th>count</th><th>meaning</th></tr>
${INVARIANTS.map((k) => `<tr><td>${k}</td><td class="n ${counts[k] ? 'bad' : 'ok'}">${counts[k]}</td><td>${esc(INVARIANT_MEANING[k])}</td></tr>`).join('\n')}</table>
${breaches.length ? `<h3>Breaches</h3><pre>${esc(breaches.map((b) => `${b.invariant} ${b.session === null ? '' : `#${b.session} `}${b.detail}`).join('\n'))}</pre>` : ''}
<h2>Faults injected</h2><table><tr><th>fault</th><th>count</th></tr>${faultKinds.map((k) => `<tr><td>${esc(k)}</td><td class="n">${r.faults[k]}</td></tr>`).join('')}</table>
<h2>Resources: slopes per 1,000 sessions</h2><table><tr><th>resource</th><th>first</th><th>last</th><th>per 1,000 sessions</th><th>% of level per 1,000</th></tr>
${slopes.map((s) => `<tr><td>${esc(s.label)} (${esc(s.unit)})</td><td class="n">${num(s.first)}</td><td class="n">${num(s.last)}</td><td class="n">${num(s.per1000, 3)}</td><td class="n">${num(s.pctPer1000, 2)}</td></tr>`).join('\n')}</table>
<h2>Budgets</h2><pre>${esc(formatCheck(budget))}</pre>
<h2>Plots</h2>
${charts.map((c) => `<figure>${c.svg}<figcaption>${esc(c.title)}${c.png ? ` — <a href="${c.png}">PNG</a>` : ''}</figcaption></figure>`).join('\n')}
<h2>Sessions by kind (planned)</h2><table>${Object.entries(r.planned.kinds).sort().map(([k, v]) => `<tr><td>${esc(k)}</td><td class="n">${v}</td></tr>`).join('')}</table>
<h2>Outcomes</h2><table>${Object.entries(outcomes(r)).sort((a, b) => b[1] - a[1]).map(([k, v]) => `<tr><td>${esc(k)}</td><td class="n">${v}</td></tr>`).join('')}</table>
<h2>The kiosk's configuration in this run</h2><pre>${esc(JSON.stringify(r.config, null, 2))}</pre>
</body></html>`;
  const htmlPath = path.join(o.outDir, 'soak.html');
  writeFileSync(htmlPath, html);
  // The same for reading in the repository: figures and the PNG plots in Markdown.
  const md = [
    `# Soak: ${n} sessions, seed ${r.options.seed} — ${ok ? 'within budget, every invariant 0' : 'over budget or an invariant broken'}`,
    '',
    'Made by `npm run soak` (README, «Soak: a month in the lobby»). The full report with the plots inline: [soak.html](soak.html); the numbers: [summary.json](summary.json).',
    '',
    '```',
    ...header,
    '```',
    '',
    '## Invariants',
    '',
    '| Invariant | Count | Meaning |',
    '|---|---:|---|',
    ...INVARIANTS.map((k) => `| \`${k}\` | ${counts[k]} | ${INVARIANT_MEANING[k]} |`),
    '',
    '## Faults injected',
    '',
    '| Fault | Count |',
    '|---|---:|',
    ...faultKinds.map((k) => `| ${k} | ${r.faults[k]} |`),
    `| in all | ${Object.values(r.faults).reduce((a, b) => a + b, 0)} |`,
    '',
    `## Resources: least-squares slopes per 1,000 sessions (after session ${o.warmup})`,
    '',
    '| Resource | First | Last | Per 1,000 sessions | % of level per 1,000 |',
    '|---|---:|---:|---:|---:|',
    ...slopes.map((s) => `| ${s.label} (${s.unit}) | ${num(s.first)} | ${num(s.last)} | ${num(s.per1000, 3)} | ${num(s.pctPer1000, 2)} |`),
    '',
    lastSample
      ? `Disk at the end: logs ${lastSample.diskLogsMB.toFixed(2)} MB, print journal ${lastSample.diskJournalMB.toFixed(2)} MB, slips ${lastSample.diskSlipsMB.toFixed(2)} MB, Chromium profile ${lastSample.diskProfileMB.toFixed(2)} MB (${lastSample.profileDirs} folder); ` +
        `logs + journal + slips from day ${r.options.retentionDays + 2} on: ${num(after.per1000, 3)} MB per 1,000 sessions.`
      : '',
    '',
    '## Budgets (`--check`)',
    '',
    '```',
    formatCheck(budget),
    '```',
    '',
    '## Plots',
    '',
    HEAP_PARTS_NOTE,
    '',
    'Blue: samples; red dashed: the least-squares line after the warm-up. Bands: MIS down (red), paper out (orange), paper near end (yellow), cover open (violet), printer offline (grey). Lines: kiosk process restarted (red), renderer crash (violet) or reload (blue), NTP step (green), DST switch (orange), a new day (dotted). Ticks: MIS faults.',
    '',
    ...charts.filter((c) => c.png).map((c) => `![${c.title}](${c.png})`),
    '',
  ].join('\n');
  writeFileSync(path.join(o.outDir, 'README.md'), md);
  // Everything (every session's ledger line): for a post-mortem, not for the repository.
  writeFileSync(path.join(o.outDir, 'result.json'), JSON.stringify({ figures, invariants: counts, breaches, slopes, result: r }, null, 1));
  // The figures, the samples and the events: small enough to keep next to the report.
  const { ledger: _ledger, ...rest } = r;
  void _ledger;
  writeFileSync(
    path.join(o.outDir, 'summary.json'),
    JSON.stringify({ figures, invariants: counts, breaches, slopes, outcomes: outcomes(r), prints: r.ledger.prints.length, result: rest }, null, 1),
  );
  void cold;
  void median;
  return { figures, invariants: counts, breaches, slopes, budget, ok, table, htmlPath };
}

function outcomes(r: SoakResult): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of r.ledger.sessions) {
    const k = `${s.via}: ${s.outcome.replace(/^(interrupted:).*/, '$1…')}`;
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

function headerLines(r: SoakResult): string[] {
  const n = r.planned.screens + r.planned.bridge;
  const byKind = (k: Recovery['kind']) => r.recoveries.filter((x) => x.kind === k);
  const ms = (xs: Recovery[], key: 'welcomeMs' | 'reactMs') => (xs.length ? xs.map((x) => (Number.isFinite(x[key]) ? `${(x[key] / 1000).toFixed(2)} s` : 'never')).join(', ') : '—');
  const cold = byKind('cold-start');
  const lines = [
    `Sessions: ${n} (${r.planned.screens} through the screens, ${((r.planned.screens / n) * 100).toFixed(0)} %; ${r.planned.bridge} through the bridge alone), seed ${r.options.seed}, ${r.days} virtual day(s) of ${r.options.perDay} from ${r.options.start}`,
    `Wall time: ${(r.wallMs / 60_000).toFixed(1)} min (${((r.wallMs / 60_000) / (n / 1000)).toFixed(1)} min per 1000 sessions)`,
    `Cold start (kiosk process started → Welcome ready to touch / React's Welcome): ${ms(cold, 'welcomeMs')} / ${ms(cold, 'reactMs')}`,
    `Kiosk process crash → Welcome again (supervisor pause ${(r.options.restartDelayMs / 1000).toFixed(1)} s included): ${ms(byKind('host-restart'), 'welcomeMs')}`,
    `Renderer crash → Welcome again: ${ms(byKind('renderer-crash'), 'welcomeMs')}${byKind('renderer-crash').some((x) => !x.byItself) ? ' (never = the kiosk did not bring it back; the soak reloaded the tab)' : ''}`,
    `Renderer reload → Welcome again: median ${byKind('renderer-reload').length ? `${(median(byKind('renderer-reload').map((x) => x.welcomeMs)) / 1000).toFixed(2)} s` : '—'}, max ${byKind('renderer-reload').length ? `${(max(byKind('renderer-reload').map((x) => x.welcomeMs)) / 1000).toFixed(2)} s` : '—'} (${byKind('renderer-reload').length})`,
    `Kiosk zone ${r.options.tz}; retentionDays ${r.options.retentionDays}${r.dst.length ? `; daylight saving switch crossed at session ${r.dst.map((d) => `${d.session} (UTC${d.from >= 0 ? '+' : ''}${d.from / 60} → UTC${d.to >= 0 ? '+' : ''}${d.to / 60})`).join(', ')}` : ''}`,
  ];
  return lines;
}
