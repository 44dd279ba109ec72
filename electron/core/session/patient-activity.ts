// When a patient last did something at the screen: a tap or a key (the renderer says so with
// `patientInput`), a scan, or a bridge call that is a patient's own action. Polling (Welcome's
// health and scan reads), the kiosk's own calls and a technician's do not count: an untouched
// kiosk must look untouched, or the night's update never finds a quiet moment.
import type { BridgeMethod } from '../../common/bridge-contract';

/** Bridge methods that a patient's tap (or scan) causes; everything else is the kiosk's own traffic. */
export const PATIENT_METHODS: ReadonlySet<BridgeMethod> = new Set<BridgeMethod>([
  'patientInput',
  'identify',
  'identifyScanned',
  'scanKeys',
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
  'endSession',
]);

export interface PatientActivity {
  /** A patient did something now. */
  touch(): void;
  /** When a patient last did something; null if never since start. */
  last(): Date | null;
  /** Seconds since a patient last did something (since start, if never). */
  idleSeconds(): number;
}

export function createPatientActivity(now: () => Date = () => new Date()): PatientActivity {
  const started = now();
  let last: Date | null = null;
  return {
    touch() {
      last = now();
    },
    last: () => last,
    idleSeconds: () => Math.max(0, (now().getTime() - (last ?? started).getTime()) / 1000),
  };
}
