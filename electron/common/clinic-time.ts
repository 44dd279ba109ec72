// Times are shown as the clinic's wall clock whatever the kiosk's OS time zone is. The API
// sends ISO strings with the clinic's offset (+03:00); we format them with Intl in the
// clinic's IANA zone (configured, Europe/Moscow by default) so DST-free and DST zones both work.

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = timeZone + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('ru-RU', { timeZone, ...options });
    cache.set(key, f);
  }
  return f;
}

function parts(iso: string, timeZone: string): Record<string, string> {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a date: ${iso}`);
  const out: Record<string, string> = {};
  for (const p of fmt(timeZone, {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(d)) out[p.type] = p.value;
  return out;
}

/** «09:15» */
export function clinicTime(iso: string, timeZone: string): string {
  const p = parts(iso, timeZone);
  return `${p.hour}:${p.minute}`;
}

/** «2026-11-27» — the clinic's calendar date of an instant. */
export function clinicYmd(iso: string, timeZone: string): string {
  const p = parts(iso, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** A calendar date (YYYY-MM-DD) has no zone: format it as written. «пятница, 27 ноября» */
export function dayLong(ymd: string): string {
  return fmt('UTC', { weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(`${ymd}T12:00:00Z`));
}

/** «пт, 27 нояб.» */
export function dayShort(ymd: string): string {
  return fmt('UTC', { weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(`${ymd}T12:00:00Z`));
}

/** «27.11.2026» */
export function dayNumeric(ymd: string): string {
  const [y, m, d] = ymd.split('-');
  return `${d}.${m}.${y}`;
}

/** «пятница, 27 ноября, 09:15» in the clinic's zone. */
export function clinicDateTimeLong(iso: string, timeZone: string): string {
  return `${dayLong(clinicYmd(iso, timeZone))}, ${clinicTime(iso, timeZone)}`;
}

/** «27.11.2026 09:15» in the clinic's zone. */
export function clinicDateTimeNumeric(iso: string, timeZone: string): string {
  return `${dayNumeric(clinicYmd(iso, timeZone))} ${clinicTime(iso, timeZone)}`;
}
