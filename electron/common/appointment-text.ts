// The appointment as plain text, for a QR code on the ticket screen when no slip came out: the
// patient photographs it and has the time, the room and the doctor. Only what the slip carries
// (no policy, no name, no birth date): a photo of a public screen may be seen by anyone.
import type { Ticket } from './bridge-contract';
import { clinicTime, clinicYmd, dayNumeric, weekdayLong } from './clinic-time';
import type { Translate } from './i18n/catalog';
import { placeText } from './place';

export function appointmentText(ticket: Ticket, timeZone: string, t: Translate, tag: string): string {
  const ymd = clinicYmd(ticket.beginTime, timeZone);
  const weekday = weekdayLong(ymd, tag);
  const lines = [
    ticket.number ? `${t('slip.title')} № ${ticket.number}` : t('slip.title'),
    t('slip.date', { date: dayNumeric(ymd), weekday: weekday === '—' ? '' : weekday }),
    t('slip.time', { time: clinicTime(ticket.beginTime, timeZone) }),
    placeText(ticket.room, ticket.floor, t),
    ticket.doctorName ? (ticket.resType === 'Doctor' ? t('slip.doctor', { name: ticket.doctorName }) : ticket.doctorName) : '',
    ticket.speciality || ticket.doctorRole,
    [ticket.clinic.name, ticket.clinic.address].filter(Boolean).join(', '),
  ];
  return lines.filter((l) => l.trim()).join('\n');
}
