import { useEffect } from 'react';
import { useT } from '../i18n';
import { useFlow } from '../store/context';
import type { DisplayMode } from '../store/types';

/** One tap for a patient with weak eyesight: large print and high contrast together. */
export function DisplayModeButton() {
  const on = useFlow((s) => s.display.print === 'large');
  const toggle = useFlow((s) => s.toggleDisplay);
  const t = useT();
  return (
    <button
      type="button"
      className={`btn btn-quiet nav-btn display-btn${on ? ' display-btn-on' : ''}`}
      data-testid="display-mode"
      aria-pressed={on}
      onClick={toggle}
    >
      <span className="display-btn-mark" aria-hidden="true">
        {t('display.mark')}
      </span>{' '}
      {/* Says what a tap will do: a patient who switched it on by mistake finds the way back. */}
      {t(on ? 'display.normalPrint' : 'display.largePrint')}
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

/** The page's language and title follow the session's language (screen readers, the window title). */
export function useLanguageAttributes(language: string, title: string): void {
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = title;
  }, [language, title]);
}
