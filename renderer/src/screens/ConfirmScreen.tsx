import { clinicDateTimeLong, clinicYmd } from '../../../electron/common/clinic-time';
import { hoursOnDayText } from '../../../electron/common/clinic-hours';
import { typograph } from '../../../electron/common/typograph';
import { BigButton } from '../components/BigButton';
import { Screen } from '../components/Screen';
import { capitalize, placeText } from '../logic/words';
import { useFlow } from '../store/context';
import { useTimeZone } from '../store/hooks';

export function ConfirmScreen() {
  const referral = useFlow((s) => s.referral);
  const clinic = useFlow((s) => s.clinic);
  const resource = useFlow((s) => s.resource);
  const slot = useFlow((s) => s.slot);
  const book = useFlow((s) => s.book);
  const busy = useFlow((s) => s.busy);
  const tz = useTimeZone();
  if (!referral || !clinic || !resource || !slot) return null;
  const place = placeText(resource.room, resource.floor);
  const hours = hoursOnDayText(clinic.hours, clinicYmd(slot.beginTime, tz));
  return (
    <Screen name="confirm" title="Проверьте и подтвердите запись">
      {/* It scrolls when the longest names do not fit: focusable, so a keyboard can scroll it too. */}
      <dl className="summary" tabIndex={0}>
        <div className="summary-row summary-key">
          <dt>Дата и время</dt>
          <dd data-testid="confirm-datetime">{typograph(capitalize(clinicDateTimeLong(slot.beginTime, tz)))}</dd>
        </div>
        <div className="summary-row">
          <dt>{resource.resType === 'Doctor' ? 'Врач' : 'Приём'}</dt>
          <dd>
            {resource.name}
            {resource.role && <span className="summary-sub">{resource.role}</span>}
          </dd>
        </div>
        {place && (
          <div className="summary-row">
            <dt>Где</dt>
            <dd>{capitalize(place)}</dd>
          </div>
        )}
        <div className="summary-row">
          <dt>Поликлиника</dt>
          <dd>
            {clinic.name}
            <span className="summary-sub">{clinic.address}</span>
            {hours && (
              <span className="summary-sub" data-testid="confirm-hours">
                {hours}
              </span>
            )}
          </dd>
        </div>
        <div className="summary-row">
          <dt>Направление</dt>
          <dd>
            {referral.title}
            <span className="summary-sub">
              {referral.typeLabel} · №{'\u00a0'}{referral.number}
            </span>
          </dd>
        </div>
      </dl>
      <div className="screen-footer">
        <BigButton className="btn-wide" data-testid="confirm-book" disabled={busy} onClick={() => void book()}>
          Записаться
        </BigButton>
      </div>
    </Screen>
  );
}
