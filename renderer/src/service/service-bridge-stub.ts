// For renderer tests of the patient flow: the service half of a fake bridge, refusing
// everything the way the core does outside service mode. Tests only.
import type { BridgeError, Envelope, ServiceMethod } from '../../../electron/common/bridge-contract';
import type { KioskBridge } from '../bridge';

const REFUSED: BridgeError = { kind: 'session', problem: 'serviceClosed', shown: null, httpStatus: null };
const refused = async (): Promise<Envelope<never>> => ({ ok: false, error: REFUSED });

export function refusingServiceBridge(): Pick<KioskBridge, ServiceMethod> {
  return {
    serviceGate: async () => ({ ok: true, value: { state: 'not-configured', minutesLeft: null } }),
    serviceEnter: async () => ({ ok: true, value: { state: 'not-configured' } }),
    serviceStatus: refused,
    servicePrintTest: refused,
    servicePaperReplaced: refused,
    serviceMisCheck: refused,
    serviceLog: refused,
    serviceRestart: refused,
    serviceLeaveToOs: refused,
    serviceExit: async () => ({ ok: true, value: null }),
  };
}
