import type { Referral } from '../../../electron/common/bridge-contract';
import { clinicDateTimeLong, clinicYmd, dayNumeric } from '../../../electron/common/clinic-time';
import { BigButton } from '../components/BigButton';
import { ChoiceCard } from '../components/ChoiceCard';
import { ScrollArea } from '../components/ScrollArea';
import { Screen } from '../components/Screen';
import { placeText } from '../logic/words';
import { useFlow } from '../store/context';
import { useTimeZone } from '../store/hooks';
import { LABELS } from '../texts';

export function ReferralsScreen() {
  const referrals = useFlow((s) => s.referrals);
  const patient = useFlow((s) => s.patient);
  const choose = useFlow((s) => s.chooseReferral);
  const showAppointments = useFlow((s) => s.showAppointments);
  const hasVisits = useFlow((s) => s.info?.mis.visits ?? true);
  const tz = useTimeZone();
  // Bookable ones first: the patient came for those; the rest stay visible below with reasons.
  const sorted = [...referrals].sort((a, b) => Number(b.bookable) - Number(a.bookable));
  const lead = patient ? `Полис ${patient.policyMasked}` : undefined;

  return (
    <Screen
      name="referrals"
      title="Выберите направление"
      lead={lead}
      action={
        hasVisits ? (
          <BigButton variant="secondary" data-testid="my-appointments" onClick={() => void showAppointments()}>
            {LABELS.myAppointments}
          </BigButton>
        ) : undefined
      }
    >
      {sorted.length === 0 ? (
        <div className="empty" data-testid="referrals-empty">
          Направлений для записи нет — обратитесь в регистратуру
        </div>
      ) : (
        <ScrollArea>
          <div className="cards">
            {sorted.map((r) => (
              <ChoiceCard key={r.guid} testId={`referral-${r.guid}`} disabled={!r.bookable} onChoose={() => void choose(r.guid)}>
                <ReferralBody referral={r} timeZone={tz} />
              </ChoiceCard>
            ))}
          </div>
        </ScrollArea>
      )}
    </Screen>
  );
}

function ReferralBody({ referral: r, timeZone }: { referral: Referral; timeZone: string }) {
  return (
    <>
      <span className="card-kicker">
        {r.typeLabel} · № {r.number}
      </span>
      <span className="card-title">{r.title}</span>
      <span className="card-line">Выдано: {r.issuedBy}</span>
      {r.validUntil && (
        <span className="card-line">действует до {dayNumeric(clinicYmd(r.validUntil, timeZone))}</span>
      )}
      {!r.bookable && r.reason && <span className="card-reason">{r.reason}</span>}
      {r.status === 'Booked' && r.ticket && (
        <span className="card-booked">
          Вы записаны: {clinicDateTimeLong(r.ticket.beginTime, timeZone)}
          {/* Mid-sentence: «…, 10:00, кабинет 105, этаж 1» (placeText starts a sentence). */}
          {placeText(r.ticket.room, r.ticket.floor) && `, ${lowerFirst(placeText(r.ticket.room, r.ticket.floor))}`}
        </span>
      )}
    </>
  );
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('ru-RU') + s.slice(1);
}
