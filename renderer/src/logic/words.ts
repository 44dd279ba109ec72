// Russian wording helpers shared by several screens.

/** Russian plural: forms for 1, 2–4 and 5+ («талон», «талона», «талонов»). */
export function plural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

export function freeTicketsText(n: number): string {
  return `${n} ${plural(n, 'свободный талон', 'свободных талона', 'свободных талонов')}`;
}

// Place wording and capitalisation are shared with the printed slip.
export { capitalize, placeText } from '../../../electron/common/texts';
