// Release metadata as electron-builder writes it, and throwaway Ed25519 keys, for the update
// tests. Keys live in memory only: no key file is ever written by a test.
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { keyId, signMetadata, type PinnedKey } from '../metadata-signature';

export interface TestKey {
  privateKey: KeyObject;
  pinned: PinnedKey;
}

export function testKey(): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, pinned: { id: keyId(publicKey), key: publicKey } };
}

/** A stand-in installer's SHA-512, base64 as electron-builder writes it. */
export function installerSha512(version: string, build = ''): string {
  return createHash('sha512').update(`Infomat-${version}.AppImage${build}`).digest('base64');
}

/** latest-linux.yml of `version`, byte for byte in electron-builder's layout. */
export function releaseYml(version: string, opts: { build?: string; stagingPercentage?: number } = {}): Buffer {
  const sha = installerSha512(version, opts.build);
  const lines = [
    `version: ${version}`,
    'files:',
    `  - url: Infomat-${version}.AppImage`,
    `    sha512: ${sha}`,
    '    size: 112735821',
    '    blockMapSize: 117851',
    `path: Infomat-${version}.AppImage`,
    `sha512: ${sha}`,
    "releaseDate: '2026-11-20T10:15:00.000Z'",
    ...(opts.stagingPercentage === undefined ? [] : [`stagingPercentage: ${opts.stagingPercentage}`]),
  ];
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

export function signedYml(fileName: string, version: string, keys: readonly TestKey[], opts?: { build?: string; stagingPercentage?: number }): Buffer {
  return signMetadata(fileName, releaseYml(version, opts), keys.map((k) => k.privateKey));
}
