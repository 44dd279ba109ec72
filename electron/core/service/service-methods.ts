// The service-mode half of the bridge: one method per technician action, each a thin call into
// the core's service session (service-mode.ts), which alone decides whether it may run.
import type { ServiceMethod } from '../../common/bridge-contract';
import type { BridgeImpl } from '../bridge/dispatcher';
import type { ServiceMode } from './service-mode';

export function createServiceMethods(mode: ServiceMode, opts: { beforeEnter?: () => Promise<void> } = {}): Pick<BridgeImpl, ServiceMethod> {
  return {
    serviceGate: async () => mode.gate(),
    // Entering ends the patient's session: a booking under way finishes first (bounded), so
    // the technician never cuts one short.
    serviceEnter: async ({ pin }) => {
      await opts.beforeEnter?.();
      return mode.enter(pin);
    },
    serviceStatus: () => mode.status(),
    servicePrintTest: () => mode.printTest(),
    servicePaperReplaced: async () => mode.paperReplaced(),
    serviceMisCheck: () => mode.misCheck(),
    serviceLog: async () => mode.logLines(),
    serviceRestart: async () => mode.restart(),
    serviceLeaveToOs: async ({ pin }) => mode.leaveToOs(pin),
    // Leaving is never refused: closing an already closed service session harms nothing.
    serviceExit: async () => {
      mode.exit('technician');
      return null;
    },
  };
}
