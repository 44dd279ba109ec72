import { clinicTime, dayShort } from '../../../electron/common/clinic-time';
import { ChoiceCard } from '../components/ChoiceCard';
import { ScrollArea } from '../components/ScrollArea';
import { Screen } from '../components/Screen';
import { capitalize, placeText } from '../logic/words';
import { useTimeZone } from '../store/hooks';
import { useFlow } from '../store/context';

export function ResourcesScreen() {
  const resources = useFlow((s) => s.resources);
  const clinic = useFlow((s) => s.clinic);
  const referral = useFlow((s) => s.referral);
  const choose = useFlow((s) => s.chooseResource);
  const tz = useTimeZone();
  const sorted = [...resources].sort((a, b) => Number(b.days.length > 0) - Number(a.days.length > 0));
  const title = resources.every((r) => r.resType === 'Doctor') ? 'Выберите врача' : 'Выберите врача или кабинет';
  const lead = [referral?.title, clinic?.name].filter(Boolean).join(' · ');
  return (
    <Screen name="resources" title={title} lead={lead || undefined}>
      {sorted.length === 0 ? (
        <div className="empty">Свободного времени по этому направлению нет — обратитесь в регистратуру</div>
      ) : (
        <ScrollArea>
          <div className="cards">
            {sorted.map((r) => {
              const first = r.days[0];
              const firstSlot = first?.slots[0];
              const place = placeText(r.room, r.floor);
              return (
                <ChoiceCard
                  key={r.resourceGuid}
                  testId={`resource-${r.resourceGuid}`}
                  disabled={r.days.length === 0}
                  onChoose={() => choose(r.resourceGuid)}
                >
                  <span className="card-title">{r.name}</span>
                  {r.role && <span className="card-line">{r.role}</span>}
                  {place && <span className="card-line card-place">{capitalize(place)}</span>}
                  {r.notice && <span className="card-line" data-testid="resource-notice">{r.notice}</span>}
                  {first && firstSlot ? (
                    <span className="card-good">
                      Ближайшее время: {dayShort(first.date)}, {clinicTime(firstSlot.beginTime, tz)}
                    </span>
                  ) : (
                    <span className="card-reason">Нет свободного времени</span>
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
