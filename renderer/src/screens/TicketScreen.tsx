import { useEffect, useState } from 'react';
import { clinicDateTimeLong } from '../../../electron/common/clinic-time';
import { BigButton } from '../components/BigButton';
import { Icon } from '../components/Icon';
import { useReachLayout } from '../components/ReachToggle';
import { ScrollArea } from '../components/ScrollArea';
import { Mis, useLocaleTag, useT } from '../i18n';
import { monotonicNow } from '../logic/idle';
import { capitalize } from '../logic/words';
import { useFlow } from '../store/context';
import { useTimeZone } from '../store/hooks';
import type { PrintStatus } from '../store/types';
import { PrintState } from './PrintState';
import { TicketQr } from '../components/TicketQr';

export function TicketScreen() {
  const ticket = useFlow((s) => s.ticket);
  const moved = useFlow((s) => s.moved);
  const previous = useFlow((s) => s.moving);
  const print = useFlow((s) => s.print);
  const reprint = useFlow((s) => s.reprint);
  const done = useFlow((s) => s.endSession);
  const refreshPrintStatus = useFlow((s) => s.refreshPrintStatus);
  const bookAnother = useFlow((s) => s.bookAnother);
  const otherPatient = useFlow((s) => s.otherPatient);

  const tz = useTimeZone();
  const reach = useReachLayout();
  const t = useT();
  const tag = useLocaleTag();
  // Two appointments after a failed cancel: the patient must read what to do, the screen does not leave on its own.
  const seconds = useFlow((s) => (print.phase === 'printed' || print.phase === 'uncertain' ? s.info?.ticketSeconds : s.info?.ticketUnprintedSeconds) ?? TICKET_SECONDS);
  const left = useReturnCountdown(print, done, seconds, moved === 'kept');
  // The printer refused (paper out, cover open): ask the core again until it allows a retry,
  // so «Печать ещё раз» appears once staff have loaded paper.
  const blocked = print.phase === 'failed' && !print.canPrintAgain;
  useEffect(() => {
    if (!blocked) return;
    const t = setInterval(() => void refreshPrintStatus(), PRINT_POLL_MS);
    return () => clearInterval(t);
  }, [blocked, refreshPrintStatus]);
  if (!ticket) return null;
  const canReprint = print.phase !== 'idle' && print.phase !== 'printing' && print.canPrintAgain;

  const heading = (
    <h1 className="screen-title ticket-heading">
      <Icon name="check" size={48} /> {t(moved ? 'ticket.movedTitle' : 'ticket.title')}
    </h1>
  );
  const leave = (
    <div className="ticket-leave">
      <BigButton className="ticket-done" data-testid="done" onClick={done}>
        {t('action.done')}
      </BigButton>
      {left !== null && (
        <span className="ticket-countdown" data-testid="ticket-countdown" data-seconds={left} aria-live="off">
          {t('ticket.countdown', { n: left })}
        </span>
      )}
    </div>
  );
  const card = (
    <div className="ticket">
      <div className="ticket-number-box">
        <span className="ticket-label">{t('field.ticketNumber')}</span>
        <span className="ticket-number" data-testid="ticket-number">
          {ticket.number}
        </span>
      </div>
      <div className="ticket-where">
        <div className="ticket-cell">
          <span className="ticket-label">{t('field.room')}</span>
          <Mis className="ticket-big" testId="ticket-room">
            {ticket.room || '—'}
          </Mis>
        </div>
        <div className="ticket-cell">
          <span className="ticket-label">{t('field.floor')}</span>
          <span className="ticket-big" data-testid="ticket-floor">
            {ticket.floor ?? '—'}
          </span>
        </div>
      </div>
      <dl className="ticket-rows">
        <div>
          <dt>{t('field.dateTime')}</dt>
          <dd data-testid="ticket-datetime">{capitalize(clinicDateTimeLong(ticket.beginTime, tz, tag))}</dd>
        </div>
        <div>
          <dt>{t(ticket.resType === 'Doctor' ? 'field.doctor' : 'field.visit')}</dt>
          <dd data-testid="ticket-doctor">
            <Mis>{ticket.doctorName}</Mis>
            {(ticket.doctorRole || ticket.speciality) && <Mis className="summary-sub">{ticket.doctorRole || ticket.speciality}</Mis>}
          </dd>
        </div>
        <div>
          <dt>{t('field.clinic')}</dt>
          <dd data-testid="ticket-clinic">
            <Mis>{ticket.clinic.name}</Mis>
            <Mis className="summary-sub">{ticket.clinic.address}</Mis>
          </dd>
        </div>
      </dl>
    </div>
  );
  const movedNotice = moved && previous && (
    <div
      className={`notice ${moved === 'kept' ? 'notice-warn' : ''}`}
      data-testid="ticket-moved"
      data-old={moved}
      role={moved === 'kept' ? 'alert' : 'status'}
    >
      {moved === 'kept' && <strong className="notice-title">{t('ticket.keptTitle')}</strong>}
      <span>
        {t(moved === 'kept' ? 'ticket.kept' : moved === 'moved' ? 'ticket.movedByMis' : 'ticket.moved', {
          when: clinicDateTimeLong(previous.beginTime, tz, tag),
        })}
      </span>
    </div>
  );
  const rest = (
    <>
      <div className="ticket-print">
        <PrintState print={print} number={ticket.number} t={t} />
        {(print.phase === 'failed' || print.phase === 'disabled') && <TicketQr ticket={ticket} />}
        {canReprint && (
          <BigButton variant="secondary" className="ticket-reprint" data-testid="reprint" onClick={() => void reprint()}>
            <Icon name="printer" /> {t('action.printAgain')}
          </BigButton>
        )}
      </div>
      {/* More for the same patient without typing the policy again, or the next person: this one's session ends first. */}
      <div className="ticket-more">
        <BigButton variant="secondary" data-testid="book-another" onClick={() => void bookAnother()}>
          {t('action.bookAnother')}
        </BigButton>
        <BigButton variant="secondary" data-testid="other-patient" onClick={otherPatient}>
          {t('action.otherPatient')}
        </BigButton>
      </div>
    </>
  );

  if (reach) {
    // Reach mode: the ticket is read at the top; «Готово» opens the part within reach, away
    // from the bottom edge where «Записаться» was.
    return (
      <section className="screen screen-ticket screen-reach" data-testid="screen-ticket">
        <div className="reach-top ticket-reach-top">
          {heading}
          {card}
          {movedNotice}
        </div>
        <ScrollArea className="reach-body">
          {leave}
          {rest}
        </ScrollArea>
      </section>
    );
  }

  return (
    <section className="screen screen-ticket" data-testid="screen-ticket">
      {/* «Готово» sits at the top, far from where «Записаться» was on the screen before: a
          repeated tap must never close the ticket before the patient has read it. */}
      <div className="ticket-head">
        {heading}
        {leave}
      </div>
      {card}
      {movedNotice}
      {rest}
    </section>
  );
}

