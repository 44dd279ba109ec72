// npm run release:sign -- --key /media/offline-usb/infomat-release-2026.pem [--key second.pem] [--dir release/]
// npm run release:sign -- --check [--dir release/]
// Signs every update metadata file in the release folder (latest.yml, latest-linux.yml, beta.yml
// …) in place, with each key given (two while rotating); --check says, without a key, what a
// kiosk of this build would say about each file. Run it after every edit of a .yml
// (stagingPercentage too) and before uploading.
import path from 'node:path';
import { checkReleaseDir, PASSPHRASE_ENV, readPrivateKey, signReleaseDir } from './release-signing';

const argv = process.argv.slice(2);
const values = (name: string) => argv.flatMap((a, i) => (a === name && argv[i + 1] ? [argv[i + 1]!] : []));

try {
  const dir = path.resolve(values('--dir')[0] ?? 'release');
  if (argv.includes('--check')) {
    const results = checkReleaseDir(dir);
    if (results.length === 0) throw new Error(`no update metadata in ${dir}`);
    for (const r of results) console.log(`${r.ok ? 'ok     ' : 'REFUSED'} ${r.file}: ${r.detail}`);
    if (results.some((r) => !r.ok)) process.exitCode = 1;
  } else {
    const paths = values('--key');
    if (paths.length === 0) throw new Error('usage: npm run release:sign -- --key /path/outside/the/repo/key.pem [--key …] [--dir release/]');
    const passphrase = process.env[PASSPHRASE_ENV] || undefined;
    const { signed, skipped } = signReleaseDir(dir, paths.map((p) => readPrivateKey(p, { passphrase })));
    for (const s of signed) console.log(`signed ${s.file} (${s.version})`);
    for (const s of skipped) console.log(`skipped ${s} (not update metadata)`);
  }
} catch (err) {
  console.error(`release:sign: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
