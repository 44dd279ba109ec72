// The release keys this build trusts, from release-keys.json, bundled into main.js at build
// time. They are deliberately not in the kiosk's config.json: whoever can edit a kiosk's
// config must not be able to make it accept their own releases. More than one key is how a
// key is rotated (README: "Rotating the release key").
import { createPublicKey } from 'node:crypto';
import releaseKeys from './release-keys.json';
import { keyId, type PinnedKey } from './metadata-signature';

export interface PinnedKeyEntry {
  /** keyId() of the key, written next to it so a reader of the JSON sees which key is which. */
  id: string;
  /** base64 of the SPKI DER of an Ed25519 public key. */
  publicKey: string;
  note?: string;
}

/** Throws on an entry that is not an Ed25519 key or whose id does not match it: a broken build. */
export function loadPinnedKeys(entries: readonly PinnedKeyEntry[], file = 'release-keys.json'): PinnedKey[] {
  return entries.map((e, i) => {
    const key = createPublicKey({ key: Buffer.from(e.publicKey, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${file} #${i + 1}: not an Ed25519 key`);
    const id = keyId(key);
    if (id !== e.id) throw new Error(`${file} #${i + 1}: id ${e.id} does not match the key (${id})`);
    return { id, key };
  });
}

export function pinnedReleaseKeys(): PinnedKey[] {
  return loadPinnedKeys((releaseKeys as { keys: PinnedKeyEntry[] }).keys);
}
