import { dayShort } from '../../../electron/common/clinic-time';
import { ScrollArea } from '../components/ScrollArea';
import { Screen } from '../components/Screen';
import { freeTicketsText } from '../logic/words';
import { useFlow } from '../store/context';

export function DaysScreen() {
  const resource = useFlow((s) => s.resource);
  const choose = useFlow((s) => s.chooseDay);
  const days = (resource?.days ?? []).filter((d) => d.slots.length > 0);
  return (
    <Screen name="days" title="Выберите день" lead={resource ? `${resource.name}${resource.role ? ` · ${resource.role}` : ''}` : undefined}>
      {days.length === 0 ? (
        <div className="empty">Свободных дней нет — выберите другого врача или обратитесь в регистратуру</div>
      ) : (
        <ScrollArea>
          <div className="grid-days">
            {days.map((d) => (
              <button key={d.date} type="button" className="tile tile-day" data-testid={`day-${d.date}`} onClick={() => choose(d.date)}>
                <span className="tile-main">{dayShort(d.date)}</span>
                <span className="tile-sub">{freeTicketsText(d.slots.length)}</span>
              </button>
            ))}
          </div>
        </ScrollArea>
      )}
    </Screen>
  );
}
