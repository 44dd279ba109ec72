// The operator's side of the central configuration (electron/core/fleet-config/): make and pin
// a configuration key, sign the documents of a configuration folder, and check the folder the
// way a kiosk of this build would read it. The folder mirrors fleet.url on the server:
//
//   <dir>/fleet.json   <dir>/clinics/<clinic>.json   <dir>/kiosks/<kioskId>.json
//
// A document's name on the server (its path in the folder) is part of what is signed.
// fleet-config.ts is the CLI; scripts/fleet-config-signing.test.ts tests these functions.
import type { KeyObject } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { validateConfigObject } from '../electron/core/config/load';
import { readConfigDocument, signConfigDocument, type ConfigDocument } from '../electron/core/fleet-config/document';
import { effectiveConfig, type LayerSet } from '../electron/core/fleet-config/effective';
import { layerOfName, type JsonObject } from '../electron/core/fleet-config/layers';
import { keyId, unsignedBody } from '../electron/core/updates/metadata-signature';
import { loadPinnedKeys, type PinnedKeyEntry } from '../electron/core/updates/pinned-keys';
import { PROJECT_ROOT, readKeysFile } from './release-signing';

export const CONFIG_KEYS_FILE = path.join(PROJECT_ROOT, 'electron/core/fleet-config/config-keys.json');

/** A kiosk's local file stands in for this one when --local names none: only what the schema needs. */
export const STAND_IN_LOCAL: JsonObject = { kioskId: 'CHECK-01', api: { baseUrl: 'https://mis.example.ru/api' } };

/** The documents of a configuration folder, by their names on the server. */
export function documentNames(dir: string): string[] {
  const names: string[] = [];
  if (existsSync(path.join(dir, 'fleet.json'))) names.push('fleet.json');
  for (const sub of ['clinics', 'kiosks']) {
    const d = path.join(dir, sub);
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d).sort()) if (f.endsWith('.json')) names.push(`${sub}/${f}`);
  }
  return names;
}

export interface CheckedDocument {
  name: string;
  ok: boolean;
  /** signed by <key>, revision 7 · or the refusal */
  detail: string;
  doc?: ConfigDocument;
}

/** The combinations a kiosk could run: the fleet alone, with each clinic, with each kiosk. */
export interface CheckedCombination {
  layers: string;
  ok: boolean;
  problems: string[];
}

export interface FolderCheck {
  documents: CheckedDocument[];
  combinations: CheckedCombination[];
}

/** A document not yet signed is read as if it were, for the combined check before signing. */
function readUnsigned(name: string, bytes: Buffer, key: KeyObject): ReturnType<typeof readConfigDocument> {
  const signed = signConfigDocument(name, unsignedBody(bytes), [key]);
  return readConfigDocument(name, signed, [{ id: keyId(key), key }]);
}

function combinations(docs: ConfigDocument[], local: JsonObject, localPath: string): CheckedCombination[] {
  const fleet = docs.find((d) => d.layer === 'fleet');
  if (!fleet) return [{ layers: 'fleet.json', ok: false, problems: ['there is no fleet.json: a kiosk with fleet.url set runs nothing from this folder'] }];
  const sets: Array<[string, LayerSet]> = [['fleet.json', { fleet, clinic: null, kiosk: null }]];
  for (const d of docs) {
    if (d.layer === 'clinic') sets.push([`fleet.json + ${d.name}`, { fleet, clinic: d, kiosk: null }]);
    if (d.layer === 'kiosk') sets.push([`fleet.json + ${d.name}`, { fleet, clinic: null, kiosk: d }]);
  }
  return sets.map(([layers, set]) => {
    const eff = effectiveConfig(local, set, localPath);
    return eff.ok ? { layers, ok: true, problems: [] } : { layers, ok: false, problems: eff.problems };
  });
}

/** What a kiosk of this build says of each document, and whether each combination passes the schema. */
export function checkConfigDir(dir: string, opts: { pinned?: readonly PinnedKeyEntry[]; local?: JsonObject; localPath?: string } = {}): FolderCheck {
  const keys = loadPinnedKeys(opts.pinned ?? readKeysFile(CONFIG_KEYS_FILE).keys, 'config-keys.json');
  const documents = documentNames(dir).map((name): CheckedDocument => {
    const r = readConfigDocument(name, readFileSync(path.join(dir, name)), keys);
    return r.ok ? { name, ok: true, detail: `signed by ${r.doc.keyId}, revision ${r.doc.revision}`, doc: r.doc } : { name, ok: false, detail: `${r.reason}: ${r.detail}` };
  });
  const good = documents.flatMap((d) => (d.doc ? [d.doc] : []));
  return { documents, combinations: combinations(good, opts.local ?? STAND_IN_LOCAL, opts.localPath ?? path.join(dir, 'config.json')) };
}

export interface SignResult {
  signed: Array<{ name: string; revision: number }>;
}

/**
 * Signs every document of `dir` in place with every key (two while rotating). Refuses, and
 * signs nothing, when a document is not a configuration document, sets a local-only setting,
 * or a combination fails the config schema; or when none of the keys is pinned in this build.
 */
export function signConfigDir(
  dir: string,
  keys: readonly KeyObject[],
  opts: { pinned?: readonly PinnedKeyEntry[]; local?: JsonObject; localPath?: string } = {},
): SignResult {
  if (keys.length === 0) throw new Error('no --key given');
  const pinned = opts.pinned ?? readKeysFile(CONFIG_KEYS_FILE).keys;
  const ids = keys.map((k) => keyId(k));
  if (!ids.some((id) => pinned.some((p) => p.id === id))) {
    throw new Error(`none of the keys (${ids.join(', ')}) is pinned in config-keys.json (${pinned.map((p) => p.id).join(', ') || 'none'}): kiosks would refuse these documents`);
  }
  const names = documentNames(dir);
  if (names.length === 0) throw new Error(`no configuration documents in ${dir} (fleet.json, clinics/*.json, kiosks/*.json)`);
  const problems: string[] = [];
  const docs: ConfigDocument[] = [];
  for (const name of names) {
    if (!layerOfName(name)) {
      problems.push(`${name}: not a document name a kiosk asks for (latin letters, digits, . _ - only)`);
      continue;
    }
    const r = readUnsigned(name, readFileSync(path.join(dir, name)), keys[0]!);
    if (r.ok) docs.push(r.doc);
    else problems.push(`${name}: ${r.detail}`);
  }
  for (const c of combinations(docs, opts.local ?? STAND_IN_LOCAL, opts.localPath ?? path.join(dir, 'config.json'))) {
    if (!c.ok) problems.push(...c.problems.map((p) => `${c.layers}: ${p}`));
  }
  if (problems.length > 0) throw new Error(`nothing signed:\n  ${problems.join('\n  ')}`);
  const signed = names.map((name) => {
    const full = path.join(dir, name);
    const out = signConfigDocument(name, readFileSync(full), keys);
    const tmp = `${full}.signing`;
    writeFileSync(tmp, out);
    renameSync(tmp, full);
    return { name, revision: docs.find((d) => d.name === name)!.revision };
  });
  return { signed };
}

/** A kiosk's config.json as the base for --local (read like the kiosk reads it). */
export function readLocalFile(file: string): JsonObject {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const r = validateConfigObject(JSON.parse(text), file);
  if (!r.ok) throw new Error(`${file} is not a valid config.json:\n  ${r.problems.join('\n  ')}`);
  return r.raw;
}
