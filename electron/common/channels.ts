// The bridge's method names and IPC channel names WITHOUT the zod schemas, so the sandboxed
// preload bundle stays tiny (it imports only this file; `import type` is erased). A unit test
// keeps this list equal to `Object.keys(bridgeContract)`.
import type { BridgeMethod } from './bridge-contract';

export const bridgeMethodNames: readonly BridgeMethod[] = Object.freeze([
  'kioskInfo',
  'identify',
  'listReferrals',
  'findReferral',
  'listClinics',
  'listSchedule',
  'book',
  'listAppointments',
  'cancelAppointment',
  'listSpecialities',
  'listSpecialitySchedule',
  'listDoctorSchedule',
  'bookSelf',
  'reschedule',
  'joinWaitingList',
  'printAppointments',
  'printTicket',
  'printStatus',
  'endSession',
  'reportError',
  'takeScan',
  'identifyScanned',
  'scanKeys',
  'scanStop',
  'kioskHealth',
  'patientInput',
  'speak',
  'speechStop',
  'serviceGate',
  'serviceEnter',
  'serviceStatus',
  'servicePrintTest',
  'servicePaperReplaced',
  'serviceMisCheck',
  'serviceLog',
  'serviceRestart',
  'serviceLeaveToOs',
  'serviceExit',
] as const);

/** One IPC channel per method. */
export const channelFor = (method: BridgeMethod): string => `kiosk:${method}`;
