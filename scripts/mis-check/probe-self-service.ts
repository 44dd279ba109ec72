// The probe's steps for what a patient does without a referral (issue 20): the self-booking
// list, a speciality's schedule, a doctor's schedule (reschedule), the waiting list and, with
// --book, a self-booking that is moved once and then cancelled. A method the adapter does not
// have is `skipped` by the probe's own rule (the adapter says «unsupported» before sending).
// The waiting list is asked with a stand-in token only: a request cannot be withdrawn, so the
// probe proves the method is there by its standard refusal and never writes one.
import type { TicketVisitWithLpu } from '../../electron/core/api/schemas';
import type { Mis, SlotBookingRequest } from '../../electron/core/mis/port';

export type StepFn = <T>(name: string, needed: boolean, standIn: boolean, fn: () => Promise<T>) => Promise<T | null>;

export interface SelfServiceProbe {
  mis: Mis;
  token: string;
  /** No patient was identified: every call proves only that its endpoint is there. */
  standIn: boolean;
  book: boolean;
  dateFrom: string;
  dateTo: string;
  /** The patient's bookings as the visits step read them (a doctor to ask the schedule of). */
  visits: readonly TicketVisitWithLpu[] | null;
  standInToken: string;
  standInGuid: string;
  step: StepFn;
  skip: (name: string, detail: string) => void;
  /** Adds to the detail of the row just written. */
  note: (extra: string) => void;
  /** A row of its own that is a check, not a call. */
  verdict: (name: string, verdict: 'ok' | 'FAIL', detail: string) => void;
}

/** What the steps changed in the MIS: bookings made, and whether every one was cancelled again. */
export interface SelfServiceOutcome {
  booked: boolean;
  leftBooked: boolean;
}

type Cell = SlotBookingRequest;

function freeCells(rows: Awaited<ReturnType<Mis['specialitySchedule']>>): Cell[] {
  return rows.flatMap((row) =>
    row.resources.flatMap((r) =>
      r.days.flatMap((d) =>
        d.slots
          .filter((s) => s.status === 'Available')
          .map((s) => ({ lpuGuid: row.lpu.guid, resourceGuid: r.resourceGuid, date: d.date, time: s.time || s.beginTime.slice(11, 16), timeTableGuid: s.timeTableGuid })),
      ),
    ),
  );
}

export async function probeSelfService(p: SelfServiceProbe): Promise<SelfServiceOutcome> {
  const { mis, token } = p;
  const range = { dateFrom: p.dateFrom, dateTo: p.dateTo };
  let cells: Cell[] = [];

  const specialities = await p.step('self-booking specialities', false, p.standIn, () => mis.selfBookingSpecialities(token));
  if (p.standIn) p.skip('speciality schedule', 'needs a patient (--policy/--birth-date)');
  else if (!specialities?.length) p.skip('speciality schedule', specialities ? 'the MIS opens no speciality to this patient' : 'no self-booking list to pick from');
  else {
    await p.step('speciality schedule', false, false, async () => {
      // The first few specialities until one offers a free cell: enough to prove the method.
      for (const s of specialities.slice(0, 5)) {
        cells = freeCells(await mis.specialitySchedule(token, { lpuGuid: s.lpu.guid, specialityCode: s.code, ...range }));
        if (cells.length) break;
      }
      return cells;
    });
  }

  const visit = p.visits?.[0];
  const doctor = cells[0] ?? (visit ? { lpuGuid: visit.lpu.guid, resourceGuid: visit.docGuid } : null);
  if (!doctor && !p.standIn) p.skip('doctor schedule', 'no doctor to ask for: no free self-booking cell and no booking');
  else {
    const q = doctor ?? { lpuGuid: p.standInGuid, resourceGuid: p.standInGuid };
    await p.step('doctor schedule', false, p.standIn, () => mis.resourceSchedule(token, { lpuGuid: q.lpuGuid, resourceGuid: q.resourceGuid, ...range }));
  }

  if (!mis.capabilities.waitingList) p.skip('waiting list', 'this MIS keeps no waiting list for the kiosk');
  else if (mis.kind !== 'softrust') {
    // N3 takes the patient in the request itself: there is no stand-in that is surely refused.
    p.skip('waiting list', 'a claim the kiosk cannot take back: never sent by mis:check');
  } else {
    await p.step('waiting list', false, true, () =>
      mis.joinWaitingList(p.standInToken, { lpuGuid: cells[0]?.lpuGuid ?? p.standInGuid, specialityCode: '0', referralGuid: null, phone: '9000000000', reason: 'noSlots' }),
    );
    p.note('(asked with a stand-in token: nothing written)');
  }

  if (!p.book) {
    p.skip('self-book', 'write: not called without --book');
    return { booked: false, leftBooked: false };
  }
  const cell = cells[0];
  if (p.standIn || !cell) {
    p.skip('self-book', p.standIn ? '--book needs a patient (--policy/--birth-date)' : 'no free self-booking cell in the window');
    return { booked: false, leftBooked: false };
  }
  const first = await p.step('self-book', false, false, () => mis.bookSlot(token, cell));
  if (!first) return { booked: false, leftBooked: false };

  let moved: TicketVisitWithLpu | null = null;
  const later = cells.find((c) => c.resourceGuid === cell.resourceGuid && c.timeTableGuid !== cell.timeTableGuid);
  if (!mis.capabilities.reschedule) p.skip('reschedule', 'this MIS cannot move a booking at the kiosk');
  else if (!later) p.skip('reschedule', 'the doctor has no second free cell to move to');
  else moved = await p.step('reschedule', false, false, () => mis.bookSlot(token, { ...later, replaces: { ticketGuid: first.ticketGuid, lpuGuid: first.lpu.guid } }));

  // Whether the first booking still stands after the move decides what is left to cancel; an
  // MIS the adapter says moves bookings itself must have dropped it (else patients hold two).
  let oldStays: boolean | null = null;
  if (moved) {
    const listed = await mis.visits(token, { dateFrom: p.dateFrom }).catch(() => null);
    oldStays = listed ? listed.some((v) => v.ticketGuid === first.ticketGuid) : null;
    if (mis.rescheduleMovesOld && oldStays !== null) {
      p.verdict('move drops the old', oldStays ? 'FAIL' : 'ok', oldStays ? 'the MIS kept the booking it was asked to move: the kiosk would leave the patient two bookings' : 'the old booking is gone');
    }
  }
  const made = moved && (oldStays === false || (oldStays === null && mis.rescheduleMovesOld)) ? [moved] : [first, ...(moved ? [moved] : [])];
  if (!mis.capabilities.cancel) {
    p.skip('cancel self-booking', 'this MIS has no cancel for the kiosk: cancel the test bookings at the registry');
    return { booked: true, leftBooked: true };
  }
  const cancelled = await p.step('cancel self-booking', false, false, async () => {
    for (const t of made) await mis.cancel(token, t.lpu.guid, t.ticketGuid);
  });
  return { booked: true, leftBooked: cancelled === null };
}
