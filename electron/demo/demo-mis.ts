// Which simulator the demo runs on: `npm start -- --mis n3` (or `"api": {"kind": "n3"}` in the
// demo's config) starts the N3 HubService simulator instead of the SoftRust one, and the demo
// config is made to match it (api.kind n3, the simulator's client guid and clinic).
import type { KioskConfig } from '../core/config/schema';
import { DEFAULT_HUB_SERVICE_PATH } from '../core/mis/n3/soap';
import { MIS_KINDS, isMisKind, type MisKind } from '../common/mis-kinds';
import { HUB_GUID, KIOSK_LPU } from '../../simulator/n3/seed';

export type DemoMis = MisKind;

/**
 * Takes `--mis <kind>` (or `--mis=<kind>`) out of the command line, so the host's strict argument
 * parser never sees it. null when not given; an unknown kind is a one-line refusal.
 */
export function takeDemoMisFlag(args: readonly string[]): { mis: DemoMis | null; rest: string[] } {
  const rest: string[] = [];
  let mis: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--mis') mis = args[++i] ?? '';
    else if (a.startsWith('--mis=')) mis = a.slice('--mis='.length);
    else rest.push(a);
  }
  if (mis !== null && !isMisKind(mis)) {
    throw new Error(`--mis: "${mis}" is not one of ${MIS_KINDS.join(', ')}`);
  }
  return { mis, rest };
}

/** The demo's MIS settings for the N3 simulator at `url`. */
export function n3DemoApi(config: KioskConfig, url: string): KioskConfig['api'] {
  return { ...config.api, kind: 'n3', baseUrl: url, n3: { guid: HUB_GUID, idLpu: KIOSK_LPU, servicePath: DEFAULT_HUB_SERVICE_PATH } };
}