/** Back to Welcome this long after the slip is out (config `idle.ticketSeconds`; longer with no slip). */
export const TICKET_SECONDS = 30;
/** How often a blocked printer is asked again while the ticket is on screen. */
export const PRINT_POLL_MS = 3000;

/**
 * Seconds left before the ticket screen returns to Welcome, or null while the slip is still
 * printing (or `hold`: the patient must read something first). Every new print outcome (a
 * reprint, paper back) and every touch of the screen starts the full time again: someone
 * copying the number or reading the slip is still there.
 */
function useReturnCountdown(print: PrintStatus, finish: () => void, seconds: number, hold = false): number | null {
  const settled = !hold && print.phase !== 'idle' && print.phase !== 'printing';
  // Only a real change restarts the time: the status poll's identical answers must not.
  const key = settled ? `${print.phase}:${print.canPrintAgain}:${print.reprintsLeft}:${seconds}` : null;
  const [tick, setTick] = useState<{ key: string; left: number } | null>(null);
  useEffect(() => {
    if (key === null) return;
    // Monotonic: a step of the wall clock must not hold the ticket (and the patient's name of
    // the doctor, the room) on screen for minutes, nor cut it short.
    let end = monotonicNow() + seconds * 1000;
    const touched = () => {
      end = monotonicNow() + seconds * 1000;
      setTick({ key, left: seconds });
    };
    for (const e of TOUCH_EVENTS) window.addEventListener(e, touched, { capture: true, passive: true });
    const t = setInterval(() => {
      const n = Math.ceil((end - monotonicNow()) / 1000);
      if (n <= 0) {
        clearInterval(t);
        finish();
      } else setTick({ key, left: n });
    }, 250);
    return () => {
      clearInterval(t);
      for (const e of TOUCH_EVENTS) window.removeEventListener(e, touched, { capture: true });
    };
  }, [key, finish, seconds]);
  if (key === null) return null;
  // Until the first tick of this outcome, the full time.
  return tick?.key === key ? tick.left : seconds;
}

const TOUCH_EVENTS = ['pointerdown', 'keydown', 'wheel'] as const;
