import { clinicDateTimeLong } from '../../../electron/common/clinic-time';
import type { Translate } from '../../../electron/common/i18n/catalog';
import { BigButton } from '../components/BigButton';
import { Dialog } from '../components/Dialog';
import { Icon } from '../components/Icon';
import { ScrollArea } from '../components/ScrollArea';
import { Screen } from '../components/Screen';
import { Mis, useLocaleTag, useT } from '../i18n';
import { capitalize, placeText } from '../logic/words';
import { useFlow } from '../store/context';
import { useTimeZone } from '../store/hooks';
import type { AppointmentPrint, FlowState } from '../store/types';

export function AppointmentsScreen() {
  const appointments = useFlow((s) => s.appointments);
  const toReferrals = useFlow((s) => s.loadReferrals);
  const askCancel = useFlow((s) => s.askCancel);
  const notice = useFlow((s) => s.notice);
  // Some MIS have no cancel for the kiosk: then the button is not offered at all.
  const canCancel = useFlow((s) => s.info?.mis.cancel ?? true);
  const printAppointment = useFlow((s) => s.printAppointment);
  const canMove = useFlow((s) => s.info?.mis.reschedule ?? false);
  const startReschedule = useFlow((s) => s.startReschedule);
  const printAll = useFlow((s) => s.printAll);
  const allPrint = useFlow((s) => s.allPrint);
  const printerOn = useFlow((s) => s.info?.printerEnabled ?? true);
  const slip = useFlow((s) => s.appointmentPrint);
  const busy = useFlow((s) => s.busy);
  const printing = slip?.phase === 'printing';
  const tz = useTimeZone();
  const t = useT();
  const tag = useLocaleTag();
  const sorted = [...appointments].sort((a, b) => Date.parse(a.beginTime) - Date.parse(b.beginTime));
  return (
    <Screen name="appointments" title={t('action.myAppointments')}>
      {notice && (
        <div className="notice" data-testid="cancel-notice" role="status">
          {t.msg(notice)}
        </div>
      )}
      {sorted.length === 0 ? (
        <div className="empty">{t('appointments.empty')}</div>
      ) : (
        <ScrollArea>
          <div className="cards">
            {sorted.map((a) => (
              <div key={a.ticketGuid} className="card card-static" data-testid={`appointment-${a.ticketGuid}`}>
                <span className="card-body">
                  {/* An MIS that gives no number for a visit booked elsewhere (N3 history): no empty «Талон №». */}
                  {a.number && <span className="card-kicker">{t('appointments.ticket', { number: a.number })}</span>}
                  <span className="card-title">{capitalize(clinicDateTimeLong(a.beginTime, tz, tag))}</span>
                  <Mis className="card-line">
                    {a.doctorName}
                    {a.speciality ? ` · ${a.speciality}` : ''}
                  </Mis>
                  {placeText(a.room, a.floor, t) && <span className="card-line">{placeText(a.room, a.floor, t)}</span>}
                  <Mis className="card-line card-muted">
                    {a.clinic.name}, {a.clinic.address}
                  </Mis>
                  {slip?.ticketGuid === a.ticketGuid && <SlipLine slip={slip} t={t} />}
                </span>
                <span className="card-actions">
                  <BigButton
                    variant="secondary"
                    className="card-action"
                    data-testid={`print-${a.ticketGuid}`}
                    disabled={printing || busy}
                    onClick={() => void printAppointment(a.ticketGuid)}
                  >
                    <Icon name="printer" /> {t('appointments.print')}
                  </BigButton>
                  {canMove && a.resourceGuid && (
                    <BigButton variant="secondary" className="card-action" data-testid={`reschedule-${a.ticketGuid}`} disabled={busy} onClick={() => void startReschedule(a.ticketGuid)}>
                      {t('action.reschedule')}
                    </BigButton>
                  )}
                  {canCancel && (
                    <BigButton variant="secondary" className="card-action" data-testid={`cancel-${a.ticketGuid}`} disabled={busy} onClick={() => askCancel(a.ticketGuid)}>
                      {t('action.cancel')}
                    </BigButton>
                  )}
                </span>
              </div>
            ))}
          </div>
        </ScrollArea>
      )}
      <CancelDialog />
      {allPrint && <AllPrintLine allPrint={allPrint} t={t} />}
      <div className="screen-footer appointments-footer">
        {printerOn && sorted.length > 0 && (
          <BigButton variant="secondary" data-testid="print-all" disabled={busy || allPrint?.phase === 'printing' || printing} onClick={() => void printAll()}>
            <Icon name="printer" /> {t('action.printAll')}
          </BigButton>
        )}
        <BigButton variant="secondary" data-testid="to-referrals" onClick={() => void toReferrals()}>
          {t('action.toReferrals')}
        </BigButton>
      </div>
    </Screen>
  );
}

