import { useState } from 'react';
import type { ServiceGate } from '../../../electron/common/service-contract';
import { BigButton } from '../components/BigButton';
import { useT } from '../i18n';
import { Keypad } from '../components/Keypad';
import type { DraftKey } from '../logic/identify-draft';

const MAX_DIGITS = 8;

export interface PinPadProps {
  title: string;
  lead: string;
  /** What the core said about the keypad; null while asking. */
  gate: ServiceGate | null;
  /** The last refusal, shown under the dots. */
  message: string | null;
  busy: boolean;
  onSubmit: (pin: string) => void;
  onCancel: () => void;
}

/** The technician's PIN keypad. It only collects digits: the core alone checks them. */
export function PinPad({ title, lead, gate, message, busy, onSubmit, onCancel }: PinPadProps) {
  const [pin, setPin] = useState('');
  const t = useT();
  const closed = gate !== null && gate.state !== 'ready';
  const onKey = (key: DraftKey) => {
    if (key === 'clear') setPin('');
    else if (key === 'back') setPin((p) => p.slice(0, -1));
    else setPin((p) => (p.length < MAX_DIGITS ? p + key.digit : p));
  };
  const submit = () => {
    if (pin.length < 4 || busy) return;
    onSubmit(pin);
    // The digits never stay on screen after an attempt.
    setPin('');
  };
  const notice =
    gate?.state === 'locked'
      ? t('service.locked', { minutes: gate.minutesLeft ?? 5 })
      : gate?.state === 'not-configured'
        ? t('service.notConfigured')
        : message;
  return (
    <section className="svc-pin" data-testid="service-pin" data-state={gate?.state ?? 'asking'} aria-label={title}>
      <div className="svc-pin-head">
        <h1 className="svc-title">{title}</h1>
        {!closed && <p className="svc-lead">{lead}</p>}
      </div>
      {!closed && (
        <div className="svc-pin-dots" data-testid="service-pin-dots" aria-label={t('service.pinTyped', { n: pin.length })}>
          {Array.from({ length: Math.max(4, pin.length) }, (_, i) => (
            <span key={i} className={`svc-dot${i < pin.length ? ' svc-dot-on' : ''}`} />
          ))}
        </div>
      )}
      {notice && (
        <p className={`svc-notice${closed ? ' svc-notice-block' : ' svc-notice-error'}`} data-testid="service-pin-message" role="status">
          {notice}
        </p>
      )}
      {!closed && (
        <div className="svc-pin-keys">
          <Keypad onKey={onKey} />
        </div>
      )}
      <div className="svc-pin-actions">
        <BigButton variant="quiet" data-testid="service-pin-cancel" onClick={onCancel}>
          {t(closed ? 'service.close' : 'service.cancel')}
        </BigButton>
        {!closed && (
          <BigButton data-testid="service-pin-submit" disabled={pin.length < 4 || busy || gate === null} onClick={submit}>
            {t('service.confirm')}
          </BigButton>
        )}
      </div>
    </section>
  );
}
