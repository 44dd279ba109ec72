import { clinicTime, clinicYmd, dayShort } from '../../../electron/common/clinic-time';
import { BigButton } from '../components/BigButton';
import { ChoiceCard } from '../components/ChoiceCard';
import { ScrollArea } from '../components/ScrollArea';
import { UpcomingChip, UpcomingFlag } from '../components/UpcomingFlag';
import { Screen } from '../components/Screen';
import { Mis, useLocaleTag, useT } from '../i18n';
import { useFlow } from '../store/context';
import { specialityKey } from '../store/flow';
import { useTimeZone } from '../store/hooks';

/** A doctor without a referral: what the clinic opens to self-booking, with the nearest free time on each. */
export function SpecialitiesScreen() {
  const specialities = useFlow((s) => s.specialities);
  const patient = useFlow((s) => s.patient);
  const choose = useFlow((s) => s.chooseSpeciality);
  const toReferrals = useFlow((s) => s.bookAnother);
  const hasReferrals = useFlow((s) => s.info?.mis.listReferrals ?? false);
  const waitingList = useFlow((s) => s.info?.mis.waitingList ?? false);
  const tz = useTimeZone();
  const t = useT();
  const tag = useLocaleTag();
  // The clinic is named on each card only when there is more than one to tell apart.
  const clinics = new Set(specialities.map((s) => s.clinic.guid));
  const lead = patient ? `${t('specialities.lead')} · ${t('referrals.policy', { masked: patient.policyMasked })}` : t('specialities.lead');
  return (
    <Screen
      name="specialities"
      title={t('specialities.title')}
      lead={lead}
      action={
        hasReferrals ? (
          <BigButton variant="secondary" data-testid="to-referrals" onClick={() => void toReferrals('book')}>
            {t('specialities.haveReferral')}
          </BigButton>
        ) : undefined
      }
    >
      {specialities.length === 0 ? (
        <div className="empty" data-testid="specialities-empty">
          {t('specialities.empty')}
        </div>
      ) : (
        <ScrollArea>
          <div className="cards">
            {specialities.map((s) => (
              <div key={specialityKey(s)} className="card-group">
                <ChoiceCard testId={`speciality-${s.code}`} disabled={false} onChoose={() => void choose(specialityKey(s))}>
                  <Mis className="card-title">{s.name}</Mis>
                  {clinics.size > 1 && <Mis className="card-line card-muted">{s.clinic.name}</Mis>}
                  {s.nearest ? (
                    <span className="card-good">{t('resources.nearest', { when: `${dayShort(clinicYmd(s.nearest, tz), tag)}, ${clinicTime(s.nearest, tz)}` })}</span>
                  ) : (
                    <span className={waitingList ? 'card-booked' : 'card-reason'}>{t(waitingList ? 'specialities.none' : 'resources.none')}</span>
                  )}
                  {s.upcoming && <UpcomingChip ticket={s.upcoming} />}
                </ChoiceCard>
                {s.upcoming && <UpcomingFlag ticket={s.upcoming} testId={`foresee-${s.code}`} />}
              </div>
            ))}
          </div>
        </ScrollArea>
      )}
    </Screen>
  );
}