/** What became of «Распечатать все записи». */
function AllPrintLine({ allPrint, t }: { allPrint: NonNullable<FlowState['allPrint']>; t: Translate }) {
  const { phase } = allPrint;
  const text =
    phase === 'printing'
      ? t('appointments.printingAll')
      : phase === 'printed'
        ? t('appointments.printAllDone')
        : allPrint.problem
          ? `${t(`problem.${allPrint.problem}`)} ${t('next.registry')}`
          : phase === 'uncertain'
            ? t('printer.uncertain')
            : t(`printer.${allPrint.fault ?? 'internal'}`);
  return (
    <div
      className={`print-status all-print ${phase === 'printing' ? 'print-busy' : phase === 'printed' ? 'print-ok' : phase === 'uncertain' ? 'print-check' : 'print-bad'}`}
      data-testid="print-all-state"
      data-state={phase}
      role="status"
    >
      {text}
    </div>
  );
}

/** What became of the slip asked for on this card. */
function SlipLine({ slip, t }: { slip: AppointmentPrint; t: Translate }) {
  const { phase } = slip;
  const text =
    phase === 'printing'
      ? t('printer.printing')
      : phase === 'printed'
        ? t('printer.printed')
        : slip.problem
          ? `${t(`problem.${slip.problem}`)} ${t('next.registry')}`
          : t(`printer.${slip.fault ?? 'internal'}`);
  const tone = phase === 'printing' || phase === 'printed' ? 'card-good' : 'card-reason';
  return (
    <span className={tone} data-testid={`print-state-${slip.ticketGuid}`} data-state={phase} role="status">
      {text}
    </span>
  );
}

/** Cancelling is final: the patient confirms it on a dialog that names the appointment. */
function CancelDialog() {
  const a = useFlow((s) => s.cancelling);
  const confirm = useFlow((s) => s.confirmCancel);
  const dismiss = useFlow((s) => s.dismissCancel);
  const busy = useFlow((s) => s.busy);
  const tz = useTimeZone();
  const t = useT();
  const tag = useLocaleTag();
  if (!a) return null;
  return (
    <Dialog
      role="alertdialog"
      data-testid="cancel-dialog"
      title={t('cancel.title')}
      actions={
        <>
          <BigButton variant="secondary" data-testid="cancel-dismiss" onClick={dismiss}>
            {t('cancel.keep')}
          </BigButton>
          <BigButton variant="danger" data-testid="cancel-confirm" disabled={busy} onClick={() => void confirm()}>
            {t('cancel.confirm')}
          </BigButton>
        </>
      }
    >
      <p className="dialog-text">
        {/* «Иванов И.И.» already ends the sentence with its own dot. */}
        {capitalize(clinicDateTimeLong(a.beginTime, tz, tag))}, <Mis>{a.doctorName.replace(/\.$/, '')}</Mis>. {t('cancel.freed')}
      </p>
    </Dialog>
  );
}
