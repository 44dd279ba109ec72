// Every configuration example a technician may copy from the documentation is one the kiosk
// accepts, without a problem and without a warning. The rule for a ```json block in any Markdown
// file of the repository (README.md, docs/, build/monitoring/README.md …):
//   - a JSON object as written ({ … }) is a whole config.json and is checked as it stands;
//   - text that is JSON only inside braces ("updates": { … }) is a fragment of one: its keys
//     must be sections of the config, and it is checked merged into the README's minimal
//     example (section by section, so an "api" fragment keeps the example's baseUrl);
//   - anything else fails here: JSON that is no kiosk config is fenced ```json not-config.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseKioskConfigText } from '../electron/core/config/load';
import { KioskConfigSchema } from '../electron/core/config/schema';

interface Block {
  file: string;
  line: number;
  text: string;
}

function jsonBlocks(): Block[] {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.md'], { encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && !f.startsWith('node_modules/'));
  const out: Block[] = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const fence = /^(\s*)(`{3,})json(\s+not-config)?\s*$/.exec(lines[i]!);
      if (!fence) continue;
      const end = lines.findIndex((l, j) => j > i && l.trim() === fence[2]);
      if (end < 0) throw new Error(`${file}:${i + 1}: unclosed code block`);
      if (!fence[3]) out.push({ file, line: i + 1, text: lines.slice(i + 1, end).join('\n') });
      i = end;
    }
  }
  return out;
}

const SECTIONS = new Set(Object.keys(KioskConfigSchema.shape));
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The README's own minimal example: what a fragment is added to. */
function minimalExample(blocks: Block[]): Json {
  const readme = blocks.find((b) => b.file === 'README.md' && isObject(parseOrNull(b.text)) && /"kioskId"/.test(b.text));
  if (!readme) throw new Error('README.md has no minimal config example (a ```json block with "kioskId")');
  return parseOrNull(readme.text) as Json;
}

/** The config.json a block stands for, or why it is neither a config nor a fragment of one. */
function asConfig(block: Block, minimal: Json): { kind: 'whole' | 'fragment'; config: Json } | { problem: string } {
  const whole = parseOrNull(block.text);
  if (isObject(whole)) return { kind: 'whole', config: whole };
  const fragment = parseOrNull(`{${block.text}}`);
  if (!isObject(fragment)) return { problem: 'neither a JSON object nor a "section": { … } fragment (fence other JSON as ```json not-config)' };
  const unknown = Object.keys(fragment).filter((k) => !SECTIONS.has(k));
  if (unknown.length) return { problem: `a fragment with keys that are no config section: ${unknown.join(', ')}` };
  const config: Json = { ...minimal };
  for (const [k, v] of Object.entries(fragment)) config[k] = isObject(v) && isObject(config[k]) ? { ...config[k], ...v } : v;
  return { kind: 'fragment', config };
}

const blocks = jsonBlocks();

describe('configuration examples in the documentation', () => {
  it('are found (README, docs/ and the monitoring README all have some)', () => {
    const files = new Set(blocks.map((b) => b.file));
    expect(files).toEqual(new Set(['README.md', 'docs/configuration.md', 'build/monitoring/README.md']));
    expect(blocks.length).toBeGreaterThanOrEqual(4);
  });

  for (const block of blocks) {
    it(`${block.file}:${block.line} is accepted by the config schema`, () => {
      const c = asConfig(block, minimalExample(blocks));
      if ('problem' in c) throw new Error(`${block.file}:${block.line}: ${c.problem}`);
      const r = parseKioskConfigText(JSON.stringify(c.config), `${block.file}:${block.line}`);
      expect(r.ok ? { kind: c.kind, warnings: r.warnings } : { kind: c.kind, problems: r.problems }).toEqual({ kind: c.kind, warnings: [] });
    });
  }

  it('a fragment is checked inside the minimal example, and a wrong one fails', () => {
    const minimal = { kioskId: 'K', api: { baseUrl: 'https://mis.example.ru/api' } };
    const ok = asConfig({ file: 'x.md', line: 1, text: '"api": { "kind": "softrust" }' }, minimal);
    expect(ok).toEqual({ kind: 'fragment', config: { kioskId: 'K', api: { baseUrl: 'https://mis.example.ru/api', kind: 'softrust' } } });
    expect(asConfig({ file: 'x.md', line: 1, text: '"apii": {}' }, minimal)).toEqual({ problem: expect.stringMatching(/no config section: apii/) });
    expect(asConfig({ file: 'x.md', line: 1, text: '[1, 2]' }, minimal)).toMatchObject({ problem: expect.any(String) });
    const wrong = asConfig({ file: 'x.md', line: 1, text: '"telemetry": { "metricsPort": 9464, "metricsHost": "10.0.0.5" }' }, minimal);
    expect('config' in wrong && parseKioskConfigText(JSON.stringify(wrong.config), 'x').ok).toBe(false);
  });
});
