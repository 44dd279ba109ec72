import { clinicTime, clinicYmd, dayShort } from '../../../electron/common/clinic-time';
import { BigButton } from '../components/BigButton';
import { ScrollArea } from '../components/ScrollArea';
import { Screen } from '../components/Screen';
import { Mis, useLocaleTag, useT } from '../i18n';
import { useFlow } from '../store/context';
import { useTimeZone } from '../store/hooks';

export function DaysScreen() {
  const resource = useFlow((s) => s.resource);
  const choose = useFlow((s) => s.chooseDay);
  const offerWaitlist = useFlow((s) => s.offerWaitlist);
  // Not for a reschedule: the appointment the patient holds is their time.
  const waitingList = useFlow((s) => (s.info?.mis.waitingList ?? false) && s.intent !== 'reschedule');
  const t = useT();
  const tag = useLocaleTag();
  const days = (resource?.days ?? []).filter((d) => d.slots.length > 0);
  const moving = useFlow((s) => (s.intent === 'reschedule' ? s.moving : null));
  const tz = useTimeZone();
  const doctor = resource ? <Mis>{`${resource.name}${resource.role ? ` · ${resource.role}` : ''}`}</Mis> : undefined;
  // A new time: the patient sees which appointment they are moving.
  const lead = moving ? (
    <>
      {t('days.leadMove', { when: `${dayShort(clinicYmd(moving.beginTime, tz), tag)}, ${clinicTime(moving.beginTime, tz)}` })}
      {doctor && ' · '}
      {doctor}
    </>
  ) : (
    doctor
  );
  return (
    <Screen name="days" title={t(moving ? 'days.titleMove' : 'days.title')} lead={lead}>
      {days.length === 0 ? (
        <div className="empty">{t('days.empty')}</div>
      ) : (
        <ScrollArea>
          <div className="grid-days">
            {days.map((d) => (
              <button key={d.date} type="button" className="tile tile-day" data-testid={`day-${d.date}`} onClick={() => void choose(d.date)}>
                <span className="tile-main">{dayShort(d.date, tag)}</span>
                <span className="tile-sub">{t('days.free', { count: d.slots.length })}</span>
              </button>
            ))}
          </div>
        </ScrollArea>
      )}
      {waitingList && (
        <div className="screen-footer days-footer">
          <span className="days-none-suits">{t('times.noneSuits')}</span>
          <BigButton variant="secondary" data-testid="waitlist" onClick={() => offerWaitlist(days.length === 0 ? 'noSlots' : 'noConvenientTime')}>
            {t('action.waitlist')}
          </BigButton>
        </div>
      )}
    </Screen>
  );
}
