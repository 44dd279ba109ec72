// The browser host's stand-in for the Electron preload: a script served before the renderer's
// bundle that defines the same `window.kiosk` object, carried over HTTP instead of IPC.
import { bridgeMethodNames } from '../common/channels';

/** How often the page tells the host it is alive (renderer-watchdog.ts watches for silence). */
export const ALIVE_EVERY_MS = 2_000;

export function bridgeScript(callBase: string, alivePath: string): string {
  // Frozen, with no way to reach fetch's options from outside: the page gets methods, nothing else.
  return `(() => {
  'use strict';
  const base = ${JSON.stringify(callBase)};
  const methods = ${JSON.stringify(bridgeMethodNames)};
  // The link to the kiosk's own core broke: the screen says so in the session's words (kioskLink).
  const fail = () => ({ ok: false, error: { kind: 'network', problem: 'kioskLink', shown: null, httpStatus: null } });
  const call = async (method, input) => {
    try {
      const res = await fetch(base + method, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Kiosk-Bridge': '1' },
        body: JSON.stringify(input === undefined ? {} : input),
        cache: 'no-store',
        credentials: 'same-origin', // the renderer cookie, nothing else
      });
      return await res.json();
    } catch (e) {
      return fail();
    }
  };
  const kiosk = {};
  for (const m of methods) kiosk[m] = (input) => call(m, input);
  Object.defineProperty(window, 'kiosk', { value: Object.freeze(kiosk), writable: false, configurable: false });
  // Alive: a crashed or frozen page falls silent, and the host replaces its browser.
  setInterval(() => {
    fetch(${JSON.stringify(alivePath)}, { method: 'POST', headers: { 'X-Kiosk-Bridge': '1' }, cache: 'no-store', credentials: 'same-origin' }).catch(() => {});
  }, ${ALIVE_EVERY_MS});
})();
`;
}
