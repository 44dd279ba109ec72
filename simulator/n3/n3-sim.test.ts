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
