import { clinicDateTimeLong } from '../../../electron/common/clinic-time';
import { BigButton } from '../components/BigButton';
import { Dialog } from '../components/Dialog';
import { Icon } from '../components/Icon';
import { ScrollArea } from '../components/ScrollArea';
import { Screen } from '../components/Screen';
import { capitalize, placeText } from '../logic/words';
import { useFlow } from '../store/context';
import { useTimeZone } from '../store/hooks';
import { LABELS } from '../texts';

export function AppointmentsScreen() {
  const appointments = useFlow((s) => s.appointments);
  const toReferrals = useFlow((s) => s.loadReferrals);
  const askCancel = useFlow((s) => s.askCancel);
  const notice = useFlow((s) => s.notice);
  // Some MIS have no cancel for the kiosk: then the button is not offered at all.
  const canCancel = useFlow((s) => s.info?.mis.cancel ?? true);
  const printAppointment = useFlow((s) => s.printAppointment);
  const slip = useFlow((s) => s.appointmentPrint);
  const busy = useFlow((s) => s.busy);
  const printing = slip?.phase === 'printing';
  const tz = useTimeZone();
  const sorted = [...appointments].sort((a, b) => Date.parse(a.beginTime) - Date.parse(b.beginTime));
  return (
    <Screen name="appointments" title={LABELS.myAppointments}>
      {notice && (
        <div className="notice" data-testid="cancel-notice" role="status">
          {notice}
        </div>
      )}
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
                  {slip?.ticketGuid === t.ticketGuid && <SlipLine phase={slip.phase} message={'message' in slip ? slip.message : null} guid={t.ticketGuid} />}
                </span>
                <span className="card-actions">
                  <BigButton
                    variant="secondary"
                    className="card-action"
                    data-testid={`print-${t.ticketGuid}`}
                    disabled={printing || busy}
                    onClick={() => void printAppointment(t.ticketGuid)}
                  >
                    <Icon name="printer" /> Талон
                  </BigButton>
                  {canCancel && (
                    <BigButton variant="secondary" className="card-action" data-testid={`cancel-${t.ticketGuid}`} disabled={busy} onClick={() => askCancel(t.ticketGuid)}>
                      Отменить
                    </BigButton>
                  )}
                </span>
              </div>
            ))}
          </div>
        </ScrollArea>
      )}
      <CancelDialog />
      <div className="screen-footer">
        <BigButton variant="secondary" data-testid="to-referrals" onClick={() => void toReferrals()}>
          {LABELS.toReferrals}
        </BigButton>
      </div>
    </Screen>
  );
}

/** What became of the slip asked for on this card. */
function SlipLine({ phase, message, guid }: { phase: string; message: string | null; guid: string }) {
  const text = phase === 'printing' ? 'Печатаем талон…' : phase === 'printed' ? 'Возьмите талон' : (message ?? '');
  const tone = phase === 'printing' || phase === 'printed' ? 'card-good' : 'card-reason';
  return (
    <span className={tone} data-testid={`print-state-${guid}`} data-state={phase} role="status">
      {text}
    </span>
  );
}

/** Cancelling is final: the patient confirms it on a dialog that names the appointment. */
function CancelDialog() {
  const t = useFlow((s) => s.cancelling);
  const confirm = useFlow((s) => s.confirmCancel);
  const dismiss = useFlow((s) => s.dismissCancel);
  const busy = useFlow((s) => s.busy);
  const tz = useTimeZone();
  if (!t) return null;
  return (
    <Dialog
      role="alertdialog"
      data-testid="cancel-dialog"
      title="Отменить запись?"
      actions={
        <>
          <BigButton variant="secondary" data-testid="cancel-dismiss" onClick={dismiss}>
            Нет, оставить
          </BigButton>
          <BigButton variant="danger" data-testid="cancel-confirm" disabled={busy} onClick={() => void confirm()}>
            Да, отменить
          </BigButton>
        </>
      }
    >
      <p className="dialog-text">
        {/* «Иванов И.И.» already ends the sentence with its own dot. */}
        {capitalize(clinicDateTimeLong(t.beginTime, tz))}, {t.doctorName.replace(/\.$/, '')}. Время освободится для других пациентов.
      </p>
    </Dialog>
  );
}
