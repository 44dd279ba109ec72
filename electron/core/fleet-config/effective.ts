// A set of verified layer documents laid on the local file, and the result checked by the same
// code that checks the local file at start (config/load.ts): the schema, the technician's
// wording of every problem, api.caFile. What a set is called on the dashboard and in service
// mode is its version: each layer's letter and revision, f12.c7.k3 (f12 when only the fleet
// document exists).
import { createHash } from 'node:crypto';
import { checkConfigObject } from '../config/load';
import type { KioskConfig } from '../config/schema';
import type { ConfigDocument } from './document';
import { mergeLayer, type JsonObject, type LayerName } from './layers';

/** The documents of one configuration from the server; the fleet's is always there. */
export interface LayerSet {
  fleet: ConfigDocument;
  clinic: ConfigDocument | null;
  kiosk: ConfigDocument | null;
}

export const setDocuments = (set: LayerSet): ConfigDocument[] => [set.fleet, set.clinic, set.kiosk].filter((d): d is ConfigDocument => d !== null);

const LETTER: Record<LayerName, string> = { fleet: 'f', clinic: 'c', kiosk: 'k' };

/** f12.c7.k3: each layer present, by its revision. */
export function setVersion(set: LayerSet): string {
  return setDocuments(set)
    .map((d) => `${LETTER[d.layer]}${d.revision}`)
    .join('.');
}

/** Identifies a set by its exact documents (names and signed bytes). */
export function setHash(set: LayerSet): string {
  const h = createHash('sha256');
  for (const d of setDocuments(set)) h.update(`${d.name}\n${d.text.length}\n${d.text}\n`);
  return h.digest('hex');
}

/** The version label of a kiosk on its local file alone: local.<first 8 hex of the file's SHA-256>. */
export function localVersion(raw: JsonObject): string {
  return `local.${createHash('sha256').update(JSON.stringify(raw)).digest('hex').slice(0, 8)}`;
}

export type Effective = { ok: true; config: KioskConfig; raw: JsonObject; warnings: string[] } | { ok: false; problems: string[] };

/** The local file's JSON with the set's documents laid on it, fleet first, then checked. */
export function effectiveConfig(localRaw: JsonObject, set: LayerSet, localPath: string, read?: (file: string) => string): Effective {
  let raw = localRaw;
  for (const d of setDocuments(set)) raw = mergeLayer(raw, d.config);
  const checked = checkConfigObject(raw, localPath, read);
  if (!checked.ok) return { ok: false, problems: checked.problems };
  return { ok: true, config: checked.config, raw, warnings: checked.warnings };
}
