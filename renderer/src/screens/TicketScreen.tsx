import { clinicDateTimeLong } from '../../../electron/common/clinic-time';
import { BigButton } from '../components/BigButton';
import { Icon } from '../components/Icon';
import { capitalize } from '../logic/words';
import { useFlow } from '../store/context';
import { useTimeZone } from '../store/hooks';
import type { PrintStatus } from '../store/types';
import { LABELS } from '../texts';

export function TicketScreen() {
  const ticket = useFlow((s) => s.ticket);
  const print = useFlow((s) => s.print);
  const reprint = useFlow((s) => s.reprint);
  const done = useFlow((s) => s.endSession);
  const tz = useTimeZone();
  if (!ticket) return null;
  const canReprint = print.phase !== 'idle' && print.phase !== 'printing' && print.canPrintAgain;

  return (
    <section className="screen screen-ticket" data-testid="screen-ticket">
      <h1 className="screen-title ticket-heading">
        <Icon name="check" size={48} /> Вы записаны
      </h1>
      <div className="ticket">
        <div className="ticket-number-box">
          <span className="ticket-label">Номер талона</span>
          <span className="ticket-number" data-testid="ticket-number">
            {ticket.number}
          </span>
        </div>
        <div className="ticket-where">
          <div className="ticket-cell">
            <span className="ticket-label">Кабинет</span>
            <span className="ticket-big" data-testid="ticket-room">
              {ticket.room || '—'}
            </span>
          </div>
          <div className="ticket-cell">
            <span className="ticket-label">Этаж</span>
            <span className="ticket-big" data-testid="ticket-floor">
              {ticket.floor ?? '—'}
            </span>
          </div>
        </div>
        <dl className="ticket-rows">
          <div>
            <dt>Дата и время</dt>
            <dd data-testid="ticket-datetime">{capitalize(clinicDateTimeLong(ticket.beginTime, tz))}</dd>
          </div>
          <div>
            <dt>{ticket.resType === 'Doctor' ? 'Врач' : 'Приём'}</dt>
            <dd data-testid="ticket-doctor">
              {ticket.doctorName}
              {(ticket.doctorRole || ticket.speciality) && (
                <span className="summary-sub">{ticket.doctorRole || ticket.speciality}</span>
              )}
            </dd>
          </div>
          <div>
            <dt>Поликлиника</dt>
            <dd data-testid="ticket-clinic">
              {ticket.clinic.name}
              <span className="summary-sub">{ticket.clinic.address}</span>
            </dd>
          </div>
        </dl>
      </div>
      <PrintState print={print} number={ticket.number} />
      <div className="ticket-actions">
        {canReprint && (
          <BigButton variant="secondary" data-testid="reprint" onClick={() => void reprint()}>
            <Icon name="printer" /> {LABELS.printAgain}
          </BigButton>
        )}
        <BigButton data-testid="done" onClick={done}>
          Готово
        </BigButton>
      </div>
    </section>
  );
}

function PrintState({ print, number }: { print: PrintStatus; number: string }) {
  switch (print.phase) {
    case 'idle':
    case 'printing':
      return (
        <div className="print-status print-busy" data-testid="print-status" data-state="printing" role="status">
          <span className="spinner spinner-small" aria-hidden="true" /> Печатаем талон…
        </div>
      );
    case 'printed':
      return (
        <div className="print-status print-ok" data-testid="print-status" data-state="printed" role="status">
          Возьмите талон
        </div>
      );
    case 'uncertain':
      // The bytes went out but the printer did not confirm: most likely the slip is there.
      // Not a fault, so not red: ask the patient to look, «Печать ещё раз» is below if not.
      return (
        <div className="print-status print-check" data-testid="print-status" data-state="uncertain" role="status">
          <span className="print-check-line">
            <Icon name="printer" /> {print.message}
          </span>
        </div>
      );
    case 'failed':
    case 'disabled':
      // No slip: the number on screen is all the patient takes away, so it is large here too.
      return (
        <div className="print-status print-bad" data-testid="print-status" data-state={print.phase} role="alert">
          <span>{print.message}</span>
          <span className="print-advice">
            Номер талона:{' '}
            <strong className="print-number" data-testid="print-ticket-number">
              {number}
            </strong>
          </span>
        </div>
      );
  }
}
