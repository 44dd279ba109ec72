// A configuration set as the kiosk gets it: its documents fetched from fleet.url (under the
// update feed's limits: https unless on this machine, one deadline, a size cap, no redirects),
// or taken back from the store; either way each document's signature is checked before a byte
// of it is read, and a set is whole or nothing (a clinic document that cannot be read now
// does not leave the kiosk on the fleet's defaults alone).
import type { PinnedKey } from '../updates/metadata-signature';
import { feedBaseUrl, fetchFeedFile, type FetchLike } from '../updates/feed-fetch';
import { MAX_DOCUMENT_BYTES, readConfigDocument, type ConfigDocument } from './document';
import { setHash, setVersion, type LayerSet } from './effective';
import { documentName } from './layers';
import type { ConfigRefusalReason } from './refusals';
import type { StoredSet } from './store';

export const CONFIG_FETCH_LIMITS = { timeoutMs: 30_000, maxBytes: MAX_DOCUMENT_BYTES };

/** The documents a kiosk asks for: the fleet's, its clinic's (if it names one) and its own. */
export function wantedDocuments(kioskId: string, clinic: string | undefined): { fleet: string; clinic: string | null; kiosk: string } {
  return { fleet: documentName('fleet'), clinic: clinic ? documentName('clinic', clinic) : null, kiosk: documentName('kiosk', kioskId) };
}

export type SetRead = { ok: true; set: LayerSet } | { ok: false; reason: ConfigRefusalReason; detail: string };

/** Checks every document of a set: a refused one refuses the set. */
export function readSet(docs: { fleet: Buffer; clinic: { name: string; bytes: Buffer } | null; kiosk: { name: string; bytes: Buffer } | null }, pinned: readonly PinnedKey[]): SetRead {
  const read = (name: string, bytes: Buffer) => readConfigDocument(name, bytes, pinned);
  const fleet = read(documentName('fleet'), docs.fleet);
  if (!fleet.ok) return fleet;
  let clinic: ConfigDocument | null = null;
  if (docs.clinic) {
    const r = read(docs.clinic.name, docs.clinic.bytes);
    if (!r.ok) return r;
    clinic = r.doc;
  }
  let kiosk: ConfigDocument | null = null;
  if (docs.kiosk) {
    const r = read(docs.kiosk.name, docs.kiosk.bytes);
    if (!r.ok) return r;
    kiosk = r.doc;
  }
  if (fleet.doc.layer !== 'fleet' || (clinic && clinic.layer !== 'clinic') || (kiosk && kiosk.layer !== 'kiosk')) {
    return { ok: false, reason: 'malformed', detail: 'a document is in the wrong layer' };
  }
  return { ok: true, set: { fleet: fleet.doc, clinic, kiosk } };
}

/** Documents of a stored set this kiosk no longer asks for (its local file names another clinic or id now). */
export function staleDocuments(stored: StoredSet, want: { clinic: string | null; kiosk: string }): string[] {
  return stored.docs.map((d) => d.name).filter((n) => n !== documentName('fleet') && n !== want.clinic && n !== want.kiosk);
}

/** A stored set checked again (signatures against this build's keys; the names it must have now). */
export function readStoredSet(stored: StoredSet, want: { clinic: string | null; kiosk: string }, pinned: readonly PinnedKey[]): SetRead {
  const byName = new Map(stored.docs.map((d) => [d.name, Buffer.from(d.text, 'utf8')]));
  const fleet = byName.get(documentName('fleet'));
  if (!fleet) return { ok: false, reason: 'malformed', detail: 'the stored configuration has no fleet.json' };
  const extra = staleDocuments(stored, want);
  if (extra.length > 0) return { ok: false, reason: 'malformed', detail: `the stored configuration has ${extra.join(', ')}, which this kiosk no longer asks for` };
  const pick = (name: string | null) => (name && byName.has(name) ? { name, bytes: byName.get(name)! } : null);
  return readSet({ fleet, clinic: pick(want.clinic), kiosk: pick(want.kiosk) }, pinned);
}

export function storedSetOf(set: LayerSet, from: string, receivedAt: Date): StoredSet {
  const docs = [set.fleet, set.clinic, set.kiosk].filter((d): d is ConfigDocument => d !== null).map((d) => ({ name: d.name, text: d.text }));
  return { docs, version: setVersion(set), hash: setHash(set), from, receivedAt: receivedAt.toISOString() };
}

export type SetFetch =
  | { kind: 'ok'; docs: { fleet: Buffer; clinic: { name: string; bytes: Buffer } | null; kiosk: { name: string; bytes: Buffer } | null } }
  | { kind: 'unreachable'; detail: string };

/** Fetches the wanted documents; a missing clinic or kiosk document is no layer, a missing fleet.json is no configuration. */
export async function fetchSet(url: string, want: { fleet: string; clinic: string | null; kiosk: string }, fetchFn: FetchLike): Promise<SetFetch> {
  const base = feedBaseUrl(url);
  const get = (name: string) => fetchFeedFile(new URL(name, base), fetchFn, CONFIG_FETCH_LIMITS);
  const [fleet, clinic, kiosk] = await Promise.all([get(want.fleet), want.clinic ? get(want.clinic) : Promise.resolve(null), get(want.kiosk)]);
  if (fleet.kind === 'missing') return { kind: 'unreachable', detail: `${want.fleet} is not on the server (${base.href})` };
  if (fleet.kind === 'unreachable') return fleet;
  for (const r of [clinic, kiosk]) if (r?.kind === 'unreachable') return r;
  const layer = (name: string | null, r: typeof clinic) => (name && r?.kind === 'ok' ? { name, bytes: r.bytes } : null);
  return { kind: 'ok', docs: { fleet: fleet.bytes, clinic: layer(want.clinic, clinic), kiosk: layer(want.kiosk, kiosk) } };
}
