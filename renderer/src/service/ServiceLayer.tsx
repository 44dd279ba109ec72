// Service mode on screen: the hidden corner gesture, the PIN keypad, the service panel and the
// «Перезапуск…» / «Выход…» notes. It sits above the patient flow. What is allowed is decided in
// the core: this layer only shows the core's answers, and closes itself whenever the core
// says the service session is over (idle, a lock, a reload).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Envelope } from '../../../electron/common/bridge-contract';
import { DEFAULT_CLINIC_TIME_ZONE } from '../../../electron/common/clinic-time';
import { msg, type Msg } from '../../../electron/common/i18n/catalog';
import type { ServiceEnterResult, ServiceGate, ServiceLeaveResult } from '../../../electron/common/service-contract';
import { useT } from '../i18n';
import { useFlow } from '../store/context';
import { useServiceBridge } from './context';
import { createCornerTaps } from './corner-taps';
import { PinPad } from './PinPad';
import { ServicePanel } from './ServicePanel';

type Phase =
  | { kind: 'closed' }
  | { kind: 'pin'; purpose: 'enter' | 'leave'; gate: ServiceGate | null; message: Msg | null }
  | { kind: 'panel' }
  | { kind: 'note'; text: Msg };

/** How long the «Перезапуск…» note waits for the shell before giving the screen back. */
const NOTE_MS = 20_000;

function refusalText(r: Exclude<ServiceEnterResult | ServiceLeaveResult, { state: 'open' } | { state: 'leaving' }>): Msg {
  if (r.state === 'wrong') return msg('service.wrongPin', { left: r.attemptsLeft });
  if (r.state === 'locked') return msg('service.locked', { minutes: r.minutesLeft });
  return msg('service.notConfigured');
}

