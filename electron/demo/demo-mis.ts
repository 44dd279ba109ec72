// Which simulator the demo runs on: `npm start -- --mis n3` (or `"api": {"kind": "n3"}` in the
// demo's config) starts the N3 HubService simulator instead of the SoftRust one, and the demo
// config is made to match it (api.kind n3, the simulator's client guid and clinic).
import type { KioskConfig } from '../core/config/schema';
import { HUB_GUID, KIOSK_LPU } from '../../simulator/n3/seed';

export type DemoMis = KioskConfig['api']['kind'];
const KINDS: readonly DemoMis[] = ['softrust', 'n3'];

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
  if (mis !== null && !KINDS.includes(mis as DemoMis)) {
    throw new Error(`--mis: "${mis}" is not one of ${KINDS.join(', ')}`);
  }
  return { mis: mis as DemoMis | null, rest };
}

/** The demo's MIS settings for the N3 simulator at `url`. */
export function n3DemoApi(config: KioskConfig, url: string): KioskConfig['api'] {
  return { ...config.api, kind: 'n3', baseUrl: url, n3: { guid: HUB_GUID, idLpu: KIOSK_LPU, servicePath: '/HubService.svc' } };
}
