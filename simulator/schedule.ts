// Schedule cells. A resource's cells for a day are a pure function of (resource, date): a
// seeded PRNG keyed by both decides rights and pre-bookings. So the same clock always yields
// the same schedule, a date keeps its cells when the clock moves, and nothing needs storing
// except what the simulator's users change (bookings, cancellations, hooks).
import { createHash } from 'node:crypto';
import { addMinutesHm, weekday } from './clock';
import { RIGHTS, type Resource } from './seed-data';

export const CELL_MINUTES = 15;

export interface Cell {
  resourceGuid: string;
  date: string;
  time: string;
  endTime: string;
  /** Position in the day, used for the ticket number. */
  index: number;
  timeTableGuid: string;
  rights: number;
  /** Taken by the registry before the simulator started. */
  prebooked: boolean;
}

/** FNV-1a: a tiny stable string hash to seed the PRNG. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: deterministic, good enough for spreading cell states. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A GUID-shaped id derived from a name, so cell ids are stable across restarts. */
export function stableGuid(name: string): string {
  const h = createHash('sha1').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const toMinutes = (hm: string): number => {
  const [h, m] = hm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

const cache = new Map<string, Cell[]>();

export function cellsOf(resource: Resource, date: string): Cell[] {
  const key = `${resource.guid}|${date}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const cells = generate(resource, date);
  if (cache.size > 5000) cache.clear();
  cache.set(key, cells);
  return cells;
}

function generate(resource: Resource, date: string): Cell[] {
  const wd = weekday(date) as 0 | 1 | 2 | 3 | 4 | 5 | 6;
  const hours = resource.hours[wd];
  if (!hours) return [];
  const rnd = prng(fnv1a(`${resource.guid}|${date}`));
  // noFreeCells first, so the other resources draw the same numbers as ever.
  const wholeDayTaken = resource.noFreeCells === true || wd === resource.fullyBookedWeekday || rnd() < 0.08;
  const cells: Cell[] = [];
  const end = toMinutes(hours[1]);
  let index = 0;
  for (let m = toMinutes(hours[0]); m + CELL_MINUTES <= end; m += CELL_MINUTES, index++) {
    const time = addMinutesHm('00:00', m);
    const r = rnd();
    const kind = rnd();
    let rights: number;
    let prebooked = false;
    if (wholeDayTaken || r < 0.15) {
      prebooked = true;
      rights = RIGHTS.Registry | RIGHTS.Internet | RIGHTS.Infomat | RIGHTS.DoctorOtherLpu;
    } else if (r < 0.27) {
      rights = RIGHTS.Registry;
    } else {
      rights =
        kind < 0.6
          ? RIGHTS.Infomat | RIGHTS.DoctorOtherLpu
          : RIGHTS.Registry | RIGHTS.Internet | RIGHTS.Infomat | RIGHTS.DoctorOtherLpu;
    }
    cells.push({
      resourceGuid: resource.guid,
      date,
      time,
      endTime: addMinutesHm(time, CELL_MINUTES),
      index,
      timeTableGuid: stableGuid(`cell|${resource.guid}|${date}|${time}`),
      rights,
      prebooked,
    });
  }
  return cells;
}

export function findCell(resource: Resource, date: string, time: string): Cell | undefined {
  return cellsOf(resource, date).find((c) => c.time === time);
}

/** `flagAccess` as the documented comma-separated list of right names. */
export function rightsNames(rights: number): string {
  const names = Object.entries(RIGHTS)
    .filter(([, bit]) => (rights & bit) !== 0)
    .map(([name]) => name);
  return names.length ? names.join(', ') : 'None';
}
