// The release side of the update signature (electron/core/updates/metadata-signature.ts):
// make a key pair, pin its public half in the build, sign the metadata in release/, check it.
// The CLIs are release-keygen.ts and release-sign.ts; these functions are what they run and
// what scripts/release-signing.test.ts tests.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { keyId, signMetadata, unsignedBody, verifyMetadata } from '../electron/core/updates/metadata-signature';
import { loadPinnedKeys, type PinnedKeyEntry } from '../electron/core/updates/pinned-keys';
import { readReleaseFacts } from '../electron/core/updates/release-facts';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RELEASE_KEYS_FILE = path.join(PROJECT_ROOT, 'electron/core/updates/release-keys.json');
/** An encrypted private key is read with this passphrase (never a command-line argument: shell history). */
export const PASSPHRASE_ENV = 'INFOMAT_RELEASE_KEY_PASSPHRASE';

/** Whether `file` (existing or not) would sit inside `root`, symlinks resolved. */
export function isInside(file: string, root: string = PROJECT_ROOT): boolean {
  const real = (p: string): string => (existsSync(p) ? realpathSync(p) : path.join(real(path.dirname(p)), path.basename(p)));
  const rel = path.relative(real(root), real(path.resolve(file)));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function refuseInRepo(file: string, what: string, root: string): void {
  if (isInside(file, root)) throw new Error(`${what} ${file} is inside the repository (${root}): keep release keys offline, never in the repo`);
}

export interface NewKey {
  id: string;
  entry: PinnedKeyEntry;
}

/** Writes a new Ed25519 private key (PKCS#8 PEM, 0600, encrypted when a passphrase is given). */
export function makeKeyPair(out: string, opts: { passphrase?: string; note?: string; root?: string } = {}): NewKey {
  refuseInRepo(out, 'the private key', opts.root ?? PROJECT_ROOT);
  if (existsSync(out)) throw new Error(`${out} exists: a release key is never overwritten`);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export(
    opts.passphrase ? { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: opts.passphrase } : { type: 'pkcs8', format: 'pem' },
  );
  writeFileSync(out, pem, { mode: 0o600, flag: 'wx' });
  const id = keyId(publicKey);
  const entry: PinnedKeyEntry = { id, publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64') };
  if (opts.note) entry.note = opts.note;
  return { id, entry };
}

interface KeysFile {
  about?: string;
  keys: PinnedKeyEntry[];
}

export function readKeysFile(file: string = RELEASE_KEYS_FILE): KeysFile {
  const json = JSON.parse(readFileSync(file, 'utf8')) as KeysFile;
  loadPinnedKeys(json.keys);
  return json;
}

/** Adds a public key to the pinned list (release-keys.json), once. */
export function pinKey(entry: PinnedKeyEntry, file: string = RELEASE_KEYS_FILE): void {
  const json = readKeysFile(file);
  if (json.keys.some((k) => k.id === entry.id)) return;
  json.keys.push(entry);
  loadPinnedKeys(json.keys);
  writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
}

export function readPrivateKey(file: string, opts: { passphrase?: string; root?: string } = {}): KeyObject {
  refuseInRepo(file, 'the private key', opts.root ?? PROJECT_ROOT);
  const key = createPrivateKey({ key: readFileSync(file), ...(opts.passphrase ? { passphrase: opts.passphrase } : {}) });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${file} is not an Ed25519 private key`);
  return key;
}

/** The update metadata files of a release folder: *.yml naming a version and an installer hash. */
export function metadataFiles(dir: string): { files: string[]; skipped: string[] } {
  const files: string[] = [];
  const skipped: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.yml')) continue;
    const text = unsignedBody(readFileSync(path.join(dir, name))).toString('utf8');
    (readReleaseFacts(text) ? files : skipped).push(name);
  }
  return { files, skipped };
}

export interface SignResult {
  signed: Array<{ file: string; version: string }>;
  skipped: string[];
}

/**
 * Signs every metadata file of `dir` in place with every key (two during a rotation). At
 * least one key must be pinned in this build, or the kiosks would refuse what is signed.
 */
export function signReleaseDir(dir: string, keys: readonly KeyObject[], pinned: readonly PinnedKeyEntry[] = readKeysFile().keys): SignResult {
  if (keys.length === 0) throw new Error('no --key given');
  const ids = keys.map((k) => keyId(k));
  if (!ids.some((id) => pinned.some((p) => p.id === id))) {
    throw new Error(`none of the keys (${ids.join(', ')}) is pinned in release-keys.json (${pinned.map((p) => p.id).join(', ') || 'none'}): kiosks would refuse this release`);
  }
  const { files, skipped } = metadataFiles(dir);
  if (files.length === 0) throw new Error(`no update metadata (*.yml with a version and sha512) in ${dir}`);
  const signed = files.map((file) => {
    const full = path.join(dir, file);
    const out = signMetadata(file, readFileSync(full), keys);
    const tmp = `${full}.signing`;
    writeFileSync(tmp, out);
    renameSync(tmp, full);
    return { file, version: readReleaseFacts(unsignedBody(out).toString('utf8'))!.version };
  });
  return { signed, skipped };
}

/** What a kiosk of this build would say about each metadata file of `dir`. */
export function checkReleaseDir(dir: string, pinned: readonly PinnedKeyEntry[] = readKeysFile().keys): Array<{ file: string; ok: boolean; detail: string }> {
  const keys = loadPinnedKeys(pinned);
  return metadataFiles(dir).files.map((file) => {
    const v = verifyMetadata(file, readFileSync(path.join(dir, file)), keys);
    return v.ok ? { file, ok: true, detail: `signed by ${v.keyId}` } : { file, ok: false, detail: `${v.reason}: ${v.detail}` };
  });
}

/** The public half of a private key file, as a release-keys.json entry (to pin an existing key). */
export function entryOf(privateKey: KeyObject): PinnedKeyEntry {
  const pub = createPublicKey(privateKey);
  return { id: keyId(pub), publicKey: pub.export({ type: 'spki', format: 'der' }).toString('base64') };
}
