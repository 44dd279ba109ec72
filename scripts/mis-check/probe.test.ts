// mis:check against the simulator (green) and against a server that answers an HTML 404 to
// everything (red, every endpoint named).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../simulator/server';
import { api, P, startTestSim } from '../../simulator/test-helpers';
import { formatTable, runProbe } from './probe';

let sim: RunningSimulator;
let html404: http.Server;
let html404Url = '';

beforeAll(async () => {
  sim = await startTestSim();
  html404 = http.createServer((_req, res) => {
    res.writeHead(404, { 'Content-Type': 'text/html' });
    res.end('<html><body><h1>404 Not Found</h1></body></html>');
  });
  await new Promise<void>((r) => html404.listen(0, '127.0.0.1', () => r()));
  html404Url = `http://127.0.0.1:${(html404.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => html404.close(() => r()));
  await sim.close();
});

describe('mis:check, SoftRust', () => {
  it('is green on the simulator with a seed patient, every read endpoint answering 200 and parsing', async () => {
    const r = await runProbe({ baseUrl: sim.url, kind: 'softrust', policy: P.P1.n_pol, birthDate: P.P1.Birthday, book: false });
    expect(r.exitCode).toBe(0);
    expect(r.changedData).toBe(false);
    const byStep = Object.fromEntries(r.rows.map((x) => [x.step, x]));
    for (const s of ['start', 'identify', 'referrals', 'clinics', 'schedule', 'visits', 'self-booking specialities', 'speciality schedule', 'doctor schedule']) {
      expect(byStep[s], s).toMatchObject({ verdict: 'ok', status: 200 });
    }
    expect(byStep['speciality schedule']!.endpoint).toBe('GET /api/v2/selfbooking/specialities + GET /lpu/{lpuGuid}/speciality/{specialityId}/schedule/{dateFrom}/{dateTo}');
    expect(byStep['doctor schedule']!.endpoint).toBe('GET /lpu/{lpuGuid}/doctor/{doctorGuid}/schedule/{dateFrom}/{dateTo} + GET /visit');
    // The waiting list is proved by its refusal of a stand-in token: nothing is ever written.
    expect(byStep['waiting list']).toMatchObject({ verdict: 'exists', status: 403, endpoint: 'POST /api/v2/waitinglist/{lpuGuid}' });
    expect((await api(sim, 'GET', '/__sim/waitinglist')).body).toEqual([]);
    expect(byStep.book!.verdict).toBe('skipped');
    expect(byStep['self-book']!.verdict).toBe('skipped');
  });


  it('is green without a patient: each endpoint proves itself with a standard refusal', async () => {
    const r = await runProbe({ baseUrl: sim.url, kind: 'softrust', book: false });
    expect(r.exitCode).toBe(0);
    expect(r.rows.find((x) => x.step === 'referrals')).toMatchObject({ verdict: 'exists', status: 403 });
  });

  it('--book books and cancels one cell by referral, self-books, moves and cancels another; the MIS holds no extra visit after', async () => {
    const visitsAtMis = async () => {
      const tok = await api(sim, 'GET', `/auth/cod/token?n_pol=${P.P1.n_pol}&Birthday=${P.P1.Birthday}`);
      return (await api(sim, 'GET', '/visit', { token: tok.body.token })).body.length as number;
    };
    const before = await visitsAtMis();
    const r = await runProbe({ baseUrl: sim.url, kind: 'softrust', policy: P.P1.n_pol, birthDate: P.P1.Birthday, book: true });
    expect(r.exitCode).toBe(0);
    expect(r.changedData).toBe(true);
    expect(r.rows.find((x) => x.step === 'book')).toMatchObject({ verdict: 'ok', endpoint: 'POST /api/v2/directions/visit/{lpuGuid}' });
    expect(r.rows.find((x) => x.step === 'cancel')).toMatchObject({ verdict: 'ok' });
    expect(r.rows.find((x) => x.step === 'self-book')).toMatchObject({ verdict: 'ok', endpoint: 'POST /api/v2/visit/{lpuGuid}' });
    expect(r.rows.find((x) => x.step === 'reschedule')).toMatchObject({ verdict: 'ok', endpoint: 'POST /api/v2/visit/{lpuGuid}' });
    expect(r.rows.find((x) => x.step === 'cancel self-booking')).toMatchObject({ verdict: 'ok', endpoint: 'DELETE /visit/{lpuGuid}/{ticketGuid}' });
    expect(r.leftBooked).toBe(false);
    expect(await visitsAtMis()).toBe(before);
  });

  it('is red against a server answering HTML 404 to everything, and names each endpoint', async () => {
    const r = await runProbe({ baseUrl: html404Url, kind: 'softrust', policy: P.P1.n_pol, birthDate: P.P1.Birthday, book: false });
    expect(r.exitCode).not.toBe(0);
    const failed = r.rows.filter((x) => x.verdict === 'FAIL');
    expect(failed.map((x) => x.endpoint)).toEqual([
      'GET /api/v2/settings/clientApplication/{appGuid}',
      'GET /auth/cod/token',
      'GET /api/v2/directions',
      'GET /api/v2/directions/{directionGuid}/lpu',
      'GET /api/v2/directions/{directionGuid}/schedule',
      'GET /visit',
      'GET /api/v2/selfbooking/specialities',
      'GET /lpu/{lpuGuid}/doctor/{doctorGuid}/schedule/{dateFrom}/{dateTo}',
      'POST /api/v2/waitinglist/{lpuGuid}',
    ]);
    for (const f of failed) expect(f.status).toBe(404);
    const table = formatTable(r.rows);
    expect(table).toContain('GET /auth/cod/token');
    expect(table).toMatch(/FAIL .*HTTP 404/);
  });
});

describe('mis:check, N3', () => {
  it('is green on the N3 simulator with a patient and a referral, --book included', async () => {
    const { startN3Simulator } = await import('../../simulator/n3/server');
    const { HUB_GUID } = await import('../../simulator/n3/seed');
    const n3 = await startN3Simulator({ now: '2026-11-26T10:00:00+03:00', quiet: true });
    try {
      const r = await runProbe({
        baseUrl: n3.url,
        kind: 'n3',
        n3: { guid: HUB_GUID, idLpu: 101 },
        policy: '7800000000000001',
        birthDate: '1979-04-12',
        referral: '4700000012345',
        surname: 'Петров',
        book: true,
      });
      expect(r.rows.filter((x) => x.verdict === 'FAIL')).toEqual([]);
      expect(r.exitCode).toBe(0);
      expect(r.rows.find((x) => x.step === 'book')?.endpoint).toContain('SOAP SetAppointment');
      expect(r.rows.find((x) => x.step === 'cancel')).toMatchObject({ verdict: 'ok', endpoint: 'SOAP CreateClaimForRefusal' });
      // A claim cannot be withdrawn: the waiting list is never sent to N3.
      expect(r.rows.find((x) => x.step === 'waiting list')?.verdict).toBe('skipped');
    } finally {
      await n3.close();
    }
  });

  it('checks booking without a referral: specialities, a speciality\'s times, and with --book a booking moved and cancelled; never the waiting list', async () => {
    const { startN3Simulator } = await import('../../simulator/n3/server');
    const { HUB_GUID } = await import('../../simulator/n3/seed');
    const n3 = await startN3Simulator({ now: '2026-11-26T10:00:00+03:00', quiet: true });
    const upcoming = () => [...n3.state.bookings.values()].filter((b) => !b.cancelled).map((b) => b.slot.idAppointment).sort();
    try {
      const before = upcoming();
      const r = await runProbe({ baseUrl: n3.url, kind: 'n3', n3: { guid: HUB_GUID, idLpu: 101 }, policy: '7800000000000001', birthDate: '1979-04-12', book: true });
      const byStep = (step: string) => r.rows.filter((x) => x.step === step);
      expect(byStep('self-booking specialities')).toMatchObject([{ verdict: 'ok', endpoint: 'SOAP GetSpesialityList' }]);
      expect(byStep('speciality schedule')).toMatchObject([{ verdict: 'ok', endpoint: 'SOAP GetDoctorList + SOAP GetAvaibleAppointments' }]);
      expect(byStep('self-book')).toMatchObject([{ verdict: 'ok', endpoint: 'SOAP SetAppointment + SOAP GetPatientHistory' }]);
      expect(byStep('reschedule')).toMatchObject([{ verdict: 'ok' }]);
      expect(byStep('move drops the old')).toMatchObject([{ verdict: 'ok' }]);
      expect(byStep('cancel self-booking')).toMatchObject([{ verdict: 'ok', endpoint: 'SOAP CreateClaimForRefusal' }]);
      expect(byStep('waiting list')).toMatchObject([{ verdict: 'skipped' }]);
      expect(r.changedData).toBe(true);
      expect(n3.state.claims).toEqual([]);
      // What the probe booked it took back.
      expect(upcoming()).toEqual(before);
    } finally {
      await n3.close();
    }
  });

  it('is red against the HTML-404 server, naming each SOAP operation', async () => {
    const r = await runProbe({ baseUrl: html404Url, kind: 'n3', n3: { guid: '11111111-2222-3333-4444-555555555555', idLpu: 101 }, book: false });
    expect(r.exitCode).not.toBe(0);
    expect(r.rows.filter((x) => x.verdict === 'FAIL').map((x) => x.endpoint)).toEqual([
      'SOAP GetLPUInfo',
      'SOAP CheckPatient',
      'SOAP InspectDoctorsReferral2',
      'SOAP GetPatientHistory',
      'SOAP GetSpesialityList',
      'SOAP GetDoctorList',
      'SOAP GetAvaibleAppointments',
    ]);
  });

  it('is green on the N3 simulator without a patient: each read operation answers a business refusal', async () => {
    const { startN3Simulator } = await import('../../simulator/n3/server');
    const { HUB_GUID } = await import('../../simulator/n3/seed');
    const n3 = await startN3Simulator({ now: '2026-11-26T10:00:00+03:00', quiet: true });
    try {
      const r = await runProbe({ baseUrl: n3.url, kind: 'n3', n3: { guid: HUB_GUID, idLpu: 101 }, book: false });
      expect(r.exitCode).toBe(0);
      expect(r.rows.find((x) => x.step === 'referral by number')).toMatchObject({ verdict: 'exists', status: 200 });
    } finally {
      await n3.close();
    }
  });
});
