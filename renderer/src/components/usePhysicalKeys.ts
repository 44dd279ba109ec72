import { useEffect } from 'react';

/**
 * A physical keyboard types on the same screen as the on-screen keys: `keyOf` maps a key press
 * to the screen's own key (or null to leave it alone), `press` applies it. Shortcuts with Ctrl,
 * Alt or Meta are never taken over.
 */
export function usePhysicalKeys<K>(keyOf: (e: KeyboardEvent) => K | null, press: (key: K) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey) return;
      const key = keyOf(e);
      if (key === null) return;
      e.preventDefault();
      press(key);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keyOf, press]);
}
