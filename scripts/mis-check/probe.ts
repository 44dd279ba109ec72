// The conformance probe behind `npm run mis:check`: it drives the SAME adapter the kiosk uses
// (electron/core/mis), step by step, and records what each endpoint answered. Read-only unless
// `book` is set. Without a patient it still calls every read endpoint, with a stand-in patient
// or token, so a standard refusal (a 403/404 in the MIS's error envelope) proves the endpoint
// is there; an HTML 404 proves it is not.
import { ApiError } from '../../electron/core/api/api-error';
import type { ExchangeNote } from '../../electron/core/api/mis-client';
import { KioskConfigSchema, type KioskConfig } from '../../electron/core/config/schema';
import { createMis } from '../../electron/core/mis/create-mis';
import { createHubClient } from '../../electron/core/mis/n3/hub-client';
import { el } from '../../electron/core/mis/n3/soap';
import type { Mis, SlotBookingRequest } from '../../electron/core/mis/port';
import type { DirectionScheduleLpu } from '../../electron/core/api/schemas';
import type { MisKind } from '../../electron/common/mis-kinds';
import { silentLogger } from '../../electron/core/ports';

export interface ProbeOptions {
  baseUrl: string;
  kind: MisKind;
  policy?: string;
  birthDate?: string;
  /** Referral number and surname (N3). */
  referral?: string;
  surname?: string;
  book: boolean;
  /** SoftRust client application GUID; N3 guid and idLpu. */
  clientApplication?: string;
  n3?: { guid: string; idLpu: number };
  timeoutMs?: number;
}

export type Verdict = 'ok' | 'exists' | 'skipped' | 'FAIL';

export interface ProbeRow {
  step: string;
  endpoint: string;
  status: number | null;
  ms: number;
  verdict: Verdict;
  detail: string;
  /** The kiosk flow cannot work without this step. */
  needed: boolean;
}

export interface ProbeReport {
  rows: ProbeRow[];
  exitCode: number;
  changedData: boolean;
}

const STAND_IN_POLICY = '0000000000000000';
const STAND_IN_BIRTH = '1900-01-01';
const STAND_IN_TOKEN = 'mis-check-no-patient';
const STAND_IN_GUID = '00000000-0000-4000-8000-000000000000';
const WAITING_LIST_NOT_CALLED = 'a claim the kiosk cannot take back: never sent by mis:check';

function configFor(o: ProbeOptions): KioskConfig {
  return KioskConfigSchema.parse({
    api: {
      baseUrl: o.baseUrl,
      kind: o.kind,
      retries: 0,
      timeoutMs: o.timeoutMs ?? 15000,
      allowInsecureHttp: true,
      ...(o.clientApplication ? { clientApplication: o.clientApplication } : {}),
      ...(o.kind === 'n3' ? { n3: o.n3 ?? { guid: '11111111-2222-3333-4444-555555555555', idLpu: 101 } } : {}),
    },
    printer: { enabled: false },
  });
}

