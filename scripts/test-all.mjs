// `npm test`: every check, in the order that fails fastest, with a summary line at the end.
// Unit tests run under plain Node; the e2e suite drives the built renderer in Debian's
// Chromium through the loopback browser host against the simulator and the virtual printer.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Every step gets a private temp folder (TMPDIR) made and removed here, so the check at the end
// is exact: whatever a step leaves in it is a test that did not clean up after itself.
const runTmp = mkdtempSync(path.join(os.tmpdir(), 'infomat-test-run-'));
// tsx and jiti (electron-builder's config loader) keep disk caches in the temp folder: off, so
// the run leaves nothing behind.
const env = {
  ...process.env,
  TZ: 'America/New_York',
  ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
  TMPDIR: runTmp,
  TMP: runTmp,
  TEMP: runTmp,
  TSX_DISABLE_CACHE: '1',
  JITI_FS_CACHE: 'false',
};
delete env.ELECTRON_RUN_AS_NODE; // a leaked one breaks Electron launches
/**
 * Left in the temp folder by tools, not by our tests, and not avoidable from here: Playwright's
 * transform cache (reused across runs on purpose) and Chromium's own scratch files, which it
 * may leave when Playwright stops it (org.chromium.Chromium.*).
 */
const TOOL_CACHES = [/^playwright-transform-cache/, /^\.?org\.chromium\.Chromium\./];
mkdirSync('artifacts', { recursive: true });

const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=artifacts/unit-results.json']],
  ['security-scan', 'node', ['scripts/security-scan.mjs']],
  ['build', 'npm', ['run', '--silent', 'build']],
  // After the build: it also checks what dist/ holds (no simulator in a production bundle).
  ['builder-config', 'node', ['scripts/validate-builder-config.mjs']],
  ['e2e', 'npx', ['playwright', 'test']],
];

const only = process.argv.slice(2);
const results = [];
for (const [name, cmd, args] of steps) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  results.push({ name, ok: r.status === 0, seconds });
  console.log(`=== ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${seconds}s`);
}

// Count individual tests from the runners' JSON reports.
let passed = 0, failed = 0, skipped = 0;
try {
  const u = JSON.parse(readFileSync('artifacts/unit-results.json', 'utf8'));
  passed += u.numPassedTests; failed += u.numFailedTests; skipped += u.numPendingTests + (u.numTodoTests ?? 0);
} catch { /* the unit step did not run */ }
try {
  const e = JSON.parse(readFileSync('artifacts/e2e-results.json', 'utf8'));
  passed += e.stats.expected; failed += e.stats.unexpected + (e.stats.flaky ?? 0); skipped += e.stats.skipped;
  // Say out loud why anything was skipped (the Electron project without an Electron binary).
  const walk = (suite, out) => {
    for (const s of suite.suites ?? []) walk(s, out);
    for (const spec of suite.specs ?? []) for (const t of spec.tests ?? []) {
      if (t.status !== 'skipped') continue;
      const why = (t.annotations ?? []).find((a) => a.type === 'skip')?.description ?? 'skipped';
      out.push(`[${t.projectName}] ${spec.title}: ${why}`);
    }
  };
  const skips = [];
  for (const s of e.suites ?? []) walk(s, skips);
  for (const line of skips) console.log(`e2e skipped: ${line}`);
} catch { /* the e2e step did not run */ }

// Temp-folder hygiene: nothing a step created may remain.
const leftovers = readdirSync(runTmp).filter((n) => !TOOL_CACHES.some((re) => re.test(n)));
rmSync(runTmp, { recursive: true, force: true });
if (leftovers.length) {
  console.log(`\n=== temp-clean: FAILED, ${leftovers.length} entries left in the temp folder by the run:`);
  for (const n of leftovers.sort()) console.log(`  ${n}`);
} else {
  console.log('\n=== temp-clean: ok, the run left nothing in the temp folder');
}
results.push({ name: 'temp-clean', ok: leftovers.length === 0, seconds: '0.0', leftovers });

for (const r of results) if (!r.ok && !['unit', 'e2e'].includes(r.name)) failed += 1;

console.log('\nSteps: ' + results.map((r) => `${r.name} ${r.ok ? 'ok' : 'FAILED'} (${r.seconds}s)`).join(', '));
writeFileSync('artifacts/test-summary.json', JSON.stringify({ results, passed, failed, skipped }, null, 2));
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
