// The ENP (единый номер полиса) check digit and the search for an ENP inside scanned text.
// The algorithm is rt.srz's EnpChecker (see ../shared/design/identification-scanners.md §1):
// from the right, every other digit of the first 15 is read as one number (rightmost first)
// and doubled; the digit sum of that and of the remaining digits gives the check digit.

const ENP_RUN = /\d+/g;

/** The 16th digit for a 15-digit prefix. */
export function enpCheckDigit(first15: string): number {
  if (!/^\d{15}$/.test(first15)) throw new RangeError('an ENP prefix is 15 digits');
  let picked = '';
  let rest = '';
  for (let i = first15.length - 1, pick = true; i >= 0; i--, pick = !pick) {
    if (pick) picked += first15[i];
    else rest += first15[i];
  }
  const digits = rest + String(BigInt(picked) * 2n);
  let sum = 0;
  for (const d of digits) sum += Number(d);
  return (10 - (sum % 10)) % 10;
}

export function isValidEnp(s: string): boolean {
  return /^\d{16}$/.test(s) && enpCheckDigit(s.slice(0, 15)) === Number(s[15]);
}

/**
 * The first run of exactly 16 digits that passes the check digit, anywhere in a text or URL
 * (`https://…?enp=6449020886006380&…`). Longer runs are not searched inside: a window of 16
 * out of a 20-digit number passes the check one time in ten, which would be a wrong patient.
 */
export function findEnp(text: string): string | null {
  for (const m of text.matchAll(ENP_RUN)) {
    if (m[0].length === 16 && isValidEnp(m[0])) return m[0];
  }
  return null;
}
