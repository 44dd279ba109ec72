// npm run fleet:config -- keygen --out /media/offline-usb/infomat-config-2026.pem [--pin] [--note "…"]
// npm run fleet:config -- sign --key /media/offline-usb/infomat-config-2026.pem [--key second.pem] --dir fleet-config/ [--local config.json]
// npm run fleet:config -- check --dir fleet-config/ [--local config.json]
// The central configuration's documents (README: Running a fleet). `sign` signs every document
// of the folder in place (fleet.json, clinics/*.json, kiosks/*.json), after checking that each
// is a configuration document and that the fleet's defaults, alone and with each clinic's and
// each kiosk's overrides, pass the kiosk's config schema (laid on --local, a kiosk's own
// config.json, or a stand-in with only a kiosk id and an MIS address). `check` says, without a
// key, what a kiosk of this build would say of each document and of each combination. Sign
// again after every edit, and raise the document's "revision": a kiosk never goes back to a
// lower one, and refuses the same revision with other content.
import path from 'node:path';
import { CONFIG_KEYS_FILE, checkConfigDir, readLocalFile, signConfigDir } from './fleet-config-signing';
import { makeKeyPair, PASSPHRASE_ENV, pinKey, readPrivateKey } from './release-signing';

const [command, ...argv] = process.argv.slice(2);
const values = (name: string) => argv.flatMap((a, i) => (a === name && argv[i + 1] ? [argv[i + 1]!] : []));
const USAGE = [
  'usage:',
  '  npm run fleet:config -- keygen --out /path/outside/the/repo/config-key.pem [--pin] [--note "text"]',
  '  npm run fleet:config -- sign --key /path/to/config-key.pem [--key …] --dir <folder> [--local config.json]',
  '  npm run fleet:config -- check --dir <folder> [--local config.json]',
].join('\n');

try {
  const dir = path.resolve(values('--dir')[0] ?? 'fleet-config');
  const localFile = values('--local')[0];
  const local = localFile ? { local: readLocalFile(localFile), localPath: path.resolve(localFile) } : {};
  const passphrase = process.env[PASSPHRASE_ENV] || undefined;
  switch (command) {
    case 'keygen': {
      const out = values('--out')[0];
      if (!out) throw new Error(USAGE);
      const { id, entry } = makeKeyPair(out, { passphrase, note: values('--note')[0] });
      console.log(`private key: ${out} (${passphrase ? 'encrypted with ' + PASSPHRASE_ENV : 'NOT encrypted: set ' + PASSPHRASE_ENV + ' to encrypt'}); keep it offline`);
      console.log(`key id: ${id}`);
      if (argv.includes('--pin')) {
        pinKey(entry, CONFIG_KEYS_FILE);
        console.log(`pinned in ${CONFIG_KEYS_FILE}; commit it and release a build with it before signing with this key`);
      } else {
        console.log(`to pin it, add to "keys" in ${CONFIG_KEYS_FILE}:`);
        console.log(JSON.stringify(entry, null, 2));
      }
      break;
    }
    case 'sign': {
      const keys = values('--key');
      if (keys.length === 0) throw new Error(USAGE);
      const { signed } = signConfigDir(dir, keys.map((k) => readPrivateKey(k, { passphrase })), local);
      for (const s of signed) console.log(`signed ${s.name} (revision ${s.revision})`);
      break;
    }
    case 'check': {
      const { documents, combinations } = checkConfigDir(dir, local);
      if (documents.length === 0) throw new Error(`no configuration documents in ${dir}`);
      for (const d of documents) console.log(`${d.ok ? 'ok     ' : 'REFUSED'} ${d.name}: ${d.detail}`);
      if (!localFile) console.log(`(combinations laid on a stand-in config.json with only kioskId and api.baseUrl; --local <a kiosk's config.json> for a real one)`);
      for (const c of combinations) {
        console.log(`${c.ok ? 'valid  ' : 'INVALID'} ${c.layers}`);
        for (const p of c.problems) console.log(`          ${p}`);
      }
      if (documents.some((d) => !d.ok) || combinations.some((c) => !c.ok)) process.exitCode = 1;
      break;
    }
    default:
      throw new Error(USAGE);
  }
} catch (err) {
  console.error(`fleet:config: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
