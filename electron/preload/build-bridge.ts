// Builds the `window.kiosk` object: exactly one function per contract method, each a single
// `invoke` on that method's channel. Pure (the invoke function is passed in) so it is tested
// under Node; preload.ts hands it `ipcRenderer.invoke`.
import type { BridgeMethod, Envelope, KioskBridge } from '../common/bridge-contract';
import { bridgeMethodNames, channelFor } from '../common/channels';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

const transportFailure: Envelope<never> = {
  ok: false,
  error: { kind: 'internal', problem: 'kioskLink', shown: null, httpStatus: null },
};

export function buildBridge(invoke: Invoke): KioskBridge {
  const bridge: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const method of bridgeMethodNames) {
    const channel = channelFor(method as BridgeMethod);
    // The main side never rejects; a rejection here means IPC itself broke (handler missing).
    bridge[method] = (input: unknown) => invoke(channel, input ?? {}).catch(() => transportFailure);
  }
  return Object.freeze(bridge) as unknown as KioskBridge;
}
