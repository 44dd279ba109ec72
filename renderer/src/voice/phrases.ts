// What voice guidance says, composed from the store's state in the session's language: each
// screen's heading and its choices, the option just chosen, a key's echo, an error with what to
// do next, the ticket in full (date and time in words, room, floor, doctor, clinic), the slip's
// outcome. Words come from the catalogue; MIS data (names, rooms) as the MIS wrote them. Never
// the policy number: the Identify screen's echoes say one digit at a time, nothing else repeats it.
import type { Ticket } from '../../../electron/common/bridge-contract';
import { clinicTime, clinicYmd, DEFAULT_CLINIC_TIME_ZONE } from '../../../electron/common/clinic-time';
import type { Translate } from '../../../electron/common/i18n/catalog';
import { t as translatorFor } from '../../../electron/common/i18n/locales';
import { POLICY_LENGTH } from '../../../electron/common/rules';
import type { SpeechKind } from '../../../electron/common/speech';
import { HINT_BY_PROBLEM, PLAN } from '../logic/error-plan';
import { healthNotice } from '../logic/health-notice';
import { referralTypeLabel } from '../logic/referral-words';
import { groupMobile } from '../../../electron/common/rules';
import type { FlowError, FlowState } from '../store/types';

export type Phrase = { text: string; kind: SpeechKind };

/** A list says this many options, then how many more are below. */
export const LIST_LIMIT = 7;

type View = Pick<
  FlowState,
  | 'screen' | 'intent' | 'info' | 'health' | 'language' | 'referrals' | 'referral' | 'specialities' | 'speciality' | 'clinics' | 'clinic'
  | 'resources' | 'resource' | 'day' | 'slot' | 'ticket' | 'moving' | 'moved' | 'print' | 'appointments' | 'waitlist' | 'referralQuery' | 'error'
>;

/** A role or speciality mid-sentence: «Врач-кардиолог» → «врач-кардиолог». */
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase() + s.slice(1);
const sentence = (s: string) => {
  const x = s.trim();
  if (!x) return '';
  const capital = x.charAt(0).toLocaleUpperCase() + x.slice(1);
  return /[.!?…:]$/.test(x) ? capital : `${capital}.`;
};
const join = (...parts: Array<string | null | undefined | false>) => parts.filter((p): p is string => !!p && p.trim() !== '').map(sentence).join(' ');

function options(labels: string[], t: Translate): string {
  const all = labels.filter(Boolean);
  const shown = all.slice(0, LIST_LIMIT);
  if (shown.length === 0) return '';
  const more = all.length - shown.length;
  return join(t('say.options', { list: shown.join('; ') }), more > 0 && t('say.more', { count: more }));
}

/** A calendar date's parts: Monday is 0. */
function dateParts(ymd: string): { weekday: number; day: number; month: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return null;
  const weekday = (new Date(`${ymd}T12:00:00Z`).getUTCDay() + 6) % 7;
  return { weekday, day: Number(m[3]), month: Number(m[2]) };
}
function timeParts(hhmm: string): { hour: number; minute: number } | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : null;
}

/** «вторник, двенадцатое мая» (a list), «во вторник, двенадцатого мая» (when). */
export function dayWords(ymd: string, t: Translate, when = false): string {
  const p = dateParts(ymd);
  return p ? t(when ? 'say.onDay' : 'say.day', p) : ymd;
}
/** «девять пятнадцать» (a list), «в девять часов пятнадцать минут» (when). */
export function timeWords(hhmm: string, t: Translate, when = false): string {
  const p = timeParts(hhmm);
  return p ? t(when ? 'say.atTime' : 'say.clock', p) : hhmm;
}
/** An instant's date and time in the clinic's zone, in words: «во вторник, двенадцатого мая, в девять часов пятнадцать минут». */
export function whenWords(iso: string, tz: string, t: Translate): string {
  return `${dayWords(clinicYmd(iso, tz), t, true)}, ${timeWords(clinicTime(iso, tz), t, true)}`;
}

/** A number read out a character at a time («037.91» → «ноль три семь, девять один»), for writing it down. */
export function spelled(number: string, t: Translate): string {
  return number
    .trim()
    .split(/[^0-9]+/)
    .filter(Boolean)
    .map((group) => [...group].map((d) => t('say.digit', { digit: Number(d) })).join(' '))
    .join(', ');
}

function place(room: string, floor: number | null, t: Translate): string {
  const r = room.trim();
  if (!r && floor === null) return '';
  return t('say.place', { room: r, floor: floor === null ? '' : t('say.floor', { floor }) });
}

