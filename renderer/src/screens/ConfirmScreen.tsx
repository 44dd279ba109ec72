import { clinicDateTimeLong, clinicYmd } from '../../../electron/common/clinic-time';
import { hoursOnDayText } from '../../../electron/common/clinic-hours';
import { typograph } from '../../../electron/common/typograph';
import { BigButton } from '../components/BigButton';
import { useReachLayout } from '../components/ReachToggle';
import { Screen } from '../components/Screen';
import { Mis, useLocaleTag, useT } from '../i18n';
import { referralTypeLabel } from '../logic/referral-words';
import { capitalize, placeText } from '../logic/words';
import { useFlow } from '../store/context';
import { useTimeZone } from '../store/hooks';

export function ConfirmScreen() {
  const referral = useFlow((s) => s.referral);
  const clinic = useFlow((s) => s.clinic);
  const resource = useFlow((s) => s.resource);
  const slot = useFlow((s) => s.slot);
  const book = useFlow((s) => s.book);
  const speciality = useFlow((s) => s.speciality);
  const previous = useFlow((s) => s.moving);
  const intent = useFlow((s) => s.intent);
  const busy = useFlow((s) => s.busy);
  const tz = useTimeZone();
  const t = useT();
  const tag = useLocaleTag();
  const reach = useReachLayout();
  const moving = intent === 'reschedule' ? previous : null;
  if (!clinic || !resource || !slot) return null;
  if (intent === 'self' ? !speciality : intent === 'reschedule' ? !moving : !referral) return null;
  const place = placeText(resource.room, resource.floor, t);
  const hours = hoursOnDayText(clinic.hours, clinicYmd(slot.beginTime, tz), t);
  const type = referral ? referralTypeLabel(referral.type, t) : '';
  // It scrolls when the longest names do not fit: focusable, so a keyboard can scroll it too. In
  // reach mode it is read whole at the top, out of reach: nothing there to scroll or focus.
  const summary = (
    <dl className="summary" tabIndex={reach ? undefined : 0}>
      <div className="summary-row summary-key">
        <dt>{t('field.dateTime')}</dt>
        <dd data-testid="confirm-datetime">{typograph(capitalize(clinicDateTimeLong(slot.beginTime, tz, tag)))}</dd>
      </div>
      <div className="summary-row">
        <dt>{t(resource.resType === 'Doctor' ? 'field.doctor' : 'field.visit')}</dt>
        <dd>
          <Mis>{resource.name}</Mis>
          {resource.role && <Mis className="summary-sub">{resource.role}</Mis>}
        </dd>
      </div>
      {place && (
        <div className="summary-row">
          <dt>{t('field.where')}</dt>
          <dd>{place}</dd>
        </div>
      )}
      <div className="summary-row">
        <dt>{t('field.clinic')}</dt>
        <dd>
          <Mis>{clinic.name}</Mis>
          <Mis className="summary-sub">{clinic.address}</Mis>
          {hours && (
            <span className="summary-sub" data-testid="confirm-hours">
              {hours}
            </span>
          )}
        </dd>
      </div>
      {referral && intent !== 'self' && !moving && (
        <div className="summary-row">
          <dt>{t('field.referral')}</dt>
          <dd>
            {referral.title ? <Mis>{referral.title}</Mis> : type}
            <span className="summary-sub">
              {type} · {t('referral.number', { number: referral.number })}
            </span>
          </dd>
        </div>
      )}
      {moving && (
        <div className="summary-row summary-old" data-testid="confirm-previous">
          <dt>{t('confirm.moveFrom')}</dt>
          <dd>{typograph(capitalize(clinicDateTimeLong(moving.beginTime, tz, tag)))}</dd>
        </div>
      )}
    </dl>
  );
  return (
    <Screen
      name="confirm"
      title={t(moving ? 'confirm.moveTitle' : 'confirm.title')}
      lead={moving ? t('confirm.moveNote') : undefined}
      info={reach ? summary : undefined}
    >
      {!reach && summary}
      <div className="screen-footer">
        <BigButton className="btn-wide" data-testid="confirm-book" disabled={busy} onClick={() => void book()}>
          {t(moving ? 'confirm.move' : 'action.book')}
        </BigButton>
      </div>
    </Screen>
  );
}
