import { useEffect, useState } from 'react';
import { useT } from '../i18n';
import { useFlow } from '../store/context';
import { BigButton } from './BigButton';

/** Quick answers should not flash a spinner; anything slower than this gets one. */
export const LOADING_DELAY_MS = 150;
/** After this long the patient may give up waiting and stay where they were. */
export const WAIT_CANCEL_AFTER_MS = 10_000;

export function LoadingOverlay() {
  const busy = useFlow((s) => s.busy);
  const cancellable = useFlow((s) => s.waitCancellable);
  const cancelWait = useFlow((s) => s.cancelWait);
  const t = useT();
  const [shown, setShown] = useState(false);
  const [long, setLong] = useState(false);
  useEffect(() => {
    if (!busy) return;
    const t = setTimeout(() => setShown(true), LOADING_DELAY_MS);
    const l = setTimeout(() => setLong(true), WAIT_CANCEL_AFTER_MS);
    return () => {
      clearTimeout(t);
      clearTimeout(l);
      setShown(false);
      setLong(false);
    };
  }, [busy]);
  if (!busy || !shown) return null;
  return (
    <div className="overlay overlay-loading" data-testid="loading" role="status" aria-live="polite">
      <div className="loading-box">
        <div className="spinner" aria-hidden="true" />
        <div className="loading-text">{t('wait.text')}</div>
        {long && cancellable && (
          <>
            <p className="loading-slow">{t('wait.slow')}</p>
            <BigButton variant="secondary" className="loading-cancel" data-testid="wait-cancel" onClick={cancelWait}>
              {t('action.cancel')}
            </BigButton>
          </>
        )}
      </div>
    </div>
  );
}
