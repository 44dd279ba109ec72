// Configuration documents for the tests: the JSON an operator writes, signed in memory with a
// throwaway key (core/updates/testing/releases.ts testKey). No key file is ever written.
import type { TestKey } from '../../updates/testing/releases';
import { signConfigDocument } from '../document';

/** The document's JSON as an operator writes it (two-space indent, a final newline). */
export function configDocument(revision: number, config: Record<string, unknown>, note?: string): Buffer {
  return Buffer.from(JSON.stringify({ revision, ...(note ? { note } : {}), config }, null, 2) + '\n', 'utf8');
}

export function signedConfig(name: string, revision: number, config: Record<string, unknown>, keys: readonly TestKey[]): Buffer {
  return signConfigDocument(name, configDocument(revision, config), keys.map((k) => k.privateKey));
}
