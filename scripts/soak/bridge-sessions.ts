// Sessions through the bridge alone: the same calls the screens make (window.kiosk in the kiosk
// page, so the host's cookie, the dispatcher and the core are all in the path), without drawing
// a screen, to fit a month of traffic between the screen sessions. The page stays on Welcome.
import type { Page } from '@playwright/test';
import type { FaultPoint } from './faults';
import type { PageGlobal } from './page-types';
import type { ShownTicket } from './ledger';
import { Interrupted } from './taps';
import { PATIENTS, P1_CLINIC_STEP, P1_ONE_CLINIC, REF } from './screens';
import type { PlannedSession } from './traffic';

type Envelope<T = unknown> = { ok: true; value: T } | { ok: false; error: { kind: string; problem?: string; message?: string } };

interface TicketLike {
  ticketGuid: string;
  number: string;
  beginTime: string;
}
interface ResourceLike {
  resourceGuid: string;
  days: Array<{ date: string; slots: Array<{ time: string; timeTableGuid: string }> }>;
}

export interface BridgeResult {
  outcome: string;
  intents: number;
  shown: ShownTicket[];
  interrupted: string | null;
  notes: string[];
}

/** One bridge call from the kiosk page. */
export async function call<T = unknown>(page: Page, method: string, input: object = {}): Promise<Envelope<T>> {
  try {
    return (await page.evaluate(
      async ({ method, input }) => {
        return (globalThis as unknown as PageGlobal).kiosk[method]!(input);
      },
      { method, input },
    )) as Envelope<T>;
  } catch (err) {
    throw new Interrupted(`bridge ${method}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
}

const errorOf = (e: Envelope): string => (e.ok ? 'ok' : `${e.error.kind}${e.error.problem ? `:${e.error.problem}` : ''}`);

/** The ticket as the bridge handed it over: its guid and the clinic wall-clock date and time. */
export function shownFromBridge(t: TicketLike): ShownTicket {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(t.beginTime);
  return { ticketGuid: t.ticketGuid.toLowerCase(), date: m?.[1] ?? null, time: m?.[2] ?? null };
}

export async function runBridgeSession(page: () => Page, s: PlannedSession, hooks: { at(point: FaultPoint): Promise<void> }): Promise<BridgeResult> {
  const shown: ShownTicket[] = [];
  const notes: string[] = [];
  const intents = s.kind === 'appointments' || (s.kind === 'error' && (s.patient === 'P2' || s.patient === 'P3')) ? 0 : 1;
  let outcome = 'unknown';
  const p = PATIENTS[s.patient];
  const finish = (o: string) => {
    outcome = o;
    throw new Done();
  };
  try {
    await hooks.at('identify');
    const id = await call(page(), 'identify', { policy: p.policy, birthDate: `${p.year}-${p.month}-${p.day}` });
    if (!id.ok) finish(`error:${errorOf(id)}`);
    if (s.kind === 'appointments') {
      const list = await call<TicketLike[]>(page(), 'listAppointments');
      if (!list.ok) finish(`error:${errorOf(list)}`);
      const items = list.ok ? list.value : [];
      await hooks.at('choosing');
      const first = items[0];
      if (s.action === 'print' && first) {
        const r = await call(page(), 'printTicket', { ticketGuid: first.ticketGuid, again: false, language: 'ru' });
        finish(r.ok ? 'appointments:print' : `appointments:print-${errorOf(r)}`);
      } else if (s.action === 'cancel' && first) {
        const lpu = (first as unknown as { clinic: { guid: string } }).clinic.guid;
        const r = await call(page(), 'cancelAppointment', { lpuGuid: lpu, ticketGuid: first.ticketGuid });
        finish(r.ok ? 'appointments:cancel' : `appointments:cancel-${errorOf(r)}`);
      } else if (s.action === 'print-all' && items.length) {
        const r = await call(page(), 'printAppointments', { language: 'ru' });
        finish(r.ok ? 'appointments:print-all' : `appointments:print-all-${errorOf(r)}`);
      }
      finish('appointments');
    }
    // A booking: by referral (the error patients' own, P1's with or without a clinic step) or without one.
    let book: () => Promise<Envelope<TicketLike>>;
    if (s.kind === 'self') {
      const specs = await call<Array<{ code: string; clinic: { guid: string }; nearest: string | null }>>(page(), 'listSpecialities');
      if (!specs.ok) finish(`error:${errorOf(specs)}`);
      const spec = specs.ok ? specs.value.find((x) => x.nearest) : undefined;
      if (!spec) finish('no-speciality');
      await hooks.at('choosing');
      const sch = await call<ResourceLike[]>(page(), 'listSpecialitySchedule', { lpuGuid: spec!.clinic.guid, specialityCode: spec!.code });
      if (!sch.ok) finish(`error:${errorOf(sch)}`);
      const cell = firstCell(sch.ok ? sch.value : []);
      if (!cell) finish('no-slots');
      book = () => call<TicketLike>(page(), 'bookSelf', { lpuGuid: spec!.clinic.guid, specialityCode: spec!.code, ...cell! });
    } else {
      const refNo = s.patient !== 'P1' ? PATIENTS[s.patient].referral! : s.kind === 'book-clinic' ? P1_CLINIC_STEP[s.index % 2]! : P1_ONE_CLINIC[0]!;
      const referralGuid = REF(refNo);
      const refs = await call<Array<{ guid: string; bookable: boolean }>>(page(), 'listReferrals');
      if (!refs.ok) finish(`error:${errorOf(refs)}`);
      if (!(refs.ok && refs.value.some((r) => r.guid === referralGuid && r.bookable))) finish('no-bookable-referral');
      const clinics = await call<Array<{ guid: string; online: boolean }>>(page(), 'listClinics', { referralGuid });
      if (!clinics.ok) finish(`error:${errorOf(clinics)}`);
      const lpuGuid = clinics.ok ? clinics.value.find((c) => c.online)?.guid : undefined;
      if (!lpuGuid) finish('no-clinic');
      await hooks.at('choosing');
      const sch = await call<ResourceLike[]>(page(), 'listSchedule', { referralGuid, lpuGuid });
      if (!sch.ok) finish(`error:${errorOf(sch)}`);
      const cell = firstCell(sch.ok ? sch.value : []);
      if (!cell) finish('no-slots');
      book = () => call<TicketLike>(page(), 'book', { referralGuid, lpuGuid, resourceGuid: cell!.resourceGuid, date: cell!.date, time: cell!.time });
    }
    // «Записаться»: once, or twice at the same moment (two taps the screen would have let through).
    const attempts = s.kind === 'double-book' ? [book(), book()] : [book()];
    const fault = hooks.at('booking');
    const answers = await Promise.all(attempts);
    await fault;
    const ticket = answers.find((a): a is { ok: true; value: TicketLike } => a.ok)?.value;
    if (!ticket) finish(`error:${answers.map(errorOf).join('+')}`);
    for (const a of answers) if (a.ok) shown.push(shownFromBridge(a.value));
    await hooks.at('ticket');
    const printed = await call<{ state: string }>(page(), 'printTicket', { ticketGuid: ticket!.ticketGuid, again: false, language: 'ru' });
    if (s.reprint) await call(page(), 'printTicket', { ticketGuid: ticket!.ticketGuid, again: true, language: 'ru' });
    finish(printed.ok ? `ticket:${printed.value.state}` : `ticket:print-${errorOf(printed)}`);
  } catch (err) {
    if (!(err instanceof Done)) {
      const why = err instanceof Interrupted ? err.why : err instanceof Error ? err.message.split('\n')[0]! : String(err);
      notes.push(why);
      return { outcome: outcome === 'unknown' ? `interrupted` : outcome, intents, shown, interrupted: why, notes };
    }
  }
  // The patient leaves: the session ends in the core (as «Готово» would).
  try {
    await call(page(), 'endSession');
  } catch (err) {
    notes.push(err instanceof Error ? err.message : String(err));
  }
  return { outcome, intents, shown, interrupted: null, notes };
}

class Done extends Error {}

function firstCell(resources: readonly ResourceLike[]): { resourceGuid: string; date: string; time: string; timeTableGuid: string } | null {
  for (const r of resources) {
    for (const d of r.days) {
      const slot = d.slots[0];
      if (slot) return { resourceGuid: r.resourceGuid, date: d.date, time: slot.time, timeTableGuid: slot.timeTableGuid };
    }
  }
  return null;
}
