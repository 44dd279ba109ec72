// Runs as the parser reaches it, right after the prerendered Welcome in index.html; plain
// script, no build step. That Welcome is on screen before the React bundle has run
// (~100–200 ms on a slow kiosk PC). Until React takes over (renderer/src/boot-handover.ts)
// this script:
// - lays the picture out for the screen's orientation, then lets it show (the CSS keeps it
//   hidden until then, so a panel never sees it laid out for the other orientation);
// - keeps the first tap on one of its buttons, which React replays once it knows whether the
//   MIS is up; a tap older than a few seconds is forgotten (nobody is waiting for it);
// - if React never takes over (the bundle failed to load), says so on the screen instead of
//   leaving buttons that do nothing, and keeps no tap from then on.
(function () {
  'use strict';
  var app = document.querySelector('[data-prerendered]');
  if (!app) return;
  app.setAttribute('data-orientation', window.matchMedia('(orientation: landscape)').matches ? 'landscape' : 'portrait');
  app.setAttribute('data-booted', '');

  var KEEP_MS = 5000;
  var kept = null;
  function onClick(event) {
    var target = event.target;
    var button = target && target.closest ? target.closest('button[data-testid]') : null;
    if (kept !== null || !button || button.disabled || !app.contains(button)) return;
    kept = { id: button.getAttribute('data-testid'), at: performance.now() };
    button.setAttribute('aria-busy', 'true');
  }
  document.addEventListener('click', onClick, true);
  function stopKeeping() {
    document.removeEventListener('click', onClick, true);
    var k = kept;
    kept = null;
    return k;
  }

  var FAILED_AFTER_MS = 15000;
  var failTimer = window.setTimeout(function () {
    stopKeeping();
    if (!document.contains(app)) return;
    var menu = app.querySelector('.welcome-menu');
    if (!menu) return;
    var note = document.createElement('p');
    note.className = 'welcome-notice';
    note.setAttribute('role', 'alert');
    note.setAttribute('data-testid', 'boot-failed');
    // The catalogue's words, written into the picture at build (renderer/src/prerender.tsx).
    note.textContent = app.getAttribute('data-boot-failed') || '';
    menu.replaceWith(note);
  }, FAILED_AFTER_MS);

  window.__kioskBoot = {
    /** Ends this script's watch; the data-testid of the button tapped on the picture, if any and recent. */
    takeOver: function () {
      window.clearTimeout(failTimer);
      var k = stopKeeping();
      return k && performance.now() - k.at <= KEEP_MS ? k.id : null;
    },
  };
})();