export function ServiceLayer() {
  const bridge = useServiceBridge();
  const endPatientSession = useFlow((s) => s.endSession);
  const timeZone = useFlow((s) => s.info?.timeZone ?? DEFAULT_CLINIC_TIME_ZONE);
  const t = useT();
  const [phase, setPhase] = useState<Phase>({ kind: 'closed' });
  const [busy, setBusy] = useState(false);
  const idleSeconds = useRef(120);
  const lastTap = useRef(0);
  const lastTouch = useRef(0);
  const phaseRef = useRef(phase);
  useEffect(() => {
    phaseRef.current = phase;
  }, [phase]);

  const close = useCallback(() => setPhase({ kind: 'closed' }), []);

  /** An answer from a service method; a refusal means the core closed service mode. */
  const settle = useCallback(
    <T,>(answer: Envelope<T>): T | null => {
      if (answer.ok) return answer.value;
      if (answer.error.kind === 'session') close();
      return null;
    },
    [close],
  );

  const openKeypad = useCallback(
    async (purpose: 'enter' | 'leave') => {
      if (!bridge) return;
      setPhase({ kind: 'pin', purpose, gate: null, message: null });
      const g = await bridge.serviceGate({});
      setPhase((p) => (p.kind === 'pin' ? { ...p, gate: g.ok ? g.value : { state: 'ready', minutesLeft: null } } : p));
    },
    [bridge],
  );

  // The gesture: window-level and in the capture phase, so it works over every screen and never
  // needs a visible element in the corner.
  useEffect(() => {
    if (!bridge) return;
    const taps = createCornerTaps();
    const onDown = (e: PointerEvent) => {
      lastTap.current = Date.now();
      if (phaseRef.current.kind !== 'closed') return;
      const onControl = e.target instanceof Element && e.target.closest('button, a, input, [role="button"]') !== null;
      if (taps.tap(e.clientX, e.clientY, onControl, e.timeStamp)) void openKeypad('enter');
    };
    window.addEventListener('pointerdown', onDown, { capture: true, passive: true });
    return () => window.removeEventListener('pointerdown', onDown, { capture: true });
  }, [bridge, openKeypad]);

  // Idle: the same limit as the core's (the core closes its side on its own timer too); a
  // keypad left open goes as well, so a patient never finds it. A tap now and then also tells
  // the core the technician is still there.
  const inService = phase.kind === 'panel' || (phase.kind === 'pin' && phase.purpose === 'leave');
  const watching = phase.kind === 'pin' || phase.kind === 'panel';
  useEffect(() => {
    if (!bridge || !watching) return;
    lastTap.current = Date.now();
    const timer = setInterval(() => {
      const now = Date.now();
      if (now - lastTap.current > idleSeconds.current * 1000) {
        if (inService) void bridge.serviceExit({});
        close();
        return;
      }
      if (inService && lastTap.current > lastTouch.current && now - lastTouch.current > 15_000) {
        lastTouch.current = now;
        void bridge.serviceStatus({}).then((a) => settle(a));
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [bridge, watching, inService, close, settle]);

  useEffect(() => {
    if (phase.kind !== 'note') return;
    const t = setTimeout(close, NOTE_MS);
    return () => clearTimeout(t);
  }, [phase, close]);

  if (!bridge || phase.kind === 'closed') return null;

  const submitPin = async (pin: string) => {
    if (phase.kind !== 'pin') return;
    setBusy(true);
    if (phase.purpose === 'enter') {
      const r = await bridge.serviceEnter({ pin });
      setBusy(false);
      if (!r.ok) return setPhase({ ...phase, message: msg(`problem.${r.error.problem}`) });
      if (r.value.state === 'open') {
        idleSeconds.current = r.value.idleSeconds;
        lastTouch.current = Date.now();
        // The core already ended the patient's session; the screen forgets it too.
        endPatientSession();
        return setPhase({ kind: 'panel' });
      }
      const refusal = r.value;
      return setPhase({ ...phase, message: refusalText(refusal), gate: refusal.state === 'wrong' ? phase.gate : { state: refusal.state, minutesLeft: refusal.state === 'locked' ? refusal.minutesLeft : null } });
    }
    const r = await bridge.serviceLeaveToOs({ pin });
    setBusy(false);
    const v = settle(r);
    if (!v) return r.ok ? undefined : setPhase({ ...phase, message: msg(`problem.${r.error.problem}`) });
    if (v.state === 'leaving') return setPhase({ kind: 'note', text: msg('service.leaving') });
    setPhase({ ...phase, message: refusalText(v), gate: v.state === 'wrong' ? phase.gate : { state: v.state, minutesLeft: v.state === 'locked' ? v.minutesLeft : null } });
  };

  const cancelPin = () => {
    if (phase.kind === 'pin' && phase.purpose === 'leave' && phase.gate?.state !== 'locked') return setPhase({ kind: 'panel' });
    close();
  };

  const restart = async () => {
    const r = await bridge.serviceRestart({});
    // Its value is null: only `ok` says it was accepted.
    settle(r);
    if (!r.ok) return;
    setPhase({ kind: 'note', text: msg('service.restarting') });
  };

  const leaveReturn = async () => {
    await bridge.serviceExit({});
    close();
  };

  return (
    <div className="svc-layer" data-testid="service-layer" role="dialog" aria-modal="true" aria-label={t('service.title')}>
      {phase.kind === 'pin' && (
        <PinPad
          key={phase.purpose}
          title={t(phase.purpose === 'enter' ? 'service.title' : 'service.leaveTitle')}
          lead={t(phase.purpose === 'enter' ? 'service.enterPin' : 'service.leaveLead')}
          gate={phase.gate}
          message={phase.message ? t.msg(phase.message) : null}
          busy={busy}
          onSubmit={(pin) => void submitPin(pin)}
          onCancel={cancelPin}
        />
      )}
      {phase.kind === 'panel' && (
        <ServicePanel
          bridge={bridge}
          timeZone={timeZone}
          settle={settle}
          onRestart={() => void restart()}
          onLeave={() => void openKeypad('leave')}
          onReturn={() => void leaveReturn()}
        />
      )}
      {phase.kind === 'note' && (
        <section className="svc-note" data-testid="service-note">
          <h1 className="svc-title">{t.msg(phase.text)}</h1>
        </section>
      )}
    </div>
  );
}
