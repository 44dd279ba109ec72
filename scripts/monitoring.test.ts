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
import { AGENT_INSTALLER, droppedPrinterStates, keptSeries, renderAgentConfig } from './fleet/agent-config';

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

  it('the kiosk agent sends exactly the series the rules and the dashboard read, and no printer state an alert needs', () => {
    const exprs = [...ruleExprs(), ...dashboardExprs()];
    const used = new Set(exprs.flatMap((e) => [...e.matchAll(/\b(infomat_[a-z_]+|up)(?=[\s{[)]|$)/g)].map((m) => m[1]!)));
    expect([...used].sort()).toEqual([...keptSeries()].sort());
    const alerted = /infomat_printer_state\{state=~"([^"]+)"\}/.exec(ruleExprs().join('\n'))![1]!.split('|');
    expect(droppedPrinterStates().filter((s) => alerted.includes(s))).toEqual([]);
  });

  it('a kiosk sends at most 200 series to the region (the dashboard\'s and the rules\' own)', async () => {
    const m = createKioskMetrics({ version: 't', kioskId: 't' });
    m.configInfo('f1', 'central');
    const keep = new Set(keptSeries());
    const dropState = new Set(droppedPrinterStates());
    const lines = (await m.render()).split('\n').filter((l) => l && !l.startsWith('#'));
    const sent = lines.filter((l) => {
      const name = l.split(/[{ ]/)[0]!;
      const state = /state="([^"]+)"/.exec(l)?.[1];
      return keep.has(name) && !(name === 'infomat_printer_state' && state && dropState.has(state));
    });
    // + up, which the agent's scrape itself adds.
    const perKiosk = sent.length + 1;
    expect(lines.length + 5).toBeGreaterThan(perKiosk);
    expect(perKiosk).toBeLessThanOrEqual(200);
  });

  it.skipIf(!hasPromtool)('the agent config the Linux installer writes passes promtool check config --agent', () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'infomat-agent-check-'));
    try {
      const passwordFile = path.join(tmp, 'password');
      writeFileSync(passwordFile, 'secret\n');
      const yml = renderAgentConfig({ kioskId: 'KIOSK-12-01', clinic: 'C12', metricsPort: 9464, remoteWriteUrl: 'https://metrics.region.example/api/v1/write', passwordFile, caFile: '/etc/ssl/certs/ca-certificates.crt' });
      expect(yml).not.toMatch(/@[A-Z_]+@/);
      expect(yml).toContain('targets: ["127.0.0.1:9464"]');
      const file = path.join(tmp, 'prometheus-agent.yml');
      writeFileSync(file, yml);
      const r = spawnSync(PROMTOOL, ['check', 'config', '--agent', file], { encoding: 'utf8' });
      expect(r.status, r.stdout + r.stderr).toBe(0);
      // The installer refuses what would send the credential in clear or break a label.
      const env = path.join(tmp, 'bad.env');
      writeFileSync(env, "KIOSK_ID=K-1\nMETRICS_PORT=9464\nREMOTE_WRITE_URL='http://metrics.region.example/api/v1/write'\n");
      const bad = spawnSync('sh', [AGENT_INSTALLER, '--render', env, path.join(tmp, 'out.yml')], { encoding: 'utf8' });
      expect(bad.status).not.toBe(0);
      expect(bad.stderr).toContain('https://');
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
