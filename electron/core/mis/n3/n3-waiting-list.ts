// The waiting list on the N3 hub: SetWaitingList (WSDL: «добавляет пациента в лист ожидания»)
// with the patient (idPat, birthday), the speciality, why (ClaimToWaitingListType), the window
// the patient can come in (RulesOfWaitingList) and the phone the clinic calls back on. The hub's
// GuidClaim is the reference. The phone is personal data: it goes into the request and nowhere
// else — no log line, no state, no error text.
import { addDays } from '../../../common/rules';
import { formatInZone } from '../../api/mis-time';
import type { Mis, WaitingListReason } from '../port';
import { idLpuOf } from './n3-ids';
import type { N3Context } from './n3-session';
import { NS, el, kidText } from './soap';

/** ClaimToWaitingListType literals (WSDL enumeration, sent by name). */
const CLAIM: Readonly<Record<WaitingListReason, string>> = {
  noSlots: 'отсутствуют_свободные_талоны', // i18n-ok: MIS wire value (enum literal)
  noConvenientTime: 'нет_удобного_времени', // i18n-ok: MIS wire value (enum literal)
};

/**
 * The window offered to the clinic (RulesOfWaitingList Start–End), from today: the longest wait
 * the 2025 rules allow for a specialist, 14 working days (lobby-research.md), in calendar days.
 * The WSDL leaves the window to the caller; the reference MIS takes 10 days when none is sent.
 */
export const WAITING_WINDOW_DAYS = 20;

/** A Russian mobile number without +7, as the port carries it. */
const MOBILE = /^9\d{9}$/;

export function createWaitingList(c: N3Context): Pick<Mis, 'joinWaitingList'> {
  return {
    async joinWaitingList(token, q) {
      const s = c.stateOf(token);
      if (!MOBILE.test(q.phone)) throw c.refusal('n3-phone', 'badInput', 'the phone is not a Russian mobile number');
      let idLpu = idLpuOf(q.lpuGuid);
      let code = q.specialityCode;
      let name = code === null || idLpu === null ? null : (s.specialities.get(`${idLpu}|${code}`) ?? null);
      if (code === null && q.referralGuid !== null) {
        // SetWaitingList takes no referral: the patient waits for the referral's speciality.
        const ref = s.referrals.get(q.referralGuid.toLowerCase());
        if (!ref) throw c.refusal('n3-referral', 'referralNotFound', 'unknown referral GUID for this session');
        idLpu = ref.idLpu;
        code = ref.direction.speciality?.code || null;
        name = ref.direction.speciality?.name || null;
      }
      if (idLpu === null) throw c.refusal('n3-lpu', 'clinicNotFound', 'the waiting list needs an N3 clinic');
      if (code === null) throw c.refusal('n3-waiting-list', 'unsupported', 'nothing to wait for: no speciality');
      const idPat = await c.idPatAt(s, idLpu);
      const today = formatInZone(c.now(), c.timeZone).slice(0, 10);
      const r = await c.hub(
        'SetWaitingList',
        [
          el('tem:idSpesiality', code),
          ...(name ? [el('tem:nameSpesiality', name)] : []),
          el('tem:idLpu', idLpu),
          // Members in data-contract order: End before Start.
          el('tem:rule', [el('a:End', `${addDays(today, WAITING_WINDOW_DAYS)}T23:59:59`), el('a:Start', `${today}T00:00:00`)]),
          el('tem:claim', CLAIM[q.reason]),
          el('tem:idPat', idPat),
          el('tem:birthday', `${s.who.birthDate}T00:00:00`),
          // The WSDL says only «контактный телефон пациента»: the full international form is the
          // one no reader can take for another number.
          el('tem:phone', `+7${q.phone}`),
          ...c.auth,
        ],
        { write: true },
      );
      return { reference: kidText(r, NS.a, 'GuidClaim') };
    },
  };
}
