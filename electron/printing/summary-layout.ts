// The slips that are not one ticket: «Распечатать все записи» (every upcoming appointment on
// one slip) and a waiting-list request. Same builder, same wrapping and code-page rules as the
// ticket (slip-layout.ts); what the patient looks for (date and time, the room) is bold.
import { clinicTime, clinicYmd, dayNumeric, weekdayLong } from '../common/clinic-time';
import type { Translate } from '../common/i18n/catalog';
import { placeText } from '../common/place';
import type { AppointmentsSummary, SlipSummary, WaitingListSummary } from '../core/ports';
import type { LayoutBuilder, TextSize } from './slip-layout';

interface SummaryContext {
  timeZone: string;
  t: Translate;
  /** BCP 47 tag of the slip's language (weekday names). */
  tag: string;
  /** 2 on a large-print slip: when, where and with whom are double size. */
  big: TextSize;
}

export function summaryBlocks(b: LayoutBuilder, summary: SlipSummary, c: SummaryContext): void {
  if (summary.kind === 'appointments') appointmentsBlocks(b, summary, c);
  else waitingListBlocks(b, summary, c);
}

function appointmentsBlocks(b: LayoutBuilder, s: AppointmentsSummary, { timeZone: tz, t, tag, big }: SummaryContext): void {
  b.para(t('slip.summaryTitle'), { align: 'center', bold: true });
  b.para(t('slip.summaryCount', { count: s.tickets.length }), { align: 'center' });
  for (const ticket of s.tickets) {
    b.rule();
    const ymd = clinicYmd(ticket.beginTime, tz);
    const weekday = weekdayLong(ymd, tag);
    b.para(`${dayNumeric(ymd)}${weekday === '—' ? '' : `, ${weekday}`}, ${clinicTime(ticket.beginTime, tz)}`, { bold: true, size: big });
    if (ticket.doctorName) b.para(ticket.resType === 'Doctor' ? t('slip.doctor', { name: ticket.doctorName }) : ticket.doctorName, { size: big });
    const what = ticket.speciality.trim() || ticket.doctorRole.trim();
    if (what) b.para(what, { size: big });
    const room = placeText(ticket.room, ticket.floor, t);
    if (room) b.para(room, { bold: true, size: big });
    b.para(ticket.clinic.name || ticket.clinic.fullName);
    if (ticket.clinic.address) b.para(ticket.clinic.address);
    if (ticket.number) b.para(t('slip.summaryTicket', { number: ticket.number }));
  }
  b.rule();
  b.para(t('slip.comeEarly'), { bold: true, size: big });
  b.para(t('slip.summaryCancel'), { align: 'center', size: big });
}

function waitingListBlocks(b: LayoutBuilder, s: WaitingListSummary, { t, big }: SummaryContext): void {
  if (s.clinic) {
    b.para(s.clinic.name || s.clinic.fullName, { align: 'center', bold: true });
    if (s.clinic.address) b.para(s.clinic.address, { align: 'center' });
    b.rule();
  }
  b.para(t('slip.waitTitle'), { align: 'center', bold: true, size: 2 });
  b.para(t('slip.waitAccepted'), { align: 'center', bold: true });
  b.rule();
  if (s.what) b.para(t('slip.waitFor', { what: s.what }), { bold: true, size: big });
  b.para(t(s.reason === 'noSlots' ? 'slip.waitReasonNoSlots' : 'slip.waitReasonNoConvenientTime'));
  if (s.reference) b.para(t('slip.waitReference', { reference: s.reference }), { bold: true });
  b.blank();
  b.para(t('slip.waitNext', { tail: s.phoneTail }), { size: big });
  b.para(t('slip.waitNoCall'), { size: big });
  if (s.clinic?.phone.trim()) b.para(s.clinic.phone.trim(), { align: 'center', size: big });
}
