import { clinicTime, dayLong } from '../../../electron/common/clinic-time';
import { ScrollArea } from '../components/ScrollArea';
import { Screen } from '../components/Screen';
import { Mis, useLocaleTag, useT } from '../i18n';
import { capitalize } from '../logic/words';
import { useFlow } from '../store/context';
import { useTimeZone } from '../store/hooks';

export function TimesScreen() {
  const resource = useFlow((s) => s.resource);
  const date = useFlow((s) => s.day);
  const choose = useFlow((s) => s.chooseTime);
  const tz = useTimeZone();
  const t = useT();
  const tag = useLocaleTag();
  const slots = resource?.days.find((d) => d.date === date)?.slots ?? [];
  const lead =
    date || resource ? (
      <>
        {date ? capitalize(dayLong(date, tag)) : null}
        {date && resource ? ' · ' : null}
        {resource ? <Mis>{resource.name}</Mis> : null}
      </>
    ) : undefined;
  return (
    <Screen name="times" title={t('times.title')} lead={lead}>
      {slots.length === 0 ? (
        <div className="empty">{t('times.empty')}</div>
      ) : (
        <ScrollArea>
          <div className="grid-times">
            {slots.map((s) => (
              <button key={s.timeTableGuid} type="button" className="tile tile-time" data-testid={`time-${s.time}`} onClick={() => void choose(s.time)}>
                {clinicTime(s.beginTime, tz)}
              </button>
            ))}
          </div>
        </ScrollArea>
      )}
    </Screen>
  );
}