/** The ticket in full: what the patient would otherwise read off the screen and the slip. */
export function ticketPhrase(ticket: Ticket, view: Pick<View, 'moved' | 'info'>, t: Translate): string {
  const tz = view.info?.timeZone ?? DEFAULT_CLINIC_TIME_ZONE;
  const who = ticket.resType === 'Doctor' ? 'say.doctor' : 'say.visit';
  const role = ticket.doctorRole || ticket.speciality;
  return join(
    t(view.moved ? 'ticket.movedTitle' : 'ticket.title'),
    t('say.ticketNumber', { number: spelled(ticket.number, t) || ticket.number }),
    t('say.when', { day: dayWords(clinicYmd(ticket.beginTime, tz), t, true), time: timeWords(clinicTime(ticket.beginTime, tz), t, true) }),
    place(ticket.room, ticket.floor, t),
    t(who, { name: role ? `${ticket.doctorName}, ${lowerFirst(role)}` : ticket.doctorName }),
    // The clinic by name: its address (postcode and all) is on the slip.
    t('say.clinic', { name: ticket.clinic.name }),
    t('say.repeatHint'),
  );
}

/** The slip's outcome on the ticket screen, once it is known. */
export function printPhrase(view: Pick<View, 'print' | 'ticket'>, t: Translate): string | null {
  const p = view.print;
  switch (p.phase) {
    case 'idle':
    case 'printing':
      return null;
    case 'printed':
      return join(t('printer.printed'));
    case 'uncertain':
      return join(t(`printer.${p.fault}`));
    default:
      return join(
        p.problem ? `${t(`problem.${p.problem}`)} ${t('next.registry')}` : t(`printer.${p.fault}`),
        view.ticket && `${t('printer.numberIs')} ${spelled(view.ticket.number, t) || view.ticket.number}`,
      );
  }
}

/** The error panel, as it reads: what happened, the MIS's words when shown, what to do, the buttons. */
export function errorPhrase(error: FlowError, t: Translate): string {
  const plan = PLAN[error.step];
  const hint = error.hint ? t.msg(error.hint) : t((error.problem && HINT_BY_PROBLEM[error.problem]) || plan.hint);
  return join(
    t.msg(error.message),
    error.shown && `${t('problem.misSays')} ${error.shown}`,
    hint,
    options(
      plan.choices.map((c) => t(c.label)),
      t,
    ),
  );
}

/** The options chosen since `prev`, in the flow's order: the one just tapped, and any passed by for the patient. */
export function chosenPhrase(prev: View, next: View, t: Translate): string | null {
  const changed = <K extends keyof View>(k: K) => next[k] !== null && next[k] !== prev[k];
  const what: string[] = [];
  if (changed('referral') && next.intent !== 'reschedule') what.push(next.referral!.title ?? referralTypeLabel(next.referral!.type, t));
  if (changed('speciality')) what.push(next.speciality!.name);
  if (changed('clinic') && next.intent !== 'self') what.push(next.clinic!.name);
  if (changed('resource')) what.push(next.resource!.name);
  if (changed('day')) what.push(dayWords(next.day!, t));
  if (changed('slot')) what.push(timeWords(next.slot!.time, t));
  return what.length ? t('say.chosen', { what: what.join(', ') }) : null;
}

