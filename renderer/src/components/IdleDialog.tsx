import { useEffect, useRef, useState } from 'react';
import { createIdleTracker, monotonicNow, type IdlePhase, type IdleTracker } from '../logic/idle';
import { playSoftTone } from '../logic/tone';
import type { Screen } from '../store/types';
import { useT } from '../i18n';
import { useFlow } from '../store/context';
import { BigButton } from './BigButton';
import { Dialog } from './Dialog';

const ACTIVITY_EVENTS = ['pointerdown', 'touchstart', 'keydown', 'wheel'] as const;
const TICK_MS = 250;
/** Where the patient types: typing an elderly patient's policy takes longer than a choice. */
const TYPING_SCREENS: ReadonlySet<Screen> = new Set<Screen>(['identify', 'referralNumber', 'referralSurname', 'waitlist']);

export function IdleDialog() {
  const info = useFlow((s) => s.info);
  // The ticket screen has its own visible countdown back to Welcome; asking «Вы ещё здесь?»
  // there would say the booking is about to be interrupted after it was made.
  const unwatched = useFlow((s) => s.screen === 'welcome' || s.screen === 'ticket');
  const busy = useFlow((s) => s.busy);
  const endSession = useFlow((s) => s.endSession);
  const sayIdleWarning = useFlow((s) => s.sayIdleWarning);
  const t = useT();
  const [phase, setPhase] = useState<IdlePhase>({ kind: 'active' });
  const [chimes, setChimes] = useState(0);
  const tracker = useRef<IdleTracker | null>(null);
  const busyRef = useRef(busy);
  useEffect(() => {
    busyRef.current = busy;
  }, [busy]);

  const typing = useFlow((s) => TYPING_SCREENS.has(s.screen));
  const idleSeconds = typing ? info?.typingIdleSeconds : info?.idleSeconds;
  const countdownSeconds = info?.countdownSeconds;
  const watching = !unwatched && idleSeconds !== undefined && countdownSeconds !== undefined;

  useEffect(() => {
    if (!watching) return;
    const t = createIdleTracker({
      idleSeconds: idleSeconds!,
      countdownSeconds: countdownSeconds!,
      now: monotonicNow,
      onExpire: endSession,
    });
    tracker.current = t;
    // Any touch means someone is at the screen, including a touch on the dialog's backdrop.
    const onActivity = () => t.activity();
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { capture: true, passive: true });
    let warned = false;
    const timer = setInterval(() => {
      // Waiting for the server is not the patient's idleness.
      if (busyRef.current) t.activity();
      const next = t.tick();
      // Heard as well as seen: a chime once as the question appears.
      if (next.kind === 'warning' && !warned) {
        warned = true;
        if (playSoftTone()) setChimes((n) => n + 1);
        sayIdleWarning(next.secondsLeft);
      } else if (next.kind !== 'warning') warned = false;
      setPhase((prev) => (samePhase(prev, next) ? prev : next));
    }, TICK_MS);
    return () => {
      tracker.current = null;
      setPhase({ kind: 'active' });
      clearInterval(timer);
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity, { capture: true });
    };
  }, [watching, idleSeconds, countdownSeconds, endSession, sayIdleWarning]);

  if (!watching || phase.kind !== 'warning') return null;
  const n = phase.secondsLeft;
  const stay = () => {
    tracker.current?.activity();
    setPhase({ kind: 'active' });
  };
  return (
    <Dialog
      role="alertdialog"
      overlay="idle"
      className="idle-dialog"
      data-testid="idle-dialog"
      data-chimes={chimes}
      title={t('idle.title')}
      actions={
        <BigButton data-testid="idle-continue" onClick={stay} autoFocus>
          {t('action.stay')}
        </BigButton>
      }
    >
      <div className="idle-count" data-testid="idle-countdown" aria-live="assertive">
        {n}
      </div>
      <p className="idle-text">{t('idle.text', { n })}</p>
    </Dialog>
  );
}

function samePhase(a: IdlePhase, b: IdlePhase): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind !== 'warning' || (b.kind === 'warning' && a.secondsLeft === b.secondsLeft);
}
