// One signed configuration document: the JSON an operator wrote, then the signature lines of
// the release signature's format (core/updates/metadata-signature.ts) under the configuration's
// own scheme, over the document's bytes and its name on the server:
//
//   { "revision": 7, "note": "print mode: no slips", "config": { "printer": { "enabled": false } } }
//   # infomat-signature v1 key=3f9a1c2b4d5e6f70 sig=<86 base64url characters>
//
// The kiosk strips the signature block before reading the JSON. `revision` is a whole number
// the operator raises with every change of that document; a kiosk never goes back to a lower
// one (a replay of an old document). `config` is a part of config.json, laid over what is below.
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { signDocument, verifyDocument, type PinnedKey } from '../updates/metadata-signature';
import { CONFIG_DOCUMENTS, isPlainObject, layerOfName, localOnlyKeys, type JsonObject, type LayerName } from './layers';
import type { ConfigRefusalReason } from './refusals';

/** A document over this many bytes is not read (the fetch stops there too). */
export const MAX_DOCUMENT_BYTES = 256 * 1024;

const EnvelopeSchema = z
  .object({
    revision: z.number().int().min(1).max(2 ** 31 - 1),
    note: z.string().max(200).optional(),
    config: z.record(z.string(), z.unknown()),
  })
  .strict();

export interface ConfigDocument {
  layer: LayerName;
  /** Its name under fleet.url: fleet.json, clinics/<id>.json, kiosks/<id>.json. */
  name: string;
  revision: number;
  note?: string;
  config: JsonObject;
  keyId: string;
  /** The signed file as served, kept as the last good configuration. */
  text: string;
}

export type DocumentRead = { ok: true; doc: ConfigDocument } | { ok: false; reason: ConfigRefusalReason; detail: string };

export function signConfigDocument(name: string, bytes: Buffer, privateKeys: readonly KeyObject[]): Buffer {
  return signDocument(CONFIG_DOCUMENTS, name, bytes, privateKeys);
}

/** Signature first, then the envelope: nothing of an unsigned document is read. */
export function readConfigDocument(name: string, bytes: Buffer, pinned: readonly PinnedKey[]): DocumentRead {
  const layer = layerOfName(name);
  if (!layer) return { ok: false, reason: 'malformed', detail: `${name} is not a configuration document name` };
  if (bytes.length > MAX_DOCUMENT_BYTES) return { ok: false, reason: 'malformed', detail: `${name}: ${bytes.length} bytes, over ${MAX_DOCUMENT_BYTES}` };
  const v = verifyDocument(CONFIG_DOCUMENTS, name, bytes, pinned);
  if (!v.ok) return { ok: false, reason: v.reason, detail: v.detail };
  let raw: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(v.body).replace(/^\uFEFF/, '');
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: 'malformed', detail: `${name} is not JSON in UTF-8 (${err instanceof Error ? err.message : String(err)})` };
  }
  const env = EnvelopeSchema.safeParse(raw);
  if (!env.success) {
    const issue = env.error.issues[0];
    return { ok: false, reason: 'malformed', detail: `${name}: ${issue ? `${issue.path.join('.') || '(document)'}: ${issue.message}` : 'not { revision, config }'}` };
  }
  const config = env.data.config;
  if (!isPlainObject(config)) return { ok: false, reason: 'malformed', detail: `${name}: config is not an object` };
  const local = localOnlyKeys(config);
  if (local.length > 0) {
    return { ok: false, reason: 'invalid', detail: `${name} sets ${local.join(', ')}, which only the kiosk's own config.json may set` };
  }
  return {
    ok: true,
    doc: { layer, name, revision: env.data.revision, ...(env.data.note ? { note: env.data.note } : {}), config, keyId: v.keyId, text: bytes.toString('utf8') },
  };
}
