import { clinicDateTimeLong } from '../../../electron/common/clinic-time';
import { BigButton } from '../components/BigButton';
import { ScrollArea } from '../components/ScrollArea';
import { Screen } from '../components/Screen';
import { capitalize, placeText } from '../logic/words';
import { useFlow } from '../store/context';
import { useTimeZone } from '../store/hooks';

export function AppointmentsScreen() {
  const appointments = useFlow((s) => s.appointments);
  const toReferrals = useFlow((s) => s.loadReferrals);
  const tz = useTimeZone();
  const sorted = [...appointments].sort((a, b) => Date.parse(a.beginTime) - Date.parse(b.beginTime));
  return (
    <Screen name="appointments" title="Мои записи">
      {sorted.length === 0 ? (
        <div className="empty">Активных записей нет</div>
      ) : (
        <ScrollArea>
          <div className="cards">
            {sorted.map((t) => (
              <div key={t.ticketGuid} className="card card-static" data-testid={`appointment-${t.ticketGuid}`}>
                <span className="card-body">
                  <span className="card-kicker">Талон № {t.number}</span>
                  <span className="card-title">{capitalize(clinicDateTimeLong(t.beginTime, tz))}</span>
                  <span className="card-line">
                    {t.doctorName}
                    {t.speciality ? ` · ${t.speciality}` : ''}
                  </span>
                  {placeText(t.room, t.floor) && <span className="card-line">{capitalize(placeText(t.room, t.floor))}</span>}
                  <span className="card-line card-muted">
                    {t.clinic.name}, {t.clinic.address}
                  </span>
                </span>
              </div>
            ))}
          </div>
        </ScrollArea>
      )}
      <div className="screen-footer">
        <BigButton variant="secondary" data-testid="to-referrals" onClick={() => void toReferrals()}>
          К направлениям
        </BigButton>
      </div>
    </Screen>
  );
}
