import { clinicTime, dayLong } from '../../../electron/common/clinic-time';
import { ScrollArea } from '../components/ScrollArea';
import { Screen } from '../components/Screen';
import { capitalize } from '../logic/words';
import { useFlow } from '../store/context';
import { useTimeZone } from '../store/hooks';

export function TimesScreen() {
  const resource = useFlow((s) => s.resource);
  const date = useFlow((s) => s.day);
  const choose = useFlow((s) => s.chooseTime);
  const tz = useTimeZone();
  const slots = resource?.days.find((d) => d.date === date)?.slots ?? [];
  const lead = [date ? capitalize(dayLong(date)) : null, resource?.name].filter(Boolean).join(' · ');
  return (
    <Screen name="times" title="Выберите время" lead={lead || undefined}>
      {slots.length === 0 ? (
        <div className="empty">На этот день свободного времени больше нет — выберите другой день</div>
      ) : (
        <ScrollArea>
          <div className="grid-times">
            {slots.map((s) => (
              <button key={s.timeTableGuid} type="button" className="tile tile-time" data-testid={`time-${s.time}`} onClick={() => choose(s.time)}>
                {clinicTime(s.beginTime, tz)}
              </button>
            ))}
          </div>
        </ScrollArea>
      )}
    </Screen>
  );
}
