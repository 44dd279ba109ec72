// Runs as the parser reaches it, right after the prerendered Welcome in index.html and before
// the first paint; plain script, no build step. That Welcome is on screen before the React
// bundle has run (~100–200 ms on a slow kiosk PC). Until React takes over
// (renderer/src/boot-handover.ts) this script:
// - lays the picture out for the screen's orientation (React does the same a moment later);
// - keeps the first tap on one of its buttons, which React then replays, so it is not lost;
// - if React never takes over (the bundle failed to load), says so on the screen instead of
//   leaving buttons that do nothing.
(function () {
  'use strict';
  var app = document.querySelector('[data-prerendered]');
  if (!app) return;
  app.setAttribute('data-orientation', window.matchMedia('(orientation: landscape)').matches ? 'landscape' : 'portrait');

  var kept = null;
  function onClick(event) {
    var target = event.target;
    var button = target && target.closest ? target.closest('button[data-testid]') : null;
    if (kept !== null || !button || button.disabled || !app.contains(button)) return;
    kept = button.getAttribute('data-testid');
    button.setAttribute('aria-busy', 'true');
  }
  document.addEventListener('click', onClick, true);

  var FAILED_AFTER_MS = 15000;
  var failTimer = window.setTimeout(function () {
    if (!document.contains(app)) return;
    var menu = app.querySelector('.welcome-menu');
    if (!menu) return;
    var note = document.createElement('p');
    note.className = 'welcome-notice welcome-notice-mis-down';
    note.setAttribute('role', 'alert');
    note.setAttribute('data-testid', 'boot-failed');
    note.textContent = 'Инфомат не запустился. Пожалуйста, обратитесь в регистратуру.';
    menu.replaceWith(note);
  }, FAILED_AFTER_MS);

  window.__kioskBoot = {
    /** Ends this script's watch; the data-testid of the button tapped on the picture, if any. */
    takeOver: function () {
      document.removeEventListener('click', onClick, true);
      window.clearTimeout(failTimer);
      var tapped = kept;
      kept = null;
      return tapped;
    },
  };
})();
