// The policy rule itself (16 digits) lives in electron/common/rules.ts. No checksum is checked
// here: the registry, not the kiosk, decides whether a number is real.
import { msg, type Msg } from '../../../electron/common/i18n/catalog';
import { POLICY_LENGTH } from '../../../electron/common/rules';

export { POLICY_LENGTH };

export function onlyDigits(s: string): string {
  return s.replace(/\D/g, '');
}

/** «5000 0000 0000 0001»: groups of four are how the number is printed on the card. */
export function groupPolicy(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

export function policyProblem(digits: string): Msg | null {
  if (digits.length === 0) return msg('policy.empty', { digits: POLICY_LENGTH });
  if (digits.length < POLICY_LENGTH) return msg('policy.tooShort', { typed: digits.length, digits: POLICY_LENGTH });
  if (digits.length > POLICY_LENGTH) return msg('policy.tooLong', { digits: POLICY_LENGTH });
  return null;
}
