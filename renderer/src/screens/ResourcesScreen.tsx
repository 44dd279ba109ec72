import { clinicTime, dayShort } from '../../../electron/common/clinic-time';
import { BigButton } from '../components/BigButton';
import { ChoiceCard } from '../components/ChoiceCard';
import { ScrollArea } from '../components/ScrollArea';
import { Screen } from '../components/Screen';
import { Mis, useLocaleTag, useT } from '../i18n';
import { referralTypeLabel } from '../logic/referral-words';
import { placeText } from '../logic/words';
import { useFlow } from '../store/context';
import { useTimeZone } from '../store/hooks';

export function ResourcesScreen() {
  const resources = useFlow((s) => s.resources);
  const clinic = useFlow((s) => s.clinic);
  const referral = useFlow((s) => s.referral);
  const choose = useFlow((s) => s.chooseResource);
  const intent = useFlow((s) => s.intent);
  const speciality = useFlow((s) => s.speciality);
  const offerWaitlist = useFlow((s) => s.offerWaitlist);
  const waitingList = useFlow((s) => s.info?.mis.waitingList ?? false);
  const tz = useTimeZone();
  const t = useT();
  const tag = useLocaleTag();
  const sorted = [...resources].sort((a, b) => Number(b.days.length > 0) - Number(a.days.length > 0));
  const title = t(resources.every((r) => r.resType === 'Doctor') ? 'resources.titleDoctor' : 'resources.titleAny');
  // No free time at all: the waiting list is the way on (where the MIS keeps one).
  const noTime = resources.every((r) => r.days.length === 0);
  const self = intent === 'self';
  const lead = self && speciality ? (
    <>
      <Mis>{speciality.name}</Mis>
      {' · '}
      <Mis>{speciality.clinic.name}</Mis>
    </>
  ) : referral ? (
    <>
      {referral.title ? <Mis>{referral.title}</Mis> : referralTypeLabel(referral.type, t)}
      {clinic && (
        <>
          {' · '}
          <Mis>{clinic.name}</Mis>
        </>
      )}
    </>
  ) : undefined;
  return (
    <Screen name="resources" title={noTime && waitingList ? t('resources.titleNone') : title} lead={lead}>
      {noTime && waitingList && (
        <div className="notice waitlist-offer" data-testid="waitlist-offer">
          <span>
            {t(self ? 'resources.emptySelf' : 'resources.none')}. {t('resources.emptyWaitlist')}
          </span>
          <BigButton data-testid="waitlist" onClick={() => offerWaitlist('noSlots')}>
            {t('action.waitlist')}
          </BigButton>
        </div>
      )}
      {sorted.length === 0 ? (
        !waitingList && <div className="empty">{t(self ? 'specialities.empty' : 'resources.empty')}</div>
      ) : (
        <ScrollArea>
          <div className="cards">
            {sorted.map((r) => {
              const first = r.days[0];
              const firstSlot = first?.slots[0];
              const place = placeText(r.room, r.floor, t);
              return (
                <ChoiceCard
                  key={r.resourceGuid}
                  testId={`resource-${r.resourceGuid}`}
                  disabled={r.days.length === 0}
                  onChoose={() => void choose(r.resourceGuid)}
                >
                  <Mis className="card-title">{r.name}</Mis>
                  {r.role && <Mis className="card-line">{r.role}</Mis>}
                  {place && <span className="card-line card-place">{place}</span>}
                  {r.notice && (
                    <Mis className="card-line" testId="resource-notice">
                      {r.notice}
                    </Mis>
                  )}
                  {first && firstSlot ? (
                    <span className="card-good">{t('resources.nearest', { when: `${dayShort(first.date, tag)}, ${clinicTime(firstSlot.beginTime, tz)}` })}</span>
                  ) : (
                    <span className="card-reason">{t('resources.none')}</span>
                  )}
                </ChoiceCard>
              );
            })}
          </div>
        </ScrollArea>
      )}
    </Screen>
  );
}
