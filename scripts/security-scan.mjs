#!/usr/bin/env node
// Static security gate for the Electron code.
//  1. Runs @doyensec/electronegativity (programmatic API, the same engine as its CLI, with
//     AvailableSecurityFixesGlobalCheck excluded because it needs the internet) over a staged
//     copy of the input without tests and __fixtures__.
//  2. Adds a few rules electronegativity is known to miss (nodeIntegration: true next to
//     sandbox: false, webviewTag: true) and our own "no shell.openExternal at all".
//  3. Writes SARIF 2.1.0 (artifacts/electronegativity.sarif) with each finding's severity and
//     confidence in `properties` and the justified ones as `suppressions`.
//  4. Gates: exit 1 when any finding above LOW is neither justified in the code — a comment
//     `// electronegativity-ignore: <reason>` on the finding's line or the line above — nor
//     listed in ALLOWLIST below with a reason. The tool itself exits 0 even with HIGH findings.
// Usage: node scripts/security-scan.mjs [--input electron] [--out artifacts/electronegativity.sarif] [--quiet]
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const SEVERITY_RANK = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };
const ELECTRON_VERSION = '45.5.0';

/**
 * Findings accepted on purpose, each with its reason. `file` is relative to the scanned input
 * ('N/A' for global checks); `id` is the rule id.
 * @type {Array<{ id: string, file: string, reason: string }>}
 */
export const ALLOWLIST = [];

/** Paths (relative to the input) left out of the scan. */
export const DEFAULT_EXCLUDES = [/(^|\/)__fixtures__(\/|$)/, /\.(test|spec)\.[cm]?[jt]sx?$/, /(^|\/)node_modules(\/|$)/];

