import { useEffect, useState } from 'react';
import { useFlow } from '../store/context';

/** Quick answers should not flash a spinner; anything slower than this gets one. */
export const LOADING_DELAY_MS = 150;

export function LoadingOverlay() {
  const busy = useFlow((s) => s.busy);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!busy) return;
    const t = setTimeout(() => setShown(true), LOADING_DELAY_MS);
    return () => {
      clearTimeout(t);
      setShown(false);
    };
  }, [busy]);
  if (!busy || !shown) return null;
  return (
    <div className="overlay overlay-loading" data-testid="loading" role="status" aria-live="polite">
      <div className="loading-box">
        <div className="spinner" aria-hidden="true" />
        <div className="loading-text">Подождите…</div>
      </div>
    </div>
  );
}
