// Tremor-proof keys: a shaking finger touches the same key twice in quick succession. The
// time is a config value (`touch.repeatGuardMs`, sent in kioskInfo); 0 turns the guard off.
// (A finger landing on what replaced the keypad is useTapGuard's job.)
import { useCallback, useRef } from 'react';

/** Whether a tap on `key` counts: not when the same key was tapped less than `ms` ago. */
export function useRepeatGuard(ms: number): (key: string) => boolean {
  const last = useRef<{ key: string; at: number } | null>(null);
  return useCallback(
    (key: string) => {
      const at = performance.now();
      const prev = last.current;
      last.current = { key, at };
      return !(ms > 0 && prev !== null && prev.key === key && at - prev.at < ms);
    },
    [ms],
  );
}
