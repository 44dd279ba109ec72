// Facts about patients and referrals that the contract, the core and the screens all rely on.

/** OMS policy numbers of the unified form: 16 digits (the registry, not the kiosk, checks them). */
export const POLICY_LENGTH = 16;
export const POLICY_PATTERN = /^\d{16}$/;

/** Every referral status the API knows; all are listed so used and expired ones show disabled. */
export const REFERRAL_STATUSES = ['Active', 'Booked', 'Used', 'Expired', 'Cancelled'] as const;
export type ReferralStatusName = (typeof REFERRAL_STATUSES)[number];

/** How many days ahead the kiosk asks for free cells. */
export const SCHEDULE_DAYS = 14;

/** «2026-11-27» + n days, on the calendar (no zone involved). */
export function addDays(ymd: string, days: number): string {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A referral number as typed or scanned: letters, digits, `-` and `/`, 1–40 of them. */
export const REFERRAL_NUMBER_PATTERN = /^[0-9A-Za-zА-Яа-яЁё/-]{1,40}$/;
/** A surname as on the referral: Cyrillic letters, a hyphen or a space inside, 1–60. */
export const SURNAME_PATTERN = /^[А-Яа-яЁё](?:[А-Яа-яЁё -]{0,58}[А-Яа-яЁё])?$/;

/** A speciality's id as the MIS gives it (SoftRust code, N3 IdSpesiality): letters, digits, `._-`. */
export const SPECIALITY_CODE_PATTERN = /^[0-9A-Za-z._-]{1,40}$/;

/**
 * A Russian mobile number as the patient types it on the keypad: ten digits starting with 9
 * (the +7 is printed on the screen, a typed leading 8 or 7 is dropped by the screen).
 */
export const MOBILE_PATTERN = /^9\d{9}$/;

/** «9161234567» → «+7 916 123-45-67», the way a Russian reads a number back. */
export function groupMobile(digits: string): string {
  const d = digits.replace(/\D/g, '');
  const parts = [d.slice(0, 3), d.slice(3, 6), d.slice(6, 8), d.slice(8, 10)];
  let out = '+7';
  if (parts[0]) out += ` ${parts[0]}`;
  if (parts[1]) out += ` ${parts[1]}`;
  if (parts[2]) out += `-${parts[2]}`;
  if (parts[3]) out += `-${parts[3]}`;
  return out;
}
