import type { Ticket } from '../../../electron/common/bridge-contract';
import { clinicDateTimeLong, clinicTime, clinicYmd, dayShort } from '../../../electron/common/clinic-time';
import { Mis, useLocaleTag, useT } from '../i18n';
import { useFlow } from '../store/context';
import { useTimeZone } from '../store/hooks';
import { BigButton } from './BigButton';

/**
 * Said under a referral's or a speciality's card before the patient books (issue 21, item 5):
 * they already have an appointment to that speciality, and the MIS may refuse a second one only
 * at «Записаться». Calm, not an error: the card stays choosable, and what helps is right here —
 * «Перенести» that appointment (when the MIS can move it) or look at «Мои записи».
 */
export function UpcomingFlag({ ticket, testId }: { ticket: Ticket; testId: string }) {
  const canMove = useFlow((s) => s.info?.mis.reschedule ?? false) && !!ticket.resourceGuid;
  const hasVisits = useFlow((s) => s.info?.mis.visits ?? true);
  const busy = useFlow((s) => s.busy);
  const startReschedule = useFlow((s) => s.startReschedule);
  const showAppointments = useFlow((s) => s.showAppointments);
  const tz = useTimeZone();
  const tag = useLocaleTag();
  const t = useT();
  return (
    <div className="upcoming-flag" data-testid={testId} role="note">
      <p className="upcoming-flag-text">{t('foresee.upcoming', { when: clinicDateTimeLong(ticket.beginTime, tz, tag) })}</p>
      {ticket.doctorName && <Mis className="upcoming-flag-line">{ticket.doctorName}</Mis>}
      <p className="upcoming-flag-line">
        {t('foresee.second')}
        {/* Only where «Перенести» is here to do it. */}
        {canMove && ` ${t('foresee.move')}`}
      </p>
      {(canMove || hasVisits) && (
        <div className="upcoming-flag-actions">
          {canMove && (
            <BigButton variant="secondary" data-testid={`${testId}-move`} disabled={busy} onClick={() => void startReschedule(ticket.ticketGuid)}>
              {t('action.reschedule')}
            </BigButton>
          )}
          {hasVisits && (
            <BigButton variant="secondary" data-testid={`${testId}-appointments`} disabled={busy} onClick={() => void showAppointments()}>
              {t('action.myAppointments')}
            </BigButton>
          )}
        </div>
      )}
    </div>
  );
}

/**
 * The same, short, inside the card itself: in a grid or a long list the flag below a card may be
 * past the fold, and the card must not be tapped without it being said.
 */
export function UpcomingChip({ ticket }: { ticket: Ticket }) {
  const tz = useTimeZone();
  const tag = useLocaleTag();
  const t = useT();
  const when = `${dayShort(clinicYmd(ticket.beginTime, tz), tag)}, ${clinicTime(ticket.beginTime, tz)}`;
  return <span className="card-booked">{t('foresee.chip', { when })}</span>;
}
