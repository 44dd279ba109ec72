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
import type { Mis } from '../../electron/core/mis/port';
import type { MisKind } from '../../electron/common/mis-kinds';
import { silentLogger } from '../../electron/core/ports';
import { probeSelfService } from './probe-self-service';

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
  /** A booking the probe made may still stand (its cancel failed or the MIS has none). */
  leftBooked: boolean;
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
  let leftBooked = false;

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
  const visits = caps.visits ? await step('visits', false, standIn, () => mis.visits(token, { dateFrom: today })) : null;
  if (!caps.visits) skip('visits', 'this MIS has no visit list (the kiosk hides «Мои записи»)');

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
        const listed = caps.visits ? await mis.visits(token, { dateFrom: today }).catch(() => []) : [];
        const mine = listed.find((v) => v.beginTime.slice(0, 16) === ticket.beginTime.slice(0, 16)) ?? ticket;
        const cancelled = await step('cancel', false, false, () => mis.cancel(token, mine.lpu.guid, mine.ticketGuid));
        if (cancelled !== null) changedData = true;
        else leftBooked = true;
      } else if (ticket) {
        skip('cancel', 'this MIS has no cancel for the kiosk: cancel the test booking at the registry');
        leftBooked = true;
      }
    }
  }

  const selfService = await probeSelfService({
    mis,
    token,
    standIn,
    book: o.book,
    dateFrom: today,
    dateTo: to,
    visits,
    standInToken: STAND_IN_TOKEN,
    standInGuid: STAND_IN_GUID,
    step,
    skip,
    note: (extra) => {
      const last = rows[rows.length - 1];
      if (last) last.detail = `${last.detail} ${extra}`;
    },
    verdict: (name, verdict, detail) => rows.push({ step: name, endpoint: '(visits after the move)', status: null, ms: 0, verdict, detail, needed: false }),
  });
  leftBooked ||= selfService.leftBooked;
  return finish(changedData || selfService.booked);

  function finish(changedData: boolean): ProbeReport {
    const failed = rows.some((r) => r.verdict === 'FAIL') || rows.some((r) => r.needed && r.verdict === 'skipped' && r.step !== 'book');
    return { rows, exitCode: failed ? 1 : 0, changedData, leftBooked };
  }
}

export function formatTable(rows: readonly ProbeRow[]): string {
  const head = ['step', 'endpoint', 'HTTP', 'ms', 'result', 'details'];
  const body = rows.map((r) => [r.step, r.endpoint, r.status === null ? '—' : String(r.status), String(r.ms), r.verdict, r.detail]);
  const widths = head.map((h, i) => Math.min(60, Math.max(h.length, ...body.map((b) => b[i]!.length))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join(' | ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-+-'), ...body.map(line)].join('\n');
}
