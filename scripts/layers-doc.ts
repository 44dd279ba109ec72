// Writes the generated parts of docs/architecture.md from the layer table (electron/layers.mjs):
// the "Folder | May import | May not import | Why" table and the core's rooms, each between its
// marker comments. scripts/layers-doc.test.ts fails while the doc differs from what this writes.
// Usage: npm run docs:layers
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXEMPT, LAYERS, type Layer } from '../electron/layers.mjs';
import { TARGETS, pair, within } from '../electron/layer-pairs';

export const ARCHITECTURE_DOC = 'docs/architecture.md';

const code = (s: string) => `\`${s}\``;
const cell = (s: string) => s.replace(/\|/g, '\\|');
const moduleLabel = (m: string) => code(m.replace(/^electron\//, ''));

function mayImport(layer: Layer): string {
  if (layer.bans.length === 0) return 'anything';
  const me = TARGETS.find((t) => t.id === layer.id);
  // Its own nested layers are its own files as far as this layer is concerned.
  const others = TARGETS.filter((t) => !me || !within(t, me));
  const verdicts = others.map((t) => ({ t, ban: pair(layer, t).ban }));
  const out = [
    ...verdicts.filter(({ t, ban }) => !ban && t.folder).map(({ t }) => t.label),
    ...layer.bans.flatMap((b) => (b.except ?? []).map(moduleLabel)),
    ...verdicts.filter(({ ban }) => ban?.typesAllowed).map(({ t }) => `types from ${t.label}`),
    ...verdicts.filter(({ t, ban }) => !ban && !t.folder).map(({ t }) => t.label),
  ];
  return out.length ? out.join(', ') : 'no other layer';
}

function mayNotImport(layer: Layer): string {
  if (layer.bans.length === 0) return '—';
  const bannedHere = TARGETS.filter((t) => t.id !== layer.id && pair(layer, t).ban);
  // A nested layer goes without saying once the layer around it is banned.
  const shown = bannedHere.filter((t) => !bannedHere.some((o) => o !== t && within(t, o)));
  return shown.map((t) => (pair(layer, t).ban?.typesAllowed ? `${t.label} at run time` : t.label)).join(', ');
}

export function layerTable(): string {
  const exempt = LAYERS.flatMap((l) => (l.exempt ? [`${l.exempt.files.map(code).join(', ')}: ${l.exempt.why}`] : []));
  return [
    '| Folder | May import | May not import | Why |',
    '|---|---|---|---|',
    ...LAYERS.map((l) => `| ${code(l.folder)} | ${cell(mayImport(l))} | ${cell(mayNotImport(l))} | ${cell(l.why)} |`),
    '',
    `No layer rule applies to tests and their helpers (${EXEMPT.map(code).join(', ')}), nor to ${exempt.join('; ')}.`,
    'npm packages other than `electron` are not guarded.',
  ].join('\n');
}

export function coreRooms(): string {
  const core = LAYERS.find((l) => l.id === 'core');
  return [
    `| Room (in ${code(`${core?.folder}/`)}) | What it holds |`,
    '|---|---|',
    ...Object.entries(core?.rooms ?? {}).map(([room, holds]) => `| ${code(room)} | ${cell(holds)} |`),
  ].join('\n');
}

export const SECTIONS: Record<string, () => string> = { layers: layerTable, 'core-rooms': coreRooms };

function markers(name: string) {
  return {
    begin: `<!-- generated:${name} from electron/layers.mjs by npm run docs:layers; do not edit -->`,
    end: `<!-- /generated:${name} -->`,
  };
}

/** Where a generated section sits in `doc`, between the end of its first marker and its second. */
function bounds(doc: string, name: string): { from: number; to: number } {
  const { begin, end } = markers(name);
  const from = doc.indexOf(begin);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${ARCHITECTURE_DOC} has lost the markers of the "${name}" section:\n${begin}\n${end}`);
  return { from: from + begin.length, to };
}

/** The text of one generated section as it stands in `doc`. */
export function generatedSection(doc: string, name: string): string {
  const { from, to } = bounds(doc, name);
  return doc.slice(from, to);
}

/** `doc` with every generated section replaced by what the table says now. */
export function withGeneratedSections(doc: string): string {
  let out = doc;
  for (const [name, render] of Object.entries(SECTIONS)) {
    const { from, to } = bounds(out, name);
    out = `${out.slice(0, from)}\n${render()}\n${out.slice(to)}`;
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const doc = readFileSync(ARCHITECTURE_DOC, 'utf8');
  const next = withGeneratedSections(doc);
  if (next !== doc) writeFileSync(ARCHITECTURE_DOC, next);
  console.log(next === doc ? `${ARCHITECTURE_DOC} is up to date` : `written ${ARCHITECTURE_DOC}`);
}
