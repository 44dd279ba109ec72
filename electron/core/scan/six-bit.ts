// The six-bit alphabet of the paper OMS policy's barcode (FIO field). Codes 47–62 are unused;
// 63 separates surname, name and patronymic. Two public tables write the letter after Д as a
// Latin E; here it is the Cyrillic Е, which is what a name holds.
export const SIX_BIT_ALPHABET = ' .-‘0123456789АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЬЪЫЭЮЯ';
export const SIX_BIT_SEPARATOR = 63;

/** The character for a six-bit code, '|' for the separator, null for an unused code. */
export function sixBitChar(code: number): string | null {
  if (code === SIX_BIT_SEPARATOR) return '|';
  return SIX_BIT_ALPHABET[code] ?? null;
}

/** The code of a character ('|' is the separator), null when the alphabet has no such letter. */
export function sixBitCode(ch: string): number | null {
  if (ch === '|') return SIX_BIT_SEPARATOR;
  const i = SIX_BIT_ALPHABET.indexOf(ch === 'E' ? 'Е' : ch);
  return i < 0 ? null : i;
}
