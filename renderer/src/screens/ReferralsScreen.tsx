import type { Referral } from '../../../electron/common/bridge-contract';
import type { Translate } from '../../../electron/common/i18n/catalog';
import { clinicDateTimeLong, clinicYmd, dayNumeric } from '../../../electron/common/clinic-time';
import { BigButton } from '../components/BigButton';
import { ChoiceCard } from '../components/ChoiceCard';
import { ScrollArea } from '../components/ScrollArea';
import { UpcomingChip, UpcomingFlag } from '../components/UpcomingFlag';
import { Screen } from '../components/Screen';
import { Mis, useLocaleTag, useT } from '../i18n';
import { placeText } from '../logic/words';
import { referralTypeLabel } from '../logic/referral-words';
import { useFlow } from '../store/context';
import { useTimeZone } from '../store/hooks';

export function ReferralsScreen() {
  const referrals = useFlow((s) => s.referrals);
  const patient = useFlow((s) => s.patient);
  const choose = useFlow((s) => s.chooseReferral);
  const showAppointments = useFlow((s) => s.showAppointments);
  const hasVisits = useFlow((s) => s.info?.mis.visits ?? true);
  const canMove = useFlow((s) => s.info?.mis.reschedule ?? false);
  const selfBooking = useFlow((s) => s.info?.mis.selfBooking ?? false);
  const startReschedule = useFlow((s) => s.startReschedule);
  const bookAnother = useFlow((s) => s.bookAnother);
  const busy = useFlow((s) => s.busy);
  const tz = useTimeZone();
  const t = useT();
  const tag = useLocaleTag();
  // Bookable ones first: the patient came for those; the rest stay visible below with reasons.
  const sorted = [...referrals].sort((a, b) => Number(b.bookable) - Number(a.bookable));
  const lead = patient ? t('referrals.policy', { masked: patient.policyMasked }) : undefined;

  return (
    <Screen
      name="referrals"
      title={t('referrals.title')}
      lead={lead}
      action={
        hasVisits ? (
          <BigButton variant="secondary" data-testid="my-appointments" onClick={() => void showAppointments()}>
            {t('action.myAppointments')}
          </BigButton>
        ) : undefined
      }
    >
      {sorted.length === 0 ? (
        <div className="empty" data-testid="referrals-empty">
          {t('referrals.empty')}
        </div>
      ) : (
        <ScrollArea>
          <div className="cards">
            {sorted.map((r) => (
              <div key={r.guid} className="card-group">
                <ChoiceCard testId={`referral-${r.guid}`} disabled={!r.bookable} onChoose={() => void choose(r.guid)}>
                  <ReferralBody referral={r} timeZone={tz} t={t} tag={tag} />
                </ChoiceCard>
                {/* A booked referral's appointment can be moved to another time with the same doctor. */}
                {canMove && r.status === 'Booked' && r.ticket?.resourceGuid && (
                  <BigButton
                    variant="secondary"
                    className="card-group-action"
                    data-testid={`reschedule-${r.ticket.ticketGuid}`}
                    disabled={busy}
                    onClick={() => void startReschedule(r.ticket!.ticketGuid)}
                  >
                    {t('action.reschedule')}
                  </BigButton>
                )}
                {r.upcoming && <UpcomingFlag ticket={r.upcoming} testId={`foresee-${r.guid}`} />}
              </div>
            ))}
          </div>
        </ScrollArea>
      )}
      {selfBooking && (
        <div className="screen-footer">
          <BigButton variant="secondary" data-testid="to-self" onClick={() => void bookAnother('self')}>
            {t('action.selfBooking')}
          </BigButton>
        </div>
      )}
    </Screen>
  );
}

function ReferralBody({ referral: r, timeZone, t, tag }: { referral: Referral; timeZone: string; t: Translate; tag: string }) {
  const place = r.ticket ? placeText(r.ticket.room, r.ticket.floor, t) : '';
  return (
    <>
      <span className="card-kicker">
        {referralTypeLabel(r.type, t)} · {t('referral.number', { number: r.number })}
      </span>
      <span className="card-title">{r.title ? <Mis>{r.title}</Mis> : referralTypeLabel(r.type, t)}</span>
      <span className="card-line">
        {t('referral.issuedBy')} <Mis>{r.issuedBy}</Mis>
      </span>
      {r.validUntil && <span className="card-line">{t('referral.validUntil', { date: dayNumeric(clinicYmd(r.validUntil, timeZone)) })}</span>}
      {r.upcoming && <UpcomingChip ticket={r.upcoming} />}
      {!r.bookable && <span className="card-reason">{t(r.status === 'Active' ? 'referral.notBookable' : `referral.status.${r.status}`)}</span>}
      {r.status === 'Booked' && r.ticket && (
        <span className="card-booked">
          {t('referral.bookedAt')} {clinicDateTimeLong(r.ticket.beginTime, timeZone, tag)}
          {/* Mid-sentence: «…, 10:00, кабинет 105, этаж 1» (placeText starts a sentence). */}
          {place && `, ${lowerFirst(place)}`}
        </span>
      )}
    </>
  );
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase() + s.slice(1);
}
