// The fleet monitoring files against the real engine and against the kiosk's own series: the
// alert rules pass `promtool test rules`, every PromQL expression of the dashboard parses, and
// no rule or panel names a series the kiosk does not export (a rename would silently blank
// an alert, which nobody notices until the paper runs out).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKioskMetrics } from '../electron/core/telemetry/kiosk-metrics';

const DIR = path.resolve('build/monitoring');
const PROMTOOL = '/usr/bin/promtool';
const hasPromtool = existsSync(PROMTOOL);

function dashboardExprs(): string[] {
  const dash = JSON.parse(readFileSync(path.join(DIR, 'infomat-fleet-dashboard.json'), 'utf8')) as { panels: Array<{ targets?: Array<{ expr: string }> }> };
  return dash.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));
}

function ruleExprs(): string[] {
  // The rules file is YAML; its `expr:` values are either one line or a `|` block.
  const lines = readFileSync(path.join(DIR, 'infomat-alerts.yml'), 'utf8').split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)expr:\s*(.*)$/.exec(lines[i]!);
    if (!m) continue;
    if (m[2] !== '|') {
      out.push(m[2]!);
      continue;
    }
    const block: string[] = [];
    while (i + 1 < lines.length && (lines[i + 1]!.trim() === '' || lines[i + 1]!.startsWith(m[1]! + '  '))) block.push(lines[++i]!.trim());
    out.push(block.join(' '));
  }
  return out;
}

/** Every infomat_* series name an expression reads (histogram suffixes folded to the family). */
function seriesNames(expr: string): string[] {
  return [...expr.matchAll(/\binfomat_[a-z_]+/g)].map((m) => m[0].replace(/_(bucket|count|sum)$/, ''));
}

describe('monitoring files', () => {
  it('name only series the kiosk exports', async () => {
    const exported = new Set((await createKioskMetrics({ version: 't', kioskId: 't' }).registry.getMetricsAsJSON()).map((m) => m.name));
    const used = [...ruleExprs(), ...dashboardExprs()].flatMap(seriesNames);
    expect(used.length).toBeGreaterThan(10);
    expect([...new Set(used)].filter((n) => !exported.has(n))).toEqual([]);
  });

  it.skipIf(!hasPromtool)('the alert rules pass promtool test rules (needs /usr/bin/promtool, Debian package prometheus)', () => {
    const check = spawnSync(PROMTOOL, ['check', 'rules', path.join(DIR, 'infomat-alerts.yml')], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const test = spawnSync(PROMTOOL, ['test', 'rules', path.join(DIR, 'infomat-alerts.test.yml')], { encoding: 'utf8', cwd: DIR });
    expect(test.status, test.stdout + test.stderr).toBe(0);
    expect(test.stdout).toContain('SUCCESS');
  });

  it.skipIf(!hasPromtool)('every dashboard query parses as PromQL (needs /usr/bin/promtool)', () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'infomat-promql-'));
    try {
      // Recording rules are the one place promtool parses arbitrary PromQL offline.
      const rules = dashboardExprs().map((e, i) => `      - record: dashboard_query_${i}\n        expr: ${JSON.stringify(e.replaceAll('$kiosk', '.*'))}`);
      const file = path.join(tmp, 'dashboard.rules.yml');
      writeFileSync(file, `groups:\n  - name: dashboard\n    rules:\n${rules.join('\n')}\n`);
      const r = spawnSync(PROMTOOL, ['check', 'rules', file], { encoding: 'utf8' });
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toContain(`SUCCESS: ${rules.length} rules found`);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
