import { useSyncExternalStore } from 'react';
import type { KioskInfo } from '../../electron/common/bridge-contract';

const QUERY = '(orientation: landscape)';

function subscribe(cb: () => void): () => void {
  const mq = window.matchMedia(QUERY);
  mq.addEventListener('change', cb);
  return () => mq.removeEventListener('change', cb);
}

const snapshot = (): boolean => window.matchMedia(QUERY).matches;

/**
 * The layout to use. A kiosk whose panel is mounted rotated may report the wrong
 * orientation, so the configured value wins; `auto` follows the screen.
 */
export function useOrientation(configured: KioskInfo['orientation'] | undefined): 'portrait' | 'landscape' {
  const landscape = useSyncExternalStore(subscribe, snapshot, () => false);
  if (configured === 'portrait' || configured === 'landscape') return configured;
  return landscape ? 'landscape' : 'portrait';
}
