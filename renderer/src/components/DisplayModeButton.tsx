import { useEffect } from 'react';
import { useFlow } from '../store/context';
import type { DisplayMode } from '../store/types';

/** One tap for a patient with weak eyesight: large print and high contrast together. */
export function DisplayModeButton() {
  const on = useFlow((s) => s.display.print === 'large');
  const toggle = useFlow((s) => s.toggleDisplay);
  return (
    <button
      type="button"
      className={`btn btn-quiet nav-btn display-btn${on ? ' display-btn-on' : ''}`}
      data-testid="display-mode"
      aria-pressed={on}
      onClick={toggle}
    >
      <span className="display-btn-mark" aria-hidden="true">
        Аа
      </span>{' '}
      Крупный шрифт
    </button>
  );
}

/** The token overrides in tokens.css hang on these attributes of <html>. */
export function useDisplayAttributes(display: DisplayMode): void {
  useEffect(() => {
    const html = document.documentElement;
    html.dataset.print = display.print;
    html.dataset.contrast = display.contrast;
  }, [display.print, display.contrast]);
}
