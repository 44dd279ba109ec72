// SetWaitingList (WSDL: «добавляет пациента в лист ожидания»): the patient, the speciality (and
// optionally a doctor), the reason (ClaimToWaitingListType), the window the patient can come in
// (RulesOfWaitingList Start/End) and a contact phone. The answer is a claim id (GuidClaim). The
// reference MIS stores a row and fails only with 99; it takes a second claim like the first.
import { NS, el, kidText } from '../../electron/core/mis/n3/soap';
import { BAD_PARAMETERS, HubFail, clinicIn, localDateTime, patientIn, text, type OpHandler } from './params';
import { SPECIALITIES, WAITING_LIST_CLAIMS } from './seed';

export const WAITING_LIST_PARAMS: Record<string, readonly string[]> = {
  SetWaitingList: ['idDoc', 'nameDoc', 'idSpesiality', 'nameSpesiality', 'idLpu', 'rule', 'claim', 'idPat', 'namePat', 'birthday', 'phone', 'guid', 'idHistory'],
};

export const WAITING_LIST_OP: Record<string, OpHandler> = {
  SetWaitingList(p, state) {
    const idLpu = clinicIn(p);
    const patient = patientIn(idLpu, text(p, 'idPat'));
    const idSpeciality = text(p, 'idSpesiality');
    const speciality = Object.values(SPECIALITIES).find((s) => s.idSpeciality === idSpeciality && s.doctors.some((d) => d.idLpu === idLpu));
    if (!speciality) throw new HubFail(99, BAD_PARAMETERS);
    const idDoc = text(p, 'idDoc');
    if (idDoc !== null && !speciality.doctors.some((d) => d.idDoc === idDoc && d.idLpu === idLpu)) throw new HubFail(99, BAD_PARAMETERS);
    const claim = text(p, 'claim');
    if (claim !== null && !(WAITING_LIST_CLAIMS as readonly string[]).includes(claim)) throw new HubFail(99, BAD_PARAMETERS);
    const rule = p.get('rule');
    const bound = (name: string) => (rule && !rule.nil ? kidText(rule, NS.a, name) : null);
    const stored = state.addClaim({
      patient,
      idLpu,
      speciality,
      idDoc,
      claim,
      start: bound('Start') === null ? null : localDateTime(bound('Start')),
      end: bound('End') === null ? null : localDateTime(bound('End')),
      phone: text(p, 'phone'),
    });
    return [el('a:GuidClaim', stored.guidClaim)];
  },
};
