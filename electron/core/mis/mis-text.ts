// The MIS's own sentence, where an adapter shows it to the patient (only where it carries facts
// the kiosk has no other way to get, such as the time of a booking the patient already has):
// a full name becomes surname and initials (a public screen), Russian typography, and a cut at
// a word boundary so an MIS that sends a page of text cannot fill the screen.
import { shortenFullNames, typograph } from '../../common/typograph';

export const MIS_TEXT_MAX = 200;

export function misText(raw: string | null | undefined): string | null {
  // Control characters have no place on a screen (or a printer's wire).
  // eslint-disable-next-line no-control-regex
  const text = typograph(shortenFullNames((raw ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim()));
  if (!text) return null;
  if (text.length <= MIS_TEXT_MAX) return text;
  const cut = text.slice(0, MIS_TEXT_MAX);
  const space = cut.search(/\s\S*$/);
  return `${(space > MIS_TEXT_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.—–-]+$/, '')}…`;
}
