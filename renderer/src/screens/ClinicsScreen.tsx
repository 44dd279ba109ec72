import { weekSummary } from '../../../electron/common/clinic-hours';
import { ChoiceCard } from '../components/ChoiceCard';
import { ScrollArea } from '../components/ScrollArea';
import { Screen } from '../components/Screen';
import { Mis, useT } from '../i18n';
import { referralTypeLabel } from '../logic/referral-words';
import { useFlow } from '../store/context';

export function ClinicsScreen() {
  const clinics = useFlow((s) => s.clinics);
  const referral = useFlow((s) => s.referral);
  const choose = useFlow((s) => s.chooseClinic);
  const t = useT();
  // Clinics that take bookings first; offline ones stay visible with the reason.
  const sorted = [...clinics].sort((a, b) => Number(b.online) - Number(a.online));
  const lead = referral ? referral.title ? <Mis>{referral.title}</Mis> : referralTypeLabel(referral.type, t) : undefined;
  return (
    <Screen name="clinics" title={t('clinics.title')} lead={lead}>
      {sorted.length === 0 ? (
        <div className="empty">{t('clinics.empty')}</div>
      ) : (
        <ScrollArea>
          <div className="cards">
            {sorted.map((c) => {
              const worktime = weekSummary(c.hours, t);
              return (
                <ChoiceCard key={c.guid} testId={`clinic-${c.guid}`} disabled={!c.online} onChoose={() => void choose(c.guid)}>
                  <Mis className="card-title">{c.name}</Mis>
                  {c.fullName && c.fullName !== c.name && <Mis className="card-line card-muted">{c.fullName}</Mis>}
                  <Mis className="card-line">{c.address}</Mis>
                  {c.phone && (
                    <span className="card-line">
                      {t('clinic.phone')} {c.phone}
                    </span>
                  )}
                  {worktime && (
                    <span className="card-line">
                      {t('clinic.hours')} {worktime}
                    </span>
                  )}
                  {!c.online && (c.statusText ? <Mis className="card-reason">{c.statusText}</Mis> : <span className="card-reason">{t('clinic.offline')}</span>)}
                </ChoiceCard>
              );
            })}
          </div>
        </ScrollArea>
      )}
    </Screen>
  );
}
