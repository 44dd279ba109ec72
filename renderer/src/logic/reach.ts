// Reach mode's line: how much of a portrait screen a patient in a wheelchair can touch. The
// config says where the picture hangs; the screen puts no control above the line it gives.
import type { KioskInfo } from '../../../electron/common/bridge-contract';

export type ReachGeometry = KioskInfo['reach'];

/** The kiosk's defaults (a 32-inch portrait panel, its lower edge 0.8 m up, reach 1.2 m). */
export const DEFAULT_REACH: ReachGeometry = { offered: true, pictureHeightM: 0.71, bottomEdgeM: 0.8, maxReachM: 1.2 };

/**
 * The share of the picture's height, from its bottom edge, within reach: 0 when even the
 * bottom edge is too high, 1 when the whole screen is low enough.
 */
export function reachableShare(g: Pick<ReachGeometry, 'pictureHeightM' | 'bottomEdgeM' | 'maxReachM'>): number {
  if (!(g.pictureHeightM > 0)) return 0;
  const share = (g.maxReachM - g.bottomEdgeM) / g.pictureHeightM;
  return Math.min(1, Math.max(0, share));
}

/** How many pixels from the top of a screen `heightPx` tall hold nothing to touch in reach mode. */
export function reachLinePx(g: Pick<ReachGeometry, 'pictureHeightM' | 'bottomEdgeM' | 'maxReachM'>, heightPx: number): number {
  return Math.round(heightPx * (1 - reachableShare(g)));
}

/**
 * Whether «Для инвалидной коляски» is worth a button: offered in the config, on a portrait
 * screen (a landscape one is low enough already), and with the top of the screen out of reach
 * but enough of it within reach to hold the controls (a third at least).
 */
export function reachModeUseful(g: ReachGeometry, orientation: 'portrait' | 'landscape'): boolean {
  const share = reachableShare(g);
  return g.offered && orientation === 'portrait' && share < 1 && share >= 1 / 3;
}
