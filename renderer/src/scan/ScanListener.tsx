// Scanner input for Welcome and Identify. The bridge is request/response, so the screen asks
// the core for a scan every SCAN_POLL_MS while it shows one of these two screens, and never
// elsewhere: that is also how the core knows a scan arrived while another patient was past
// Identify (nobody asked) and drops it. Polling rather than a long poll: a held request would
// need cancelling whenever the screen changes, which the bridge cannot do, and 3 loopback
// calls a second on two screens cost nothing measurable.
import { SCAN_POLL_MS } from '../logic/polling';
import { useEffect } from 'react';
import { useFlow, useFlowStore } from '../store/context';
import { KeyBurst } from './key-burst';


export function ScanListener() {
  const store = useFlowStore();
  const scanner = useFlow((s) => s.info?.scanner ?? 'none');
  const screen = useFlow((s) => s.screen);
  const on = scanner !== 'none' && (screen === 'welcome' || screen === 'identify');
  const wedge = on && scanner === 'keyboard';

  useEffect(() => {
    if (!on) return;
    const poll = () => void store.getState().pollScan();
    poll();
    const id = setInterval(poll, SCAN_POLL_MS);
    return () => {
      clearInterval(id);
      // A scan is for the screen that listened: the core forgets one that comes from now on.
      store.getState().stopScans();
    };
  }, [on, store]);

  useEffect(() => {
    if (!wedge) return;
    const burst = new KeyBurst();
    // Capture phase on window: runs before the Identify screen's own key handling, so the
    // scanner's digits after the first never reach the fields and its Enter never submits.
    const onKey = (e: KeyboardEvent) => {
      const step = burst.key(e.code, e.timeStamp);
      if (step === 'start' || step === 'pass') return;
      e.preventDefault();
      e.stopImmediatePropagation();
      if (typeof step === 'object') void store.getState().sendScanKeys(step.scan);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [wedge, store]);

  return null;
}
