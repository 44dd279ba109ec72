// The layers of a fleet's central configuration and how they combine. A kiosk's configuration
// is its own config.json (the local file, which names the server and the clinic) overlaid by
// up to three signed documents from the server, each more specific than the one before:
//
//   <fleet.url>/fleet.json              the fleet's defaults (required once a server is named)
//   <fleet.url>/clinics/<clinic>.json   the clinic's overrides (fleet.clinic in the local file)
//   <fleet.url>/kiosks/<kioskId>.json   this kiosk's overrides
//
// Overlaying is a deep merge of JSON objects: an object merges key by key; anything else (a
// number, a string, a list, null) replaces. An object whose `type` differs from the one below
// it (printer.transport going from tcp to device) replaces it whole, so no field of the old
// kind lingers. The result is validated by the same schema as the local file before use.
import type { SignedKind } from '../updates/metadata-signature';

export const LAYER_NAMES = ['fleet', 'clinic', 'kiosk'] as const;
export type LayerName = (typeof LAYER_NAMES)[number];

/** A clinic id or kiosk id as it may appear in a document's name on the server. */
export const LAYER_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The documents' signature scheme (the release signature's format, a scheme of its own). */
export const CONFIG_SIGNATURE_SCHEME = 'infomat-fleet-config v1';
const DOCUMENT_NAME = /^(fleet|clinics\/[A-Za-z0-9._-]{1,64}|kiosks\/[A-Za-z0-9._-]{1,64})\.json$/;

/** Signed config documents: the document's name on the server is signed with its bytes. */
export const CONFIG_DOCUMENTS: SignedKind = {
  scheme: CONFIG_SIGNATURE_SCHEME,
  checkName(name) {
    if (!DOCUMENT_NAME.test(name)) throw new Error(`not a fleet configuration document name: ${name}`);
  },
};

/** The document's path under fleet.url. */
export function documentName(layer: LayerName, id?: string): string {
  if (layer === 'fleet') return 'fleet.json';
  if (!id || !LAYER_ID.test(id)) throw new Error(`a ${layer} document needs an id of latin letters, digits, . _ - (got ${JSON.stringify(id)})`);
  return `${layer === 'clinic' ? 'clinics' : 'kiosks'}/${id}.json`;
}

/** The layer a document name belongs to, or null when it names none. */
export function layerOfName(name: string): LayerName | null {
  if (!DOCUMENT_NAME.test(name)) return null;
  if (name === 'fleet.json') return 'fleet';
  return name.startsWith('clinics/') ? 'clinic' : 'kiosk';
}

/**
 * Settings that belong to the machine and never come from the server: who the kiosk is, where
 * its central configuration lives (a document could otherwise lock the kiosk out of it), demo
 * mode, and its own folders.
 */
export const LOCAL_ONLY: ReadonlyArray<readonly string[]> = [['kioskId'], ['fleet'], ['demo'], ['logDir'], ['printer', 'journalDir']];

export type JsonObject = Record<string, unknown>;

export const isPlainObject = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The local-only settings a document tries to set, as dotted paths. */
export function localOnlyKeys(config: JsonObject): string[] {
  const found: string[] = [];
  for (const path of LOCAL_ONLY) {
    let v: unknown = config;
    for (const seg of path) v = isPlainObject(v) ? v[seg] : undefined;
    if (v !== undefined) found.push(path.join('.'));
  }
  return found;
}

/** `over` laid on `base`; neither is changed. */
export function mergeLayer(base: JsonObject, over: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const [key, value] of Object.entries(over)) {
    // JSON.parse makes "__proto__" an own key; copying it would reach Object.prototype's setter.
    if (key === '__proto__') continue;
    const below = out[key];
    const sameKind = !(isPlainObject(value) && isPlainObject(below) && 'type' in value && 'type' in below && value.type !== below.type);
    out[key] = isPlainObject(value) && isPlainObject(below) && sameKind ? mergeLayer(below, value) : structuredClone(value);
  }
  return out;
}
