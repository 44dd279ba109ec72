// When a kiosk may take a new version: the pure decisions behind auto-update, tested without
// Electron. A kiosk is in a staged rollout when its stable bucket (from its id) is below the
// feed's stagingPercentage; it downloads in the background whenever; it restarts to install
// only inside the clinic's maintenance window, with no patient at the screen, and at most once
// a night (an update that fails to start must not restart a kiosk in a loop until morning).
// A release refused at the last check before installing (pulled from the feed) is not
// installed that night, whatever the feed offers next.

export interface MaintenanceWindow {
  /** "HH:MM", clinic time. */
  start: string;
  end: string;
}

/** 0 ≤ bucket < 100, the same for a kiosk id on every release and every machine. */
export function rolloutBucket(kioskId: string): number {
  // FNV-1a (32 bit): stable, dependency-free and evenly spread over short ids like KIOSK-0123.
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(kioskId)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h / 0x100000000) * 100;
}

/**
 * The feed's stagingPercentage (electron-builder writes it into latest.yml): absent means
 * everyone; 10 means the kiosks whose bucket is below 10. A value that is not a number is read
 * as absent, as electron-updater itself does.
 */
export function withinRollout(bucket: number, stagingPercentage: unknown): boolean {
  if (stagingPercentage === undefined || stagingPercentage === null) return true;
  const pct = typeof stagingPercentage === 'number' ? stagingPercentage : Number.parseFloat(String(stagingPercentage));
  if (Number.isNaN(pct)) return true;
  return bucket < Math.min(100, Math.max(0, pct));
}

interface ClinicClock {
  ymd: string;
  minutes: number;
}

function clinicClock(now: Date, timeZone: string): ClinicClock {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return { ymd: `${get('year')}-${get('month')}-${get('day')}`, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

/** The screen must be untouched by a patient this long before a restart. */
export const QUIET_MS = 2 * 60_000;

export function parseHm(hm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hm);
  if (!m) throw new Error(`not a time of day: ${hm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

function previousDay(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/**
 * The night `now` belongs to, named by the clinic date the window opened on, or null when
 * `now` is outside the window. A window across midnight (23:00–01:00) is one night.
 */
export function maintenanceNight(now: Date, window: MaintenanceWindow, timeZone: string): string | null {
  const start = parseHm(window.start);
  const end = parseHm(window.end);
  const { ymd, minutes } = clinicClock(now, timeZone);
  if (start < end) return minutes >= start && minutes < end ? ymd : null;
  if (minutes >= start) return ymd;
  if (minutes < end) return previousDay(ymd);
  return null;
}

export type InstallDecision =
  | { kind: 'install'; night: string }
  | { kind: 'wait'; reason: 'nothing-downloaded' | 'outside-window' | 'patient-at-screen' | 'restarted-tonight' | 'refused-tonight' };

export interface InstallInput {
  now: Date;
  window: MaintenanceWindow;
  timeZone: string;
  /** The version downloaded and ready, or null. */
  downloaded: string | null;
  /** A patient session holds a token right now. */
  sessionActive: boolean;
  /** When the screen last asked the core anything (a patient typing has no session yet). */
  lastActivity: Date | null;
  /** How long the screen must be quiet first. */
  quietMs: number;
  /** The night of the last restart for an update (persisted across restarts), or null. */
  lastRestartNight: string | null;
  /** The night a release was refused at the install check (core/updates/install-check.ts), or null. */
  refusedNight?: string | null;
}

export function decideInstall(i: InstallInput): InstallDecision {
  if (!i.downloaded) return { kind: 'wait', reason: 'nothing-downloaded' };
  const night = maintenanceNight(i.now, i.window, i.timeZone);
  if (night === null) return { kind: 'wait', reason: 'outside-window' };
  if (i.lastRestartNight === night) return { kind: 'wait', reason: 'restarted-tonight' };
  if (i.refusedNight === night) return { kind: 'wait', reason: 'refused-tonight' };
  const quiet = i.lastActivity === null || i.now.getTime() - i.lastActivity.getTime() >= i.quietMs;
  if (i.sessionActive || !quiet) return { kind: 'wait', reason: 'patient-at-screen' };
  return { kind: 'install', night };
}

/**
 * The first update check is spread over one interval by the kiosk's bucket, so a fleet that
 * powers on at 07:00 does not ask the update server all at once.
 */
export function firstCheckDelayMs(bucket: number, intervalMs: number): number {
  return Math.floor((bucket / 100) * intervalMs);
}
