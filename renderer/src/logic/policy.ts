// The policy rule itself (16 digits) lives in electron/common/rules.ts. No checksum is checked
// here: the registry, not the kiosk, decides whether a number is real.
import { POLICY_LENGTH } from '../../../electron/common/rules';
import { TEXTS } from '../../../electron/common/texts';

export { POLICY_LENGTH };

export function onlyDigits(s: string): string {
  return s.replace(/\D/g, '');
}

/** «5000 0000 0000 0001»: groups of four are how the number is printed on the card. */
export function groupPolicy(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

export function policyProblem(digits: string): string | null {
  if (digits.length === 0) return TEXTS.policy.empty;
  if (digits.length < POLICY_LENGTH) return TEXTS.policy.tooShort(digits.length);
  if (digits.length > POLICY_LENGTH) return TEXTS.policy.tooLong;
  return null;
}
