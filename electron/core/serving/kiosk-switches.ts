// The Chromium switches that make either host's browser a touch kiosk: the shell appends them
// with app.commandLine before `ready`, the browser host passes them to Debian's Chromium. What
// only one host needs stays with that host: the browser host's --no-sandbox, --disable-gpu and
// background-traffic flags (host/chromium-flags.ts), --kiosk, window geometry, --user-data-dir
// and --app (host/run-host.ts, host/launch-chromium.ts); the shell's sandbox and window options
// (main/policy.ts, main/lockdown.ts).

/** A switch as `app.commandLine.appendSwitch` takes it: the name without dashes, and a value. */
export type ChromiumSwitch = readonly [name: string, value?: string];

export const KIOSK_SWITCHES: readonly ChromiumSwitch[] = Object.freeze([
  // A patient must not pinch-zoom or swipe back (touch screen or touchpad).
  ['disable-pinch'],
  ['overscroll-history-navigation', '0'],
  // One switch for all features: Chromium keeps only the last of a repeated switch. Translate
  // would offer a bar over a page that is Russian on purpose.
  ['disable-features', 'TouchpadOverscrollHistoryNavigation,Translate,TranslateUI'],
  // Chromium's own words (built-in controls, error pages) in Russian, like the kiosk's.
  ['lang', 'ru'],
  // No error dialogs or infobars in front of a patient.
  ['noerrdialogs'],
  ['disable-infobars'],
] as const);

/** The switches as command-line arguments: `--name` or `--name=value`. */
export function switchArgs(switches: readonly ChromiumSwitch[]): string[] {
  return switches.map(([name, value]) => (value === undefined ? `--${name}` : `--${name}=${value}`));
}
