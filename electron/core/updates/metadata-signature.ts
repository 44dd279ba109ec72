// Our own signature on the update metadata (latest.yml, latest-linux.yml, beta.yml …), checked
// by the kiosk against the public keys pinned in its build. electron-updater trusts whatever
// the feed folder serves; with this, a feed folder someone else can write to (a hosting
// account, a mirror, a proxy in between) can no longer hand the fleet an installer of its own:
// the signed metadata names the installer's SHA-512, which electron-updater checks.
//
// The signature lives INSIDE the metadata file, as trailing YAML comment lines:
//
//   # infomat-signature v1 key=<key id> sig=<Ed25519 signature, base64url>
//
// over the exact bytes before the first such line, prefixed by the scheme and the file's own
// name. Why in the file and not a detached latest.yml.sig: a file is replaced on the web
// server in one step, so a kiosk can never read a new .yml with an old .sig (a false refusal)
// mid-upload; putting the previous version's .yml back (README, "stop a bad release") carries
// its signature along; and electron-updater's YAML reader skips comments, so the file it
// reads is the one electron-builder wrote. Why the file name is signed too: beta.yml's bytes,
// validly signed, must not be accepted when served as latest.yml.
//
// The same block signs the fleet's configuration documents (core/fleet-config/), under a
// scheme of their own: signDocument/verifyDocument are the scheme-neutral core, and
// signMetadata/verifyMetadata the update metadata's use of it.
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * What a signature is over: the scheme, the document's own name and its bytes. Each kind of
 * signed document has a scheme of its own, so a signature made for one kind (update metadata)
 * can never pass as another (a fleet configuration document, core/fleet-config/), even by the
 * same key.
 */
export const UPDATE_METADATA_SCHEME = 'infomat-update-metadata v1';
const LINE_PREFIX = '# infomat-signature v1 ';
const LINE = /^# infomat-signature v1 key=([0-9a-f]{16}) sig=([A-Za-z0-9_-]{86})$/;
const FILE_NAME = /^[A-Za-z0-9._-]+\.yml$/;

export interface PinnedKey {
  /** keyId(): the first 16 hex digits of the SHA-256 of the key's SPKI DER. */
  id: string;
  key: KeyObject;
}

export type Verdict =
  | { ok: true; body: Buffer; keyId: string }
  | { ok: false; reason: 'unsigned' | 'bad-signature' | 'unknown-key'; detail: string };

/** The id of a key pair, from its public half (a private key is accepted and reduced to it). */
export function keyId(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256').update(pub.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

/** A kind of signed document: its scheme and which names it may carry. */
export interface SignedKind {
  scheme: string;
  /** Throws on a name this kind never signs (a name is part of what is signed). */
  checkName(name: string): void;
}

const UPDATE_METADATA: SignedKind = {
  scheme: UPDATE_METADATA_SCHEME,
  checkName(fileName) {
    if (!FILE_NAME.test(fileName)) throw new Error(`not an update metadata file name: ${fileName}`);
  },
};

function message(kind: SignedKind, name: string, body: Buffer): Buffer {
  kind.checkName(name);
  return Buffer.concat([Buffer.from(`${kind.scheme}\n${name}\n`, 'utf8'), body]);
}

/** Where the signature block starts, or -1. A latin1 view keeps string offsets equal to byte offsets. */
function blockStart(bytes: Buffer): number {
  const text = bytes.toString('latin1');
  if (text.startsWith(LINE_PREFIX)) return 0;
  const at = text.indexOf(`\n${LINE_PREFIX}`);
  return at < 0 ? -1 : at + 1;
}

/** The document without any signature block: what a signature covers. */
export function unsignedBody(bytes: Buffer): Buffer {
  const at = blockStart(bytes);
  return at < 0 ? bytes : bytes.subarray(0, at);
}

/** The document with a fresh signature block, one line per key (a block already there is replaced). */
export function signDocument(kind: SignedKind, name: string, bytes: Buffer, privateKeys: readonly KeyObject[]): Buffer {
  if (privateKeys.length === 0) throw new Error('no signing key');
  let body = unsignedBody(bytes);
  if (body.length > 0 && body[body.length - 1] !== 0x0a) body = Buffer.concat([body, Buffer.from('\n')]);
  const lines = privateKeys.map((k) => {
    const sig = sign(null, message(kind, name, body), k).toString('base64url');
    return `${LINE_PREFIX}key=${keyId(k)} sig=${sig}\n`;
  });
  return Buffer.concat([body, Buffer.from(lines.join(''), 'utf8')]);
}

/**
 * Accepted when at least one signature line names a pinned key and verifies. A line that is
 * not well formed, or anything after the block, makes the whole document suspect: refused.
 */
export function verifyDocument(kind: SignedKind, name: string, bytes: Buffer, pinned: readonly PinnedKey[]): Verdict {
  const at = blockStart(bytes);
  if (at < 0) return { ok: false, reason: 'unsigned', detail: `${name} carries no infomat-signature line` };
  const body = bytes.subarray(0, at);
  const lines = bytes.subarray(at).toString('latin1').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const sigs: Array<{ id: string; sig: Buffer }> = [];
  for (const line of lines) {
    const m = LINE.exec(line);
    if (!m) return { ok: false, reason: 'bad-signature', detail: `${name}: a malformed signature line or text after the signature block` };
    sigs.push({ id: m[1]!, sig: Buffer.from(m[2]!, 'base64url') });
  }
  const signed = message(kind, name, body);
  const known = sigs.filter((s) => pinned.some((p) => p.id === s.id));
  if (known.length === 0) {
    return { ok: false, reason: 'unknown-key', detail: `${name} is signed by ${sigs.map((s) => s.id).join(', ')}; pinned: ${pinned.map((p) => p.id).join(', ') || 'none'}` };
  }
  for (const s of known) {
    const key = pinned.find((p) => p.id === s.id)!.key;
    if (s.sig.length === 64 && verify(null, signed, key, s.sig)) return { ok: true, body, keyId: s.id };
  }
  return { ok: false, reason: 'bad-signature', detail: `${name}: the signature by ${known.map((s) => s.id).join(', ')} does not match its bytes` };
}

/** Update metadata (latest.yml …) with a fresh signature block. */
export function signMetadata(fileName: string, bytes: Buffer, privateKeys: readonly KeyObject[]): Buffer {
  return signDocument(UPDATE_METADATA, fileName, bytes, privateKeys);
}

/** The update metadata's signature, checked against the pinned release keys. */
export function verifyMetadata(fileName: string, bytes: Buffer, pinned: readonly PinnedKey[]): Verdict {
  return verifyDocument(UPDATE_METADATA, fileName, bytes, pinned);
}
