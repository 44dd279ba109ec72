import { BigButton } from '../components/BigButton';
import { Icon } from '../components/Icon';
import { Mis, useT } from '../i18n';
import { useFlow } from '../store/context';
import { PrintState } from './PrintState';

/** The request is in: its number, what happens next, and its slip (printed once, then «Печать ещё раз»). */
export function WaitlistDoneScreen() {
  const w = useFlow((s) => s.waitlist);
  const print = useFlow((s) => s.print);
  const printAgain = useFlow((s) => s.printWaitlist);
  const done = useFlow((s) => s.endSession);
  const what = useFlow((s) => (s.intent === 'self' ? s.speciality?.name : (s.referral?.title ?? s.resource?.speciality)) ?? null);
  const clinic = useFlow((s) => s.clinic?.name ?? s.speciality?.clinic.name ?? null);
  const t = useT();
  if (!w?.done) return null;
  const canReprint = print.phase !== 'idle' && print.phase !== 'printing' && print.canPrintAgain;
  return (
    <section className="screen screen-waitlistDone" data-testid="screen-waitlistDone">
      <div className="ticket-head">
        <h1 className="screen-title ticket-heading">
          <Icon name="check" size={48} /> {t('waitlist.doneTitle')}
        </h1>
        <div className="ticket-leave">
          <BigButton className="ticket-done" data-testid="done" onClick={done}>
            {t('action.done')}
          </BigButton>
        </div>
      </div>
      <div className="ticket">
        {w.done.reference && (
          <div className="ticket-number-box">
            <span className="ticket-label">{t('waitlist.reference')}</span>
            <Mis className="ticket-number" testId="waitlist-reference">
              {w.done.reference}
            </Mis>
          </div>
        )}
        {(what || clinic) && (
          <p className="waitlist-what-done" data-testid="waitlist-for">
            {what && <Mis className="waitlist-what-name">{what}</Mis>}
            {clinic && <Mis className="summary-sub">{clinic}</Mis>}
          </p>
        )}
        <p className="waitlist-next" data-testid="waitlist-next">
          {t('waitlist.next', { tail: w.phoneTail })}
        </p>
      </div>
      <div className="ticket-print">
        <PrintState print={print} number={w.done.reference ?? ''} t={t} slip="waitlist" />
        {canReprint && (
          <BigButton variant="secondary" className="ticket-reprint" data-testid="reprint" onClick={() => void printAgain(true)}>
            <Icon name="printer" /> {t('action.printAgain')}
          </BigButton>
        )}
      </div>
    </section>
  );
}