export async function runProbe(o: ProbeOptions): Promise<ProbeReport> {
  let notes: ExchangeNote[] = [];
  const mis: Mis = createMis(configFor(o), { log: silentLogger, onExchange: (n) => notes.push(n) });
  const rows: ProbeRow[] = [];
  const realPatient = Boolean(o.policy && o.birthDate);

  /** Runs one port call; `standIn` says a refusal in the MIS's envelope is the expected answer. */
  async function step<T>(name: string, needed: boolean, standIn: boolean, fn: () => Promise<T>): Promise<T | null> {
    notes = [];
    const t0 = Date.now();
    let value: T | null = null;
    let verdict: Verdict;
    let detail: string;
    try {
      value = await fn();
      verdict = 'ok';
      detail = 'answer parses';
    } catch (err) {
      const e = err instanceof ApiError ? err : null;
      if (e && e.code === 'unsupported') {
        verdict = 'skipped';
        detail = 'switched off in api.endpoints (the kiosk adapts)';
      } else if (e && standIn && (e.kind === 'auth' || e.kind === 'validation') && e.code) {
        verdict = 'exists';
        detail = `standard refusal ${e.code}${e.serverMessage ? ` «${e.serverMessage.slice(0, 60)}»` : ''}`;
      } else {
        verdict = 'FAIL';
        detail = e ? `${e.kind}: ${e.message}${e.code ? ` (code ${e.code})` : ''}` : String(err);
      }
    }
    // A refusal that never reached the MIS proves nothing about an endpoint.
    if (verdict === 'exists' && notes.length === 0) {
      verdict = 'skipped';
      detail = `not reached: ${detail}`;
    }
    const last = notes[notes.length - 1];
    rows.push({
      step: name,
      endpoint: notes.length ? [...new Set(notes.map((n) => `${n.method} ${n.endpoint}`))].join(' + ') : '(no request)',
      status: last?.status ?? null,
      ms: notes.length ? notes.reduce((a, n) => a + n.ms, 0) : Date.now() - t0,
      verdict,
      detail,
      needed,
    });
    return value;
  }
  const skip = (name: string, detail: string, needed = false) =>
    rows.push({ step: name, endpoint: '(not called)', status: null, ms: 0, verdict: 'skipped', detail, needed });

  const caps = mis.capabilities;
  const today = new Date().toISOString().slice(0, 10);
  const to = new Date(Date.now() + (mis.scheduleDays() - 1) * 86_400_000).toISOString().slice(0, 10);
  if (caps.clientApplicationCheck) await step('start', true, false, () => mis.start());

  const cred = await step('identify', true, !realPatient, () =>
    mis.identify({ policy: o.policy ?? STAND_IN_POLICY, birthDate: o.birthDate ?? STAND_IN_BIRTH }),
  );
  const token = cred?.token ?? STAND_IN_TOKEN;
  const standIn = !cred;

  if (standIn && o.kind === 'n3') {
    // Without an identified patient the N3 adapter holds no patient state: ask the hub's read
    // operations directly, with stand-in ids, so each one still proves it is there.
    const cfg = configFor(o);
    const hub = createHubClient({ ...cfg.api, ...cfg.api.n3!, baseUrl: o.baseUrl, log: silentLogger, onExchange: (n) => notes.push(n) });
    const auth = [el('tem:guid', cfg.api.n3!.guid)];
    await step('referral by number', true, true, () =>
      hub('InspectDoctorsReferral2', [el('tem:idLpu', cfg.api.n3!.idLpu), el('tem:doctorsReferal', o.referral ?? '0000000000'), el('tem:surname', o.surname ?? 'Проверка'), ...auth]),
    );
    await step('visits', false, true, () => hub('GetPatientHistory', [el('tem:idLpu', cfg.api.n3!.idLpu), el('tem:idPat', '0'), ...auth]));
    if (caps.selfBooking) {
      const lpu = el('tem:idLpu', cfg.api.n3!.idLpu);
      await step('self-booking specialities', false, true, () => hub('GetSpesialityList', [lpu, el('tem:idPat', '0'), ...auth]));
      await step('speciality schedule', false, true, () => hub('GetDoctorList', [el('tem:idSpesiality', '0'), lpu, el('tem:idPat', '0'), ...auth]));
      await step('doctor schedule', false, true, () =>
        hub('GetAvaibleAppointments', [el('tem:idDoc', '0'), lpu, el('tem:idPat', '0'), el('tem:visitStart', `${today}T00:00:00`), el('tem:visitEnd', `${to}T23:59:59`), ...auth]),
      );
    }
    if (caps.waitingList) skip('waiting list', WAITING_LIST_NOT_CALLED);
    skip('book', o.book ? '--book needs a patient (--policy/--birth-date, --referral/--surname)' : 'write: not called without --book', true);
    return finish(false);
  }

  let referralGuid = STAND_IN_GUID;
  if (caps.listReferrals) {
    const list = await step('referrals', true, standIn, () => mis.referrals(token, ['Active']));
    const active = list?.find((d) => d.status === 'Active');
    if (active) referralGuid = active.guid;
  }
  if (caps.referralByNumber) {
    const found = await step('referral by number', true, standIn || !o.referral, () =>
      mis.referralByNumber(token, { number: o.referral ?? '0000000000', surname: o.surname ?? 'Проверка' }),
    );
    if (found) referralGuid = found.guid;
  }
  const noReferral = referralGuid === STAND_IN_GUID;
  const clinics = await step('clinics', true, standIn || noReferral, () => mis.clinics(token, referralGuid));
  const lpuGuid = clinics?.find((c) => (c.status?.name ?? 'Online').toLowerCase() === 'online')?.guid ?? clinics?.[0]?.guid ?? STAND_IN_GUID;
  const schedule = await step('schedule', true, standIn || noReferral || lpuGuid === STAND_IN_GUID, () =>
    mis.schedule(token, referralGuid, { lpuGuid, dateFrom: today, dateTo: to }),
  );
  if (caps.visits) await step('visits', false, standIn, () => mis.visits(token, { dateFrom: today }));
  else skip('visits', 'this MIS has no visit list (the kiosk hides «Мои записи»)');
  const selfSchedule = caps.selfBooking ? await selfBookingReads() : null;
  if (caps.waitingList) skip('waiting list', WAITING_LIST_NOT_CALLED);

  let changedData = false;
  if (!o.book) {
    skip('book', 'write: not called without --book', true);
    skip('cancel', 'write: not called without --book');
  } else if (standIn) {
    skip('book', '--book needs a patient (--policy/--birth-date' + (caps.referralByNumber ? ', --referral/--surname' : '') + ')', true);
  } else {
    const cell = schedule
      ?.flatMap((l) => l.resources.flatMap((r) => r.days.flatMap((d) => d.slots.filter((s) => s.status === 'Available').map((s) => ({ r, d, s, lpu: l.lpu.guid })))))
      .find(() => true);
    if (!cell) {
      skip('book', 'no Available cell in the window to book', true);
    } else {
      const ticket = await step('book', true, false, () =>
        mis.book(token, { date: cell.d.date, time: cell.s.time || cell.s.beginTime.slice(11, 16), directionGuid: referralGuid, lpuGuid: cell.lpu, resourceGuid: cell.r.resourceGuid }),
      );
      changedData = ticket !== null;
      if (ticket && caps.cancel) {
        // The MIS may list the booking under another id than the booking answer (N3 history).
        const visits = caps.visits ? await mis.visits(token, { dateFrom: today }).catch(() => []) : [];
        const mine = visits.find((v) => v.beginTime.slice(0, 16) === ticket.beginTime.slice(0, 16)) ?? ticket;
        const cancelled = await step('cancel', false, false, () => mis.cancel(token, mine.lpu.guid, mine.ticketGuid));
        if (cancelled !== null) changedData = true;
      } else if (ticket) {
        skip('cancel', 'this MIS has no cancel for the kiosk: cancel the test booking at the registry');
      }
    }
  }
  if (o.book && !standIn && selfSchedule) changedData = (await selfBookingWrites(selfSchedule)) || changedData;
  return finish(changedData);

  /** Booking without a referral, read-only: the specialities, one speciality's doctors and times. */
  async function selfBookingReads(): Promise<DirectionScheduleLpu[] | null> {
    const specs = await step('self-booking specialities', false, standIn, () => mis.selfBookingSpecialities(token));
    // One the MIS says has free time, if it says so.
    const spec = specs?.find((x) => x.nearest !== null) ?? specs?.[0];
    if (!spec) {
      skip('speciality schedule', specs ? 'the MIS lists no speciality open to self-booking' : 'needs the specialities');
      return null;
    }
    return step('speciality schedule', false, false, () => mis.specialitySchedule(token, { lpuGuid: spec.lpu.guid, specialityCode: spec.code, dateFrom: today, dateTo: to }));
  }

  /**
   * --book without a referral: book a free cell, move it to another time of the same doctor (the
   * MIS must then drop the first, if the adapter says it does), cancel what is left. A refusal
   * of this patient by the MIS (area, age, an existing booking) proves the endpoint answers.
   */
  async function selfBookingWrites(lpus: DirectionScheduleLpu[]): Promise<boolean> {
    const cells = lpus.flatMap((l) =>
      l.resources.map((r) => r.days.flatMap((d) => d.slots.filter((x) => x.status === 'Available').map((x): SlotBookingRequest => ({ lpuGuid: l.lpu.guid, resourceGuid: r.resourceGuid, date: d.date, time: x.time, timeTableGuid: x.timeTableGuid })))),
    );
    const two = cells.find((c) => c.length >= 2) ?? cells.find((c) => c.length >= 1);
    if (!two) {
      skip('self-book', 'no free cell of the speciality in the window');
      return false;
    }
    const first = await step('self-book', false, true, () => mis.bookSlot(token, two[0]!));
    if (!first) return false;
    let keep = [first];
    if (caps.reschedule && two[1]) {
      const moved = await step('move', false, false, () => mis.bookSlot(token, { ...two[1]!, replaces: { ticketGuid: first.ticketGuid, lpuGuid: first.lpu.guid } }));
      if (moved) {
        const visits = await mis.visits(token, { dateFrom: today }).catch(() => null);
        const oldStays = visits?.some((v) => v.ticketGuid === first.ticketGuid) ?? null;
        keep = oldStays === false ? [moved] : [first, moved];
        if (mis.rescheduleMovesOld && oldStays !== null) {
          rows.push({
            step: 'move drops the old',
            endpoint: '(visits after the move)',
            status: null,
            ms: 0,
            verdict: oldStays ? 'FAIL' : 'ok',
            detail: oldStays ? 'the MIS kept the booking it was asked to move: the kiosk would leave the patient two bookings' : 'the old booking is gone',
            needed: false,
          });
        }
      }
    } else {
      skip('move', caps.reschedule ? 'one free cell only: nothing to move to' : 'this MIS moves no bookings at the kiosk');
    }
    for (const t of keep) {
      if (caps.cancel) await step('cancel (self-booked)', false, false, () => mis.cancel(token, t.lpu.guid, t.ticketGuid));
    }
    if (!caps.cancel) skip('cancel (self-booked)', 'this MIS has no cancel for the kiosk: cancel the test booking at the registry');
    return true;
  }

  function finish(changedData: boolean): ProbeReport {
    const failed = rows.some((r) => r.verdict === 'FAIL') || rows.some((r) => r.needed && r.verdict === 'skipped' && r.step !== 'book');
    return { rows, exitCode: failed ? 1 : 0, changedData };
  }
}

export function formatTable(rows: readonly ProbeRow[]): string {
  const head = ['step', 'endpoint', 'HTTP', 'ms', 'result', 'details'];
  const body = rows.map((r) => [r.step, r.endpoint, r.status === null ? '—' : String(r.status), String(r.ms), r.verdict, r.detail]);
  const widths = head.map((h, i) => Math.min(60, Math.max(h.length, ...body.map((b) => b[i]!.length))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join(' | ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-+-'), ...body.map(line)].join('\n');
}
