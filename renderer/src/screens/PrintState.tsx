import type { Translate } from '../../../electron/common/i18n/catalog';
import { Icon } from '../components/Icon';
import type { PrintStatus } from '../store/types';

/**
 * What became of the slip on screen. A ticket's failure says the booking stands and gives its
 * number; a waiting-list slip's says the request stands (its number is the MIS's reference).
 */
export function PrintState({ print, number, t, slip = 'ticket' }: { print: PrintStatus; number: string; t: Translate; slip?: 'ticket' | 'waitlist' }) {
  switch (print.phase) {
    case 'idle':
    case 'printing':
      return (
        <div className="print-status print-busy" data-testid="print-status" data-state="printing" role="status">
          <span className="spinner spinner-small" aria-hidden="true" /> {t(slip === 'ticket' ? 'printer.printing' : 'waitlist.printing')}
        </div>
      );
    case 'printed':
      return (
        <div className="print-status print-ok" data-testid="print-status" data-state="printed" role="status">
          {t(slip === 'ticket' ? 'printer.printed' : 'waitlist.printed')}
        </div>
      );
    case 'uncertain':
      // The bytes went out but the printer did not confirm: most likely the slip is there.
      // Not a fault, so not red: ask the patient to look, «Печать ещё раз» is below if not.
      return (
        <div className="print-status print-check" data-testid="print-status" data-state="uncertain" role="status">
          <span className="print-check-line">
            <Icon name="printer" /> {t(`printer.${print.fault}`)}
          </span>
        </div>
      );
    case 'failed':
    case 'disabled':
      if (slip === 'waitlist') {
        return (
          <div className="print-status print-check" data-testid="print-status" data-state={print.phase} role="status">
            <span>{t('waitlist.notPrinted')}</span>
          </div>
        );
      }
      // No slip: the number on screen is all the patient takes away, so it is large here too. A
      // calm line, not an alarm: the appointment is made, only the paper is missing.
      return (
        <div className="print-status print-check" data-testid="print-status" data-state={print.phase} role="status">
          <span>{print.problem ? `${t(`problem.${print.problem}`)} ${t('next.registry')}` : t(`printer.${print.fault}`)}</span>
          <span className="print-advice">
            {t('printer.numberIs')}{' '}
            <strong className="print-number" data-testid="print-ticket-number">
              {number}
            </strong>
          </span>
        </div>
      );
  }
}
