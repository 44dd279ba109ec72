// OMS policy numbers of the unified form are 16 digits. No checksum is checked here: the
// registry, not the kiosk, decides whether a number is real.
export const POLICY_LENGTH = 16;

export function onlyDigits(s: string): string {
  return s.replace(/\D/g, '');
}

/** «5000 0000 0000 0001»: groups of four are how the number is printed on the card. */
export function groupPolicy(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

export function policyProblem(digits: string): string | null {
  if (digits.length === 0) return 'Введите номер полиса ОМС — 16 цифр.';
  if (digits.length < POLICY_LENGTH) {
    return `В номере полиса должно быть 16 цифр, а введено ${digits.length}. Проверьте номер.`;
  }
  if (digits.length > POLICY_LENGTH) return 'В номере полиса должно быть ровно 16 цифр.';
  return null;
}
