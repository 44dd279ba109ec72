// npm run release:keygen -- --out /media/offline-usb/infomat-release-2026.pem [--pin] [--note "…"]
// Makes an Ed25519 key pair for signing update metadata. The private key goes to --out (never
// inside this repository; 0600; encrypted when INFOMAT_RELEASE_KEY_PASSPHRASE is set); the
// public key is printed, and with --pin added to electron/core/updates/release-keys.json.
import { makeKeyPair, PASSPHRASE_ENV, pinKey, RELEASE_KEYS_FILE } from './release-signing';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

try {
  const out = arg('--out');
  if (!out) throw new Error('usage: npm run release:keygen -- --out /path/outside/the/repo/key.pem [--pin] [--note "text"]');
  const passphrase = process.env[PASSPHRASE_ENV] || undefined;
  const { id, entry } = makeKeyPair(out, { passphrase, note: arg('--note') });
  console.log(`private key: ${out} (${passphrase ? 'encrypted with ' + PASSPHRASE_ENV : 'NOT encrypted: set ' + PASSPHRASE_ENV + ' to encrypt'}); keep it offline`);
  console.log(`key id: ${id}`);
  if (process.argv.includes('--pin')) {
    pinKey(entry);
    console.log(`pinned in ${RELEASE_KEYS_FILE}; commit it, build and release with a key the fleet already trusts`);
  } else {
    console.log(`to pin it, add to "keys" in ${RELEASE_KEYS_FILE}:`);
    console.log(JSON.stringify(entry, null, 2));
  }
} catch (err) {
  console.error(`release:keygen: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
