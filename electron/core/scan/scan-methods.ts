// The bridge methods of identification by scan. The policy number and birth date of a paper
// policy stay in the main process: the screen gets the masked number and the expiry state,
// then asks `identifyScanned`, and the core identifies with what it kept. An ENP-only scan
// does give the screen its 16 digits: the patient would type the very same digits into the
// very same field, and seeing them lets the patient check them before adding the birth date.
import type { Patient, ScanEvent } from '../../common/bridge-contract';
import { birthDateProblem } from '../../common/calendar';
import { clinicYmd } from '../../common/clinic-time';
import { maskPolicy } from '../../common/mask';
import type { Logger } from '../ports';
import { SessionError } from '../session/session-error';
import type { PatientSession } from '../session/patient-session';
import type { ScanInbox } from './scan-inbox';

export interface ScanMethodsDeps {
  inbox: ScanInbox;
  session: PatientSession;
  log: Logger;
  timeZone: string;
  /** Whether the configured scanner is a keyboard wedge (only then may the screen send keys). */
  keyboardWedge: boolean;
  /**
   * True while a technician has the screen (service mode): a policy scanned then is nobody's
   * turn, so it is dropped, never kept for the patient screen that comes back afterwards.
   */
  patientsPaused?: () => boolean;
  now?: () => Date;
}

export function createScanMethods(deps: ScanMethodsDeps) {
  const { inbox, session, log, timeZone } = deps;
  const now = deps.now ?? (() => new Date());

  return {
    async takeScan(): Promise<ScanEvent | null> {
      const scan = inbox.take();
      if (!scan) return null;
      if (deps.patientsPaused?.()) {
        inbox.takeHeld();
        log.audit('scan.dropped', { reason: 'service-mode' });
        return null;
      }
      if (scan.kind === 'enp') return { kind: 'enp', policy: scan.enp };
      if (scan.kind === 'unrecognised') return { kind: 'unrecognised' };
      const p = scan.policy;
      // A payload that decodes but carries an impossible birth date is not a usable policy.
      if (birthDateProblem(p.birthDate, now())) return { kind: 'unrecognised' };
      const policyMasked = maskPolicy(p.enp);
      if (p.expiresOn && p.expiresOn < clinicYmd(now().toISOString(), timeZone)) {
        log.audit('scan.policy_expired', { version: p.version });
        return { kind: 'expired', policyMasked, expiredOn: p.expiresOn };
      }
      inbox.hold(p);
      return { kind: 'policy', policyMasked, expiresOn: p.expiresOn };
    },

    async identifyScanned(): Promise<Patient> {
      const p = inbox.takeHeld();
      if (!p) throw new SessionError('no scanned policy waiting');
      if (deps.patientsPaused?.()) throw new SessionError('a technician has the screen (service mode)');
      await session.identify({ policy: p.enp, birthDate: p.birthDate });
      log.audit('scan.identified', { version: p.version });
      return { policyMasked: maskPolicy(p.enp) };
    },

    /** The screen stopped listening (left Welcome and Identify): a scan from now on is for nobody. */
    async scanStop(): Promise<null> {
      inbox.stopListening();
      return null;
    },

    async scanKeys({ digits }: { digits: string }): Promise<null> {
      if (!deps.keyboardWedge) {
        log.warn('scan.keys_refused', { reason: 'scanner.type is not keyboard' });
        return null;
      }
      inbox.push(new Uint8Array(Buffer.from(digits, 'latin1')), 'keyboard');
      return null;
    },
  };
}
