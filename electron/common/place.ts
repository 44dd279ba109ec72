// «Кабинет 214, этаж 2» / «Room 214, floor 2» with the parts that are known, on screen and on
// the slip alike. A room the MIS already named («каб. 12») is kept as the MIS wrote it.
import type { Translate } from './i18n/catalog';

export function placeText(room: string, floor: number | null, t: Translate): string {
  const r = room.trim();
  // No-break spaces: «кабинет 214» and «этаж 2» never split across lines.
  const cabinet = !r ? '' : /^каб/i.test(r) ? r.replace(/^(каб\.?)\s+/i, '$1\u00a0') : t('place.room', { room: r });
  const floorText = floor === null ? '' : t('place.floor', { floor });
  return capitalize([cabinet, floorText].filter(Boolean).join(', '));
}

export function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase() + s.slice(1);
}
