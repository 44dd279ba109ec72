// Runs inside the page before any of its own scripts (a Playwright init script, so the page's
// CSP does not apply to it). It times what the patient sees, on the page's own clock:
// - `ready`: the first screen's root in the DOM, then two animation frames, so the frame that
//   shows it has been produced ("two-frame floor"); from the navigation start;
//   The first screen is the Welcome prerendered into index.html, once boot/boot.js has let it
//   show; a tap on it is kept by boot.js for React;
// - `react`: the same once React's own Welcome has replaced the prerendered one;
// - `fonts`: the same after document.fonts.ready, i.e. no font swap left to happen;
// - `taps`: pointerdown (event.timeStamp) → next screen's root present → two frames;
// - `floor`: pointerdown → two frames on a spot that does nothing, the floor of that measurement.
// Plain JavaScript in a string: it runs in the browser, not in Node.
export const PAGE_PROBE = `(() => {
  const raf2 = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const probe = { taps: [], floor: [], floorMode: false, lastDown: null, ready: null, react: null, fonts: null };
  let resolveReady, resolveFonts, resolveReact;
  probe.ready = new Promise((r) => (resolveReady = r));
  probe.react = new Promise((r) => (resolveReact = r));
  let reactSeen = false;
  probe.fonts = new Promise((r) => (resolveFonts = r));
  Object.defineProperty(window, '__bench', { value: probe });
  addEventListener('pointerdown', (e) => {
    const down = e.timeStamp;
    if (probe.floorMode) raf2().then(() => probe.floor.push(performance.now() - down));
    else probe.lastDown = down;
  }, true);
  let current = null;
  let first = true;
  const look = () => {
    if (!reactSeen && document.querySelector('.app:not([data-prerendered]) [data-testid^="screen-"]')) {
      reactSeen = true;
      raf2().then(() => resolveReact(performance.now()));
    }
    // A prerendered Welcome counts once boot.js has let it show (see base.css).
    const el = [...document.querySelectorAll('[data-testid^="screen-"]')].find((e) => !e.closest('[data-prerendered]:not([data-booted])'));
    const name = el ? el.getAttribute('data-testid').slice(7) : null;
    if (name === current) return;
    const from = current;
    current = name;
    const down = probe.lastDown;
    probe.lastDown = null;
    if (!name) return;
    if (first) {
      first = false;
      raf2().then(() => resolveReady(performance.now()));
      requestAnimationFrame(() => document.fonts.ready.then(raf2).then(() => resolveFonts(performance.now())));
    }
    if (from && down !== null) raf2().then(() => {
      const t = performance.now();
      // Where the time went: before the first bridge call, inside bridge calls (host + core +
      // MIS), and from the last answer to the painted screen.
      const calls = performance.getEntriesByType('resource').filter((e) => e.name.includes('/__kiosk/call/') && e.startTime >= down);
      performance.clearResourceTimings();
      const split = calls.length
        ? { before: calls[0].startTime - down, bridge: calls.reduce((a, e) => a + e.responseEnd - e.startTime, 0), after: t - Math.max(...calls.map((e) => e.responseEnd)), calls: calls.length }
        : null;
      probe.taps.push({ from, to: name, ms: t - down, split });
    });
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-booted'] });
})();`;