/** The screen's heading and its choices (the ticket: all of it). */
export function screenPhrase(view: View, t: Translate): Phrase | null {
  const info = view.info;
  const tz = info?.timeZone ?? DEFAULT_CLINIC_TIME_ZONE;
  const screen = (text: string): Phrase => ({ text, kind: 'screen' });
  switch (view.screen) {
    case 'welcome': {
      const self = info?.mis.selfBooking ?? false;
      const notice = healthNotice(view.health);
      return screen(
        join(
          t(self ? 'welcome.titleAny' : 'welcome.title'),
          notice ? t.msg(notice.text) : t('welcome.need'),
          notice?.blocksStart
            ? null
            : options([t('welcome.start'), self ? t('action.selfBooking') : '', (info?.mis.visits ?? true) ? t('action.myAppointments') : ''], t),
        ),
      );
    }
    case 'identify':
      return screen(join(t('identify.title'), t('say.identify', { digits: POLICY_LENGTH })));
    case 'referrals': {
      const bookable = view.referrals.filter((r) => r.bookable).map((r) => r.title ?? referralTypeLabel(r.type, t));
      return screen(
        join(
          t('referrals.title'),
          bookable.length === 0 ? t('referrals.empty') : options([...bookable, (info?.mis.visits ?? true) ? t('action.myAppointments') : ''], t),
        ),
      );
    }
    case 'referralNumber':
      return screen(join(t('referralNumber.title'), t('referralNumber.lead')));
    case 'referralSurname':
      return screen(join(t('surname.title'), t('surname.lead', { number: view.referralQuery.number })));
    case 'specialities':
      return screen(
        join(t('specialities.title'), view.specialities.length === 0 ? t('specialities.empty') : options(view.specialities.map((s) => s.name), t)),
      );
    case 'clinics': {
      const online = view.clinics.filter((c) => c.online).map((c) => c.name);
      return screen(join(t('clinics.title'), online.length === 0 ? t('clinics.empty') : options(online, t)));
    }
    case 'resources': {
      const withTime = view.resources.filter((r) => r.days.length > 0);
      const title = t(view.resources.every((r) => r.resType === 'Doctor') ? 'resources.titleDoctor' : 'resources.titleAny');
      if (withTime.length === 0) {
        const waiting = info?.mis.waitingList ?? false;
        return screen(join(waiting ? t('resources.titleNone') : title, waiting ? t('resources.emptyWaitlist') : t('resources.empty'), waiting && options([t('action.waitlist')], t)));
      }
      return screen(join(title, options(withTime.map((r) => (r.role ? `${r.name}, ${lowerFirst(r.role)}` : r.name)), t)));
    }
    case 'days': {
      const days = (view.resource?.days ?? []).filter((d) => d.slots.length > 0);
      const title = t(view.intent === 'reschedule' ? 'days.titleMove' : 'days.title');
      return screen(join(title, days.length === 0 ? t('days.empty') : options(days.map((d) => dayWords(d.date, t)), t)));
    }
    case 'times': {
      const slots = view.resource?.days.find((d) => d.date === view.day)?.slots ?? [];
      return screen(
        join(t('times.title'), view.day && dayWords(view.day, t), slots.length === 0 ? t('times.empty') : options(slots.map((s) => timeWords(clinicTime(s.beginTime, tz), t)), t)),
      );
    }
    case 'confirm': {
      const { resource, slot, clinic } = view;
      if (!resource || !slot || !clinic) return null;
      const moving = view.intent === 'reschedule';
      const role = resource.role;
      return screen(
        join(
          t(moving ? 'confirm.moveTitle' : 'confirm.title'),
          t('say.when', { day: dayWords(clinicYmd(slot.beginTime, tz), t, true), time: timeWords(clinicTime(slot.beginTime, tz), t, true) }),
          t(resource.resType === 'Doctor' ? 'say.doctor' : 'say.visit', { name: role ? `${resource.name}, ${lowerFirst(role)}` : resource.name }),
          place(resource.room, resource.floor, t),
          t('say.clinic', { name: clinic.name }),
          moving && t('confirm.moveNote'),
          t('say.confirm', { button: t(moving ? 'confirm.move' : 'action.book') }),
        ),
      );
    }
    case 'ticket':
      return view.ticket ? { text: ticketPhrase(view.ticket, view, t), kind: 'ticket' } : null;
    case 'appointments':
      return screen(
        join(
          t('action.myAppointments'),
          view.appointments.length === 0
            ? t('appointments.empty')
            : options(view.appointments.map((a) => `${whenWords(a.beginTime, tz, t)}, ${a.doctorName}`), t),
        ),
      );
    case 'waitlist': {
      const w = view.waitlist;
      if (!w) return null;
      if (w.confirming) return screen(join(t('waitlist.checkTitle'), `${t('waitlist.checkText')} ${spelled(groupMobile(w.phone), t)}`, options([t('waitlist.edit'), t('waitlist.submit')], t)));
      return screen(join(t('waitlist.title'), t('waitlist.lead'), t('waitlist.phone'), t('waitlist.phoneHint')));
    }
    case 'waitlistDone': {
      const w = view.waitlist;
      if (!w?.done) return null;
      return screen(join(t('waitlist.doneTitle'), w.done.reference && `${t('waitlist.reference')}: ${w.done.reference}`, t('waitlist.next', { tail: w.phoneTail })));
    }
  }
}

/** The session's translator, for the voice's own use outside React. */
export const translatorOf = (view: Pick<FlowState, 'language'>): Translate => translatorFor(view.language);
