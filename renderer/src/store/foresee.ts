// By number (an MIS that cannot list referrals), a found referral goes straight on to its
// clinic — unless the kiosk knows an upcoming appointment to its speciality: then it is held on
// the surname screen, said with that appointment, until the patient taps it (or moves the other).
import type { Referral } from '../../../electron/common/bridge-contract';
import type { FlowState } from './types';

export function heldReferral(s: Pick<FlowState, 'referrals' | 'referralQuery'>): Referral | null {
  const r = s.referrals.length === 1 ? s.referrals[0]! : null;
  return r && r.bookable && r.upcoming && r.number === s.referralQuery.number ? r : null;
}