/** Rules electronegativity misses (field notes: nodeIntegration next to sandbox:false, webviewTag). */
const EXTRA_RULES = [
  { id: 'INFOMAT_NODE_INTEGRATION', severity: 'HIGH', re: /\bnodeIntegration(InSubFrames|InWorker)?\s*:\s*true\b/, text: 'nodeIntegration must stay false in every renderer' },
  { id: 'INFOMAT_WEBVIEW_TAG', severity: 'HIGH', re: /\bwebviewTag\s*:\s*true\b/, text: 'webviewTag must stay false' },
  { id: 'INFOMAT_CONTEXT_ISOLATION', severity: 'HIGH', re: /\bcontextIsolation\s*:\s*false\b/, text: 'contextIsolation must stay true' },
  { id: 'INFOMAT_SANDBOX', severity: 'HIGH', re: /\bsandbox\s*:\s*false\b/, text: 'sandbox must stay true' },
  { id: 'INFOMAT_WEB_SECURITY', severity: 'HIGH', re: /\bwebSecurity\s*:\s*false\b/, text: 'webSecurity must stay on' },
  { id: 'INFOMAT_OPEN_EXTERNAL', severity: 'HIGH', re: /\bshell\s*\.\s*openExternal\s*\(|\bopenExternal\s*\(/, text: 'the kiosk never opens anything outside itself: no shell.openExternal' },
];

const IGNORE_RE = /electronegativity-ignore:\s*(\S.{5,})$/;

function listFiles(dir, rel = '') {
  const out = [];
  for (const name of readdirSync(path.join(dir, rel))) {
    const r = rel ? `${rel}/${name}` : name;
    if (statSync(path.join(dir, r)).isDirectory()) out.push(...listFiles(dir, r));
    else out.push(r);
  }
  return out;
}

/** The reason given in the code for a finding at `line` (1-based), if any. */
export function justificationAt(lines, line) {
  for (const l of [line, line - 1, line - 2]) {
    if (l < 1 || l > lines.length) continue;
    const text = lines[l - 1];
    const m = IGNORE_RE.exec(text.trim());
    if (m) return m[1].trim();
    // look further up only across comment lines
    if (l !== line && !/^\s*(\/\/|\/\*|\*)/.test(text)) break;
  }
  return null;
}

async function runElectronegativity(stageDir) {
  const run = require('@doyensec/electronegativity');
  // It prints "Could not retrieve updated translations" when offline; keep the output clean.
  const orig = { log: console.log, warn: console.warn, error: console.error };
  const keep = [];
  const filter = (fn) => (...a) => {
    if (typeof a[0] === 'string' && a[0].includes('updated translations')) return;
    keep.push(() => fn(...a));
  };
  console.log = filter(orig.log);
  console.warn = filter(orig.warn);
  console.error = filter(orig.error);
  try {
    return await run(
      { input: stageDir, isRelative: true, excludeFromScan: ['AvailableSecurityFixesGlobalCheck'], electronVersionOverride: ELECTRON_VERSION },
      false,
    );
  } finally {
    Object.assign(console, orig);
  }
}

/**
 * @param {{ input?: string, out?: string|null, excludes?: RegExp[], allowlist?: typeof ALLOWLIST }} [opts]
 */
export async function runSecurityScan(opts = {}) {
  const started = Date.now();
  const input = path.resolve(projectRoot, opts.input ?? 'electron');
  const out = opts.out === undefined ? path.join(projectRoot, 'artifacts', 'electronegativity.sarif') : opts.out;
  const excludes = opts.excludes ?? DEFAULT_EXCLUDES;
  const allowlist = opts.allowlist ?? ALLOWLIST;
  if (!existsSync(input)) throw new Error(`input does not exist: ${input}`);

  // Stage the files to scan (so excluded files cannot influence global checks either).
  const stage = mkdtempSync(path.join(os.tmpdir(), 'infomat-scan-'));
  const files = listFiles(input).filter((f) => !excludes.some((re) => re.test(f)));
  for (const f of files) {
    mkdirSync(path.dirname(path.join(stage, f)), { recursive: true });
    cpSync(path.join(input, f), path.join(stage, f));
  }

  let result;
  try {
    result = await runElectronegativity(stage);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }

  const source = new Map();
  const linesOf = (file) => {
    if (!source.has(file)) {
      const abs = path.join(input, file);
      source.set(file, existsSync(abs) ? readFileSync(abs, 'utf8').split('\n') : []);
    }
    return source.get(file);
  };

  const findings = result.issues.map((i) => ({
    id: i.id,
    severity: i.severity.name,
    confidence: i.confidence.name,
    manualReview: Boolean(i.manualReview),
    file: i.file === 'N/A' ? 'N/A' : String(i.file).replace(/\\/g, '/').replace(/^\.?\//, ''),
    line: i.location ? i.location.line : 0,
    column: i.location ? i.location.column : 0,
    description: i.description,
    tool: 'electronegativity',
  }));
  for (const f of files.filter((x) => /\.[cm]?[jt]sx?$/.test(x))) {
    linesOf(f).forEach((text, idx) => {
      if (/^\s*(\/\/|\*|\/\*)/.test(text)) return;
      for (const rule of EXTRA_RULES) {
        if (rule.re.test(text)) {
          findings.push({ id: rule.id, severity: rule.severity, confidence: 'CERTAIN', manualReview: false, file: f, line: idx + 1, column: 0, description: rule.text, tool: 'infomat' });
        }
      }
    });
  }

  for (const f of findings) {
    const allowed = allowlist.find((a) => a.id === f.id && a.file === f.file);
    const inline = f.file !== 'N/A' ? justificationAt(linesOf(f.file), f.line) : null;
    f.justification = inline ?? (allowed ? allowed.reason : null);
    f.justifiedBy = inline ? 'comment' : allowed ? 'allowlist' : null;
    f.blocking = SEVERITY_RANK[f.severity] > SEVERITY_RANK.LOW && !f.justification;
  }

  const blocking = findings.filter((f) => f.blocking);
  const ms = Date.now() - started;
  if (out) {
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(toSarif(findings, input), null, 2));
  }
  return { ok: blocking.length === 0, findings, blocking, scannedFiles: files.length, ms, sarif: out, parseErrors: result.errors };
}

const LEVEL = { HIGH: 'error', MEDIUM: 'warning', LOW: 'note', INFORMATIONAL: 'note' };

function toSarif(findings, input) {
  const runFor = (tool, name, uri) => {
    const mine = findings.filter((f) => f.tool === tool);
    const ids = [...new Set(mine.map((f) => f.id))];
    return {
      tool: { driver: { name, informationUri: uri, rules: ids.map((id) => ({ id, helpUri: tool === 'electronegativity' ? `https://github.com/doyensec/electronegativity/wiki/${id}` : undefined, properties: { category: 'Security' } })) } },
      invocations: [{ executionSuccessful: true, workingDirectory: { uri: pathToFileURL(input).href + '/' } }],
      results: mine.map((f) => ({
        ruleId: f.id,
        level: LEVEL[f.severity] ?? 'warning',
        message: { text: f.description },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: f.file === 'N/A' ? '.' : f.file, uriBaseId: 'SRCROOT' },
              region: { startLine: Math.max(1, f.line), startColumn: f.column + 1 },
            },
          },
        ],
        properties: { severity: f.severity, confidence: f.confidence, manualReview: f.manualReview, blocking: f.blocking },
        ...(f.justification ? { suppressions: [{ kind: f.justifiedBy === 'comment' ? 'inSource' : 'external', justification: f.justification }] } : {}),
      })),
    };
  };
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      runFor('electronegativity', 'Electronegativity', 'https://github.com/doyensec/electronegativity'),
      runFor('infomat', 'infomat-security-rules', 'https://example.invalid/infomat/scripts/security-scan.mjs'),
    ],
  };
}

async function cli() {
  const args = process.argv.slice(2);
  const get = (flag) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const r = await runSecurityScan({ input: get('--input'), out: get('--out') });
  const counts = {};
  for (const f of r.findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  if (!args.includes('--quiet')) {
    for (const f of r.findings) {
      const mark = f.blocking ? 'BLOCK' : f.justification ? 'ok*' : 'info';
      console.log(`${mark.padEnd(5)} ${f.severity.padEnd(13)} ${f.id} ${f.file}:${f.line}${f.justification ? `  — ${f.justification}` : ''}`);
    }
  }
  console.log(
    `security scan: ${r.scannedFiles} files, ${r.findings.length} findings (${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}), ${r.blocking.length} blocking, ${(r.ms / 1000).toFixed(1)} s; SARIF: ${r.sarif ? path.relative(process.cwd(), r.sarif) : '-'}`,
  );
  for (const e of r.parseErrors ?? []) console.warn(`parse problem: ${e.file}: ${e.message}`);
  process.exitCode = r.ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  cli().catch((err) => {
    console.error(err);
    process.exitCode = 2;
  });
}
