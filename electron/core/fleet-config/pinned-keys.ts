// The keys this build trusts for the fleet's configuration documents, from config-keys.json,
// bundled into main.js at build time like the release keys (core/updates/pinned-keys.ts) and
// for the same reason not in config.json: whoever can edit a kiosk's file must not be able to
// make it accept configurations of their own. A list of its own, apart from the release keys:
// the operators who sign a clinic's settings every week need not hold the key that signs
// programs, and a configuration key that leaks cannot install one.
import configKeys from './config-keys.json';
import { loadPinnedKeys, type PinnedKeyEntry } from '../updates/pinned-keys';
import type { PinnedKey } from '../updates/metadata-signature';

export function pinnedConfigKeys(): PinnedKey[] {
  return loadPinnedKeys((configKeys as { keys: PinnedKeyEntry[] }).keys, 'config-keys.json');
}
