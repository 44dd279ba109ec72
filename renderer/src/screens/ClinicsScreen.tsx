import { ChoiceCard } from '../components/ChoiceCard';
import { ScrollArea } from '../components/ScrollArea';
import { Screen } from '../components/Screen';
import { useFlow } from '../store/context';
import { TEXTS } from '../../../electron/common/texts';

export function ClinicsScreen() {
  const clinics = useFlow((s) => s.clinics);
  const referral = useFlow((s) => s.referral);
  const choose = useFlow((s) => s.chooseClinic);
  // Clinics that take bookings first; offline ones stay visible with the reason.
  const sorted = [...clinics].sort((a, b) => Number(b.online) - Number(a.online));
  return (
    <Screen name="clinics" title="Выберите поликлинику" lead={referral?.title}>
      {sorted.length === 0 ? (
        <div className="empty">По этому направлению сейчас нельзя записаться — обратитесь в регистратуру</div>
      ) : (
        <ScrollArea>
          <div className="cards">
            {sorted.map((c) => (
              <ChoiceCard key={c.guid} testId={`clinic-${c.guid}`} disabled={!c.online} onChoose={() => void choose(c.guid)}>
                <span className="card-title">{c.name}</span>
                {c.fullName && c.fullName !== c.name && <span className="card-line card-muted">{c.fullName}</span>}
                <span className="card-line">{c.address}</span>
                {c.phone && <span className="card-line">Телефон: {c.phone}</span>}
                {c.worktime && <span className="card-line">Часы работы: {c.worktime}</span>}
                {!c.online && (
                  <span className="card-reason">{c.statusText ?? TEXTS.clinic.offline}</span>
                )}
              </ChoiceCard>
            ))}
          </div>
        </ScrollArea>
      )}
    </Screen>
  );
}
