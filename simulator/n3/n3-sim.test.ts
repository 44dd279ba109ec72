// The N3 simulator speaks SOAP 1.1 as n3-hubservice.md describes, and every documented IdError
// can be reproduced (naturally from the seed where the reference MIS would, else by the hook).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startN3Simulator, type RunningN3Simulator } from './server';
import { N3_NOW, NS, el, kid, kidText, kids, soap } from './test-helpers';

let sim: RunningN3Simulator;
beforeAll(async () => {
  sim = await startN3Simulator({ now: N3_NOW, quiet: true });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const inspect = (number: string, surname: string) =>
  soap(sim, 'InspectDoctorsReferral2', [el('tem:idLpu', 101), el('tem:doctorsReferal', number), el('tem:surname', surname)]);
const firstSlot = (r: Awaited<ReturnType<typeof inspect>>) =>
  kidText(kids(kid(kids(kid(kids(kid(r.result!, NS.a, 'ListSpeciality'), NS.a, 'Speciality2')[0], NS.a, 'ListDoctor'), NS.a, 'Doctor2')[0], NS.a, 'ListAppointment'), NS.a, 'Appointment')[0], NS.a, 'IdAppointment')!;
const setAppointment = (id: string, idLpu: number, idPat: string, referral: string) =>
  soap(sim, 'SetAppointment', [el('tem:idAppointment', id), el('tem:idLpu', idLpu), el('tem:idPat', idPat), el('tem:doctorsReferral', referral)]);

describe('SOAP 1.1 transport', () => {
  it('answers a POST to /HubService.svc with a SOAP envelope: result in tem, members in HubService2, nil not omitted, local times', async () => {
    const r = await inspect('4700000012345', 'Петров');
    expect(r.status).toBe(200);
    expect(r.success).toBe(true);
    expect(r.raw).toContain('<InspectDoctorsReferral2Response xmlns="http://tempuri.org/">');
    expect(r.raw).toContain('<a:ErrorList i:nil="true"/>');
    expect(kidText(r.result!, NS.a, 'IdLpu')).toBe('102');
    expect(r.raw).toMatch(/<a:VisitStart>2026-1\d-\d\dT\d\d:\d\d:00<\/a:VisitStart>/);
    expect(r.result!.children.slice(0, 3).map((c) => c.name)).toEqual(['ErrorList', 'IdHistory', 'Success']);
  });
  it('an unknown SOAPAction is the WCF ActionNotSupported fault (HTTP 500)', async () => {
    const r = await soap(sim, 'GetAvailableAppointments', [], { action: 'http://tempuri.org/IHubService/GetAvailableAppointments' });
    expect(r.status).toBe(500);
    expect(r.fault).toBe('a:ActionNotSupported');
  });
  it('a wrong Content-Type is 415; the WSDL is served', async () => {
    const r = await fetch(sim.serviceUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(r.status).toBe(415);
    const w = await fetch(`${sim.serviceUrl}?wsdl`);
    expect(await w.text()).toContain('soapAction="http://tempuri.org/IHubService/SetAppointment"');
  });
  it('an out-of-order parameter is absent, as WCF reads it (surname before the number → 20)', async () => {
    const r = await soap(sim, 'InspectDoctorsReferral2', [el('tem:idLpu', 101), el('tem:surname', 'Петров'), el('tem:doctorsReferal', '4700000012345')]);
    expect(r.idError).toBe(20);
  });
  it('the hook forces a fault or any IdError with its catalogue text', async () => {
    await fetch(`${sim.url}/__sim/fail`, { method: 'POST', body: JSON.stringify({ op: 'SetAppointment', idError: 33 }) });
    const r = await setAppointment('5521_2026-11-30_09:00:00', 102, '880011', '4700000012345');
    expect(r.idError).toBe(33);
    expect(r.raw).toContain('Врач не соответствует профилю пациента');
    const f = await soap(sim, 'GetLPUInfo', [el('tem:idLpu', 101)], { headers: { 'X-Sim-Fail': 'fault' } });
    expect(f.fault).toBe('a:InternalServiceFault');
  });
});

describe('documented IdErrors from the seed', () => {
  it('4: CheckPatient without patient data', async () => {
    expect((await soap(sim, 'CheckPatient', [el('tem:pat', []), el('tem:idLpu', 101)])).idError).toBe(4);
  });
  it('20 and 21: unknown and duplicate patients; 20 also for a wrong surname on the referral', async () => {
    const pat = (polis: string, birthday: string) => el('tem:pat', [el('a:Birthday', `${birthday}T00:00:00`), el('a:Polis_N', polis)]);
    expect((await soap(sim, 'CheckPatient', [pat('7800000000000009', '1979-04-12'), el('tem:idLpu', 101)])).idError).toBe(20);
    expect((await soap(sim, 'CheckPatient', [pat('7800000000000003', '1990-01-01'), el('tem:idLpu', 101)])).idError).toBe(21);
    const ok = await soap(sim, 'CheckPatient', [pat('7800000000000001', '1979-04-12'), el('tem:idLpu', 101)]);
    expect(kidText(ok.result!, NS.a, 'IdPat')).toBe('574213');
    expect((await inspect('4700000012345', 'Иванов')).idError).toBe(20);
  });
  it('22, 34, 36: sex, age and area restrictions of the doctor', async () => {
    expect((await setAppointment(firstSlot(await inspect('4700000012347', 'Петров')), 101, '574213', '4700000012347')).idError).toBe(22);
    expect((await setAppointment(firstSlot(await inspect('4700000042345', 'Соколова')), 101, '574217', '4700000042345')).idError).toBe(34);
    expect((await setAppointment(firstSlot(await inspect('4700000012348', 'Петров')), 101, '574213', '4700000012348')).idError).toBe(36);
  });
  it('35: already booked to this speciality; 38: a bad slot id; 39: the same slot twice', async () => {
    expect((await setAppointment(firstSlot(await inspect('4700000012346', 'Петров')), 101, '574213', '4700000012346')).idError).toBe(35);
    expect((await setAppointment('nonsense', 102, '880011', '4700000012345')).idError).toBe(38);
    const slot = firstSlot(await inspect('4700000022345', 'Смирнова'));
    expect((await setAppointment(slot, 102, '880012', '4700000022345')).success).toBe(true);
    expect((await setAppointment(slot, 102, '880011', '4700000012345')).idError).toBe(39);
  });
  it('75: cancelling twice; the history id differs from the slot id', async () => {
    const slot = firstSlot(await inspect('4700000012345', 'Петров'));
    expect((await setAppointment(slot, 102, '880011', '4700000012345')).success).toBe(true);
    const h = await soap(sim, 'GetPatientHistory', [el('tem:idLpu', 102), el('tem:idPat', '880011')]);
    const visit = kids(kid(h.result!, NS.a, 'ListHistoryVisit'), NS.a, 'HistoryVisit')[0]!;
    const id = kidText(visit, NS.a, 'IdAppointment')!;
    expect(id).not.toBe(slot);
    const cancel = () => soap(sim, 'CreateClaimForRefusal', [el('tem:idLpu', 102), el('tem:idPat', '880011'), el('tem:idAppointment', id)]);
    expect((await cancel()).success).toBe(true);
    expect((await cancel()).idError).toBe(75);
  });
  it('GetErrorList serves the catalogue, 41 and 99 included', async () => {
    const r = await soap(sim, 'GetErrorList', [], { guid: false });
    const ids = kids(kid(r.result!, NS.a, 'ErrorList'), NS.a, 'Error').map((e) => Number(kidText(e, NS.a, 'IdError')));
    expect(ids).toEqual(expect.arrayContaining([4, 20, 21, 22, 33, 34, 35, 36, 38, 39, 41, 75, 99]));
  });
});

describe('booking without a referral (GetSpesialityList, GetDoctorList, GetAvailableDates, GetAvaibleAppointments)', () => {
  const specialities = () => soap(sim, 'GetSpesialityList', [el('tem:idLpu', 101), el('tem:idPat', '574213')]);
  const doctors = (idSpesiality: string) => soap(sim, 'GetDoctorList', [el('tem:idSpesiality', idSpesiality), el('tem:idLpu', 101), el('tem:idPat', '574213')]);
  const range = (op: string, idDoc: string, from = '2026-11-26T00:00:00', to = '2026-12-09T23:59:59') =>
    soap(sim, op, [el('tem:idDoc', idDoc), el('tem:idLpu', 101), el('tem:idPat', '574213'), el('tem:visitStart', from), el('tem:visitEnd', to)]);
  const cellsOf = async (idDoc: string, from?: string, to?: string) =>
    kids(kid((await range('GetAvaibleAppointments', idDoc, from, to)).result!, NS.a, 'ListAppointments'), NS.a, 'Appointment').map((a) => kidText(a, NS.a, 'IdAppointment')!);

  it('GetSpesialityList: the specialities open to self-booking at the clinic, Spesiality members in contract order, none free → NearestDate nil', async () => {
    const r = await specialities();
    expect(r.success).toBe(true);
    expect(r.result!.children.map((c) => c.name)).toEqual(['ErrorList', 'IdHistory', 'Success', 'ListSpesiality', 'LpuChanges']);
    const list = kids(kid(r.result!, NS.a, 'ListSpesiality'), NS.a, 'Spesiality');
    expect(list.map((s) => kidText(s, NS.a, 'NameSpesiality'))).toEqual([
      'Терапевт участковый', 'Врач общей практики', 'Педиатр', 'Стоматолог-терапевт', 'Хирург', 'Офтальмолог', 'Акушер-гинеколог',
    ]);
    expect(list[0]!.children.map((c) => c.name)).toEqual(['CountFreeParticipantIE', 'CountFreeTicket', 'FerIdSpesiality', 'IdSpesiality', 'LastDate', 'NameSpesiality', 'NearestDate']);
    const eye = list.find((s) => kidText(s, NS.a, 'NameSpesiality') === 'Офтальмолог')!;
    expect(kidText(eye, NS.a, 'CountFreeTicket')).toBe('0');
    expect(kid(eye, NS.a, 'NearestDate')!.nil).toBe(true);
    const gp = list.find((s) => kidText(s, NS.a, 'IdSpesiality') === '211')!;
    expect(Number(kidText(gp, NS.a, 'CountFreeTicket'))).toBeGreaterThan(20);
    expect(kidText(gp, NS.a, 'NearestDate')).toMatch(/^2026-11-2\dT\d\d:\d\d:00$/);
    expect(kidText(gp, NS.a, 'LastDate')! > kidText(gp, NS.a, 'NearestDate')!).toBe(true);
    // Referral-only specialities are not offered here.
    expect(r.raw).not.toContain('Неврология');
    expect((await soap(sim, 'GetSpesialityList', [el('tem:idLpu', 999)])).idError).toBe(99);
  });

  it('GetDoctorList: the speciality\'s doctors with their area and counters; one doctor for ВОП; an unknown speciality has none', async () => {
    const r = await doctors('210');
    const docs = kids(kid(r.result!, NS.a, 'Docs'), NS.a, 'Doctor');
    expect(docs.map((d) => [kidText(d, NS.a, 'IdDoc'), kidText(d, NS.a, 'Name'), kidText(d, NS.a, 'AriaNumber')])).toEqual([
      ['2101', 'Никитина Светлана Олеговна', '12'],
      ['2102', 'Фролов Андрей Викторович', '7'],
    ]);
    expect(docs[0]!.children.map((c) => c.name)).toEqual(['AriaNumber', 'Comment', 'CountFreeParticipantIE', 'CountFreeTicket', 'IdDoc', 'LastDate', 'Name', 'NearestDate', 'Snils']);
    expect(kids(kid((await doctors('211')).result!, NS.a, 'Docs'), NS.a, 'Doctor')).toHaveLength(1);
    expect(kids(kid((await doctors('213')).result!, NS.a, 'Docs'), NS.a, 'Doctor')).toHaveLength(3);
    const none = await doctors('999');
    expect(none.success).toBe(true);
    expect(kids(kid(none.result!, NS.a, 'Docs'), NS.a, 'Doctor')).toEqual([]);
  });

  it('GetAvailableDates: working days with a free cell, as dateTime items of the Arrays namespace', async () => {
    const r = await range('GetAvailableDates', '2201', '2026-11-26T00:00:00', '2026-12-02T23:59:59');
    const list = kid(r.result!, NS.a, 'AvailableDateList')!;
    expect(list.children.every((c) => c.ns === 'http://schemas.microsoft.com/2003/10/Serialization/Arrays' && c.name === 'dateTime')).toBe(true);
    // Thursday 26 (after 10:00 there is time left), Friday, then Monday–Wednesday.
    expect(list.children.map((c) => c.text)).toEqual(['2026-11-26T00:00:00', '2026-11-27T00:00:00', '2026-11-30T00:00:00', '2026-12-01T00:00:00', '2026-12-02T00:00:00']);
    const none = await range('GetAvailableDates', '2601');
    expect(kid(none.result!, NS.a, 'AvailableDateList')!.children).toEqual([]);
  });

  it('GetAvaibleAppointments (the WSDL\'s spelling): free cells of the range only, none of the registry\'s, none for the fully booked ophthalmologist', async () => {
    const day = await cellsOf('2201', '2026-11-30T00:00:00', '2026-11-30T23:59:59');
    expect(day[0]).toBe('2201_2026-11-30_09:00:00');
    expect(day.every((id) => id.startsWith('2201_2026-11-30_'))).toBe(true);
    expect(day).not.toContain('2201_2026-11-30_09:40:00'); // every 4th cell is the registry's
    expect(await cellsOf('2601')).toEqual([]);
    expect(await cellsOf('nobody')).toEqual([]);
    // Without visitEnd: the day of visitStart.
    const r = await soap(sim, 'GetAvaibleAppointments', [el('tem:idDoc', '2201'), el('tem:idLpu', 101), el('tem:visitStart', '2026-12-01T00:00:00')]);
    const ids = kids(kid(r.result!, NS.a, 'ListAppointments'), NS.a, 'Appointment').map((a) => kidText(a, NS.a, 'IdAppointment')!);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id.includes('_2026-12-01_'))).toBe(true);
  });

  it('the fail hook reaches each of them, failed results keep their members as nil', async () => {
    for (const op of ['GetSpesialityList', 'GetDoctorList', 'GetAvailableDates', 'GetAvaibleAppointments']) {
      await fetch(`${sim.url}/__sim/fail`, { method: 'POST', body: JSON.stringify({ op, idError: 99 }) });
      const r = op === 'GetSpesialityList' ? await specialities() : op === 'GetDoctorList' ? await doctors('210') : await range(op, '2201');
      expect([op, r.success, r.idError]).toEqual([op, false, 99]);
      expect(r.result!.children.slice(3).every((c) => c.nil)).toBe(true);
    }
  });
});

describe('SetAppointment without a referral, and moving a booking (idAppointmentPrev)', () => {
  const book = (id: string, idPat: string, prev?: string) =>
    soap(sim, 'SetAppointment', [el('tem:idAppointment', id), el('tem:idLpu', 101), el('tem:idPat', idPat), ...(prev ? [el('tem:idAppointmentPrev', prev)] : [])]);
  const freeIds = async (idDoc: string) =>
    kids(kid((await soap(sim, 'GetAvaibleAppointments', [el('tem:idDoc', idDoc), el('tem:idLpu', 101), el('tem:visitStart', '2026-11-26T00:00:00'), el('tem:visitEnd', '2026-12-09T23:59:59')])).result!, NS.a, 'ListAppointments'), NS.a, 'Appointment').map((a) => kidText(a, NS.a, 'IdAppointment')!);
  const history = async (idPat = '574213') => {
    const h = await soap(sim, 'GetPatientHistory', [el('tem:idLpu', 101), el('tem:idPat', idPat)]);
    return kids(kid(h.result!, NS.a, 'ListHistoryVisit'), NS.a, 'HistoryVisit').map((v) => ({
      id: kidText(v, NS.a, 'IdAppointment')!,
      start: kidText(v, NS.a, 'VisitStart')!,
      idDoc: kidText(kid(v, NS.a, 'DoctorRendingConsultation'), NS.a, 'IdDoc')!,
    }));
  };

  it('books a free cell with no doctorsReferral; the cell leaves the free list and the visit is in the history', async () => {
    const [cell] = await freeIds('2201');
    expect((await book(cell!, '574213')).success).toBe(true);
    expect(await freeIds('2201')).not.toContain(cell);
    expect((await history()).some((v) => v.idDoc === '2201' && `2201_${v.start.replace('T', '_')}` === cell)).toBe(true);
  });

  it('the documented refusals arise from the seed: 20, 22, 33, 34, 35, 36, 38, 39', async () => {
    const first = async (idDoc: string) => (await freeIds(idDoc))[0]!;
    expect((await book(await first('2201'), '000000')).idError).toBe(20);
    expect((await book(await first('2701'), '574213')).idError).toBe(22); // N1 is a man; the gynaecologist sees women
    expect((await book(await first('2301'), '574213')).idError).toBe(33); // N1 is an adult; the paediatrician sees children
    expect((await book(await first('4520'), '574217')).idError).toBe(34); // N4 is under 1 year
    expect((await book(await first('2502'), '574213')).idError).toBe(35); // N1 already sees the surgeon Волков
    expect((await book(await first('2102'), '574213')).idError).toBe(36); // Фролов serves area 7, N1 lives in area 12
    expect((await book('2201_2026-11-30_09:05:00', '574213')).idError).toBe(38);
    const cell = await first('2201');
    await fetch(`${sim.url}/__sim/take`, { method: 'POST', body: JSON.stringify({ idAppointment: cell }) });
    expect((await book(cell, '574213')).idError).toBe(39);
    // The paediatrician takes the baby; Фролов takes N2 (area 7).
    expect((await book(await first('2301'), '574217')).success).toBe(true);
    expect((await book(await first('2102'), '574214')).success).toBe(true);
  });

  it('idAppointmentPrev moves the booking: the same history id at the new time, the old cell free again, no 35 for its own speciality', async () => {
    const [old] = (await history()).filter((v) => v.idDoc === '2501');
    expect(old).toBeDefined();
    const oldCell = `2501_${old!.start.replace('T', '_')}`;
    expect(await freeIds('2501')).not.toContain(oldCell);
    const target = (await freeIds('2502'))[0]!; // another surgeon: the same speciality
    const r = await book(target, '574213', old!.id);
    expect(r.success).toBe(true);
    const after = await history();
    expect(after.filter((v) => v.id === old!.id)).toEqual([{ id: old!.id, start: target.slice(5).replace('_', 'T'), idDoc: '2502' }]);
    expect(after.some((v) => v.start === old!.start && v.idDoc === '2501')).toBe(false);
    expect(await freeIds('2501')).toContain(oldCell);
    expect(await freeIds('2502')).not.toContain(target);
  });

  it('idAppointmentPrev that is not the patient\'s upcoming booking: 75, and nothing changes', async () => {
    const [cell] = await freeIds('2501');
    expect((await book(cell!, '574213', '999999')).idError).toBe(75);
    expect((await book(cell!, '574213', '2501_2026-12-01_10:00:00')).idError).toBe(75); // a slot id is not a booking id
    const [own] = await history();
    expect((await book(cell!, '574214', own!.id)).idError).toBe(75); // N2 moving N1's booking
    await soap(sim, 'CreateClaimForRefusal', [el('tem:idLpu', 101), el('tem:idPat', '574213'), el('tem:idAppointment', own!.id)]);
    expect((await book(cell!, '574213', own!.id)).idError).toBe(75);
    expect(await freeIds('2501')).toContain(cell);
  });
});

describe('SetWaitingList', () => {
  const join = (params: ReturnType<typeof el>[]) => soap(sim, 'SetWaitingList', params);
  const request = (o: { idPat?: string; idSpesiality?: string; claim?: string } = {}) => [
    el('tem:idSpesiality', o.idSpesiality ?? '215'),
    el('tem:nameSpesiality', 'Офтальмолог'),
    el('tem:idLpu', 101),
    el('tem:rule', [el('a:End', '2026-12-16T23:59:59'), el('a:Start', '2026-11-26T00:00:00')]),
    el('tem:claim', o.claim ?? 'отсутствуют_свободные_талоны'),
    el('tem:idPat', o.idPat ?? '574213'),
    el('tem:birthday', '1979-04-12T00:00:00'),
    el('tem:phone', '+79990001122'),
  ];
  const claims = async () => (await (await fetch(`${sim.url}/__sim/claims`, { method: 'POST' })).json()) as Record<string, unknown>[];

  it('takes the claim with its reason, window and phone and answers a GuidClaim; a second claim is taken too (as the reference MIS does)', async () => {
    const r = await join(request());
    expect(r.success).toBe(true);
    expect(r.result!.children.map((c) => c.name)).toEqual(['ErrorList', 'IdHistory', 'Success', 'GuidClaim']);
    const guid = kidText(r.result!, NS.a, 'GuidClaim')!;
    expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(await claims()).toEqual([
      { guidClaim: guid, patient: 'N1', idLpu: 101, idSpesiality: '215', idDoc: null, claim: 'отсутствуют_свободные_талоны', start: '2026-11-26T00:00:00', end: '2026-12-16T23:59:59', phone: '+79990001122' },
    ]);
    expect((await join(request({ claim: 'нет_удобного_времени' }))).success).toBe(true);
    expect(await claims()).toHaveLength(2);
  });

  it('refuses an unknown patient (20), an unknown speciality or reason (99); the hook gives any code', async () => {
    expect((await join(request({ idPat: '000000' }))).idError).toBe(20);
    expect((await join(request({ idSpesiality: '999' }))).idError).toBe(99);
    expect((await join(request({ claim: 'просто_так' }))).idError).toBe(99);
    await fetch(`${sim.url}/__sim/fail`, { method: 'POST', body: JSON.stringify({ op: 'SetWaitingList', idError: 99 }) });
    const failed = await join(request());
    expect(failed.idError).toBe(99);
    expect(kid(failed.result!, NS.a, 'GuidClaim')!.nil).toBe(true);
    expect(await claims()).toEqual([]);
  });
});
