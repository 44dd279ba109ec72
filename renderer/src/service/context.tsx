import { createContext, useContext, type ReactNode } from 'react';
import type { KioskBridge } from '../bridge';

// The service layer talks to the bridge directly, not through the patient flow's store: its
// calls must not count as the patient's busy work, nor be dropped when the patient's session ends.
const ServiceBridgeContext = createContext<KioskBridge | null>(null);

export function ServiceBridgeProvider({ bridge, children }: { bridge: KioskBridge; children: ReactNode }) {
  return <ServiceBridgeContext.Provider value={bridge}>{children}</ServiceBridgeContext.Provider>;
}

export function useServiceBridge(): KioskBridge | null {
  return useContext(ServiceBridgeContext);
}
