// The booking flow, defined once: the order of the screens, which of them the step indicator
// counts, where «Назад» leads, and when the clinic screen is skipped. The store, the step
// indicator and the header all read this file; nothing else knows the order.
import type { Clinic, KioskInfo } from '../../../electron/common/bridge-contract';
import type { Screen } from './types';

/**
 * How the patient names their referral: picks it from a list the MIS gives, or types its number
 * and their surname where the MIS cannot list referrals. Read from the MIS capabilities only; no
 * screen knows which MIS it is. A list wins where the MIS has both: nothing to type.
 */
export type ReferralMode = 'list' | 'number';
export function referralMode(mis: Pick<KioskInfo['mis'], 'listReferrals' | 'referralByNumber'> | undefined | null): ReferralMode {
  return mis && !mis.listReferrals && mis.referralByNumber ? 'number' : 'list';
}

/**
 * The screens of one booking in order, each with the step it belongs to and the name the
 * indicator shows. The clinic and the doctor are one step: whether the clinic screen appears
 * is only known after the referral is chosen, and the patient must see the same total on every
 * screen («Шаг 3 из 7» for both, with the screen's own name), never «из 7» turning into «из 8».
 * The referral is step 2 in either mode: one list screen, or the number and then the surname
 * (two screens of the same step), so the total is 7 on every MIS.
 */
export const FLOW: readonly { screen: Screen; step: number; label: string; mode?: ReferralMode }[] = [
  { screen: 'identify', step: 1, label: 'Полис' },
  { screen: 'referrals', step: 2, label: 'Направление', mode: 'list' },
  { screen: 'referralNumber', step: 2, label: 'Номер направления', mode: 'number' },
  { screen: 'referralSurname', step: 2, label: 'Фамилия', mode: 'number' },
  { screen: 'clinics', step: 3, label: 'Поликлиника' },
  { screen: 'resources', step: 3, label: 'Врач' },
  { screen: 'days', step: 4, label: 'День' },
  { screen: 'times', step: 5, label: 'Время' },
  { screen: 'confirm', step: 6, label: 'Проверка' },
  { screen: 'ticket', step: 7, label: 'Талон' },
];

/** How many steps the indicator shows: the same on every screen. */
export const STEP_COUNT = Math.max(...FLOW.map((s) => s.step));

/**
 * The one rule for skipping the clinic screen: exactly one clinic, and it takes bookings.
 *
 * Before, three places disagreed (the store skipped one online clinic, the step indicator hid
 * the step unless there were several clinics, «Назад» from the doctors went past the clinic
 * screen whenever there was one clinic). A single clinic that is offline is NOT skipped: the
 * patient then sees the clinic with the reason it cannot take bookings, instead of a dead end.
 * No clinics at all shows the clinic screen too, which says to go to the registry.
 */
export function skipClinicScreen(clinics: readonly Clinic[]): boolean {
  return clinics.length === 1 && clinics[0]!.online;
}

/** «Шаг n из N: label» for a screen of the flow; null for Welcome and «Мои записи». */
export function stepOf(screen: Screen): { step: number; total: number; label: string } | null {
  const entry = FLOW.find((s) => s.screen === screen);
  return entry ? { step: entry.step, total: STEP_COUNT, label: entry.label } : null;
}

/** The first screen of the referral step in this mode (where «Мои записи» returns to). */
export const firstReferralScreen = (mode: ReferralMode): Screen => (mode === 'number' ? 'referralNumber' : 'referrals');

/**
 * Where «Назад» leads from a screen: the previous screen of the flow (past a skipped clinic
 * screen and the other referral mode's screens), 'welcome' from the first step (the session
 * ends), the referral step from «Мои записи», and null where there is no way back (the ticket
 * is final; Welcome is the start).
 */
export function previousScreen(screen: Screen, clinics: readonly Clinic[], mode: ReferralMode = 'list'): Screen | null {
  if (screen === 'appointments') return firstReferralScreen(mode);
  if (screen === 'ticket' || screen === 'welcome') return null;
  const i = FLOW.findIndex((s) => s.screen === screen);
  for (let j = i - 1; j >= 0; j--) {
    const prev = FLOW[j]!;
    if (prev.mode && prev.mode !== mode) continue;
    if (prev.screen === 'clinics' && skipClinicScreen(clinics)) continue;
    return prev.screen;
  }
  return 'welcome';
}

/** Whether the header offers «Назад» on this screen. */
export function canGoBack(screen: Screen): boolean {
  return previousScreen(screen, []) !== null;
}
