// The ledger of truth: for every session what the MIS holds (visits created and cancelled,
// read from the simulator before and after), what the kiosk showed (the ticket or the error,
// on the screen or in the bridge's answer), what the printer printed (originals, copies marked
// ПОВТОРНАЯ), and how the screen ended. `checkInvariants` reads it at the end; it is pure, so
// the checks are tested on crafted ledgers (ledger.test.ts).

export interface MisTicket {
  ticketGuid: string;
  personGuid: string;
  lpuGuid: string;
  resourceGuid: string;
  date: string;
  time: string;
  num: string;
  status: string;
  directionGuid: string | null;
  /** Which client application booked it (`Infomat` for the kiosk). */
  source: string;
  createdAt: string;
}

export interface ShownTicket {
  ticketGuid: string;
  /** The time the patient read (HH:MM, in the clinic's zone), when the screen showed it. */
  time: string | null;
  /** The date the patient read (YYYY-MM-DD), when known. */
  date: string | null;
}

export interface SessionRecord {
  index: number;
  day: number;
  via: 'screens' | 'bridge';
  kind: string;
  patient: string;
  /** Faults that really struck this session (a planned rule nobody hit is not here). */
  faults: string[];
  /** Windows open during it (paper end, MIS down …). */
  windows: string[];
  /** What the patient was left with: ticket, error:<problem>, appointments, walked-away, blocked, … */
  outcome: string;
  /** Booking intents: how many bookings the patient asked for (a double tap is still one). */
  intents: number;
  misCreated: MisTicket[];
  misCancelled: string[];
  shown: ShownTicket[];
  /** Visits created but not shown, looked up in the patient's «Мои записи» afterwards: guid → found. */
  listedLater: Record<string, boolean>;
  /** Why a created visit was not shown (the faults of the session), for the report. */
  unshownReason: string | null;
  /** Screen sessions: whether the screen was back on Welcome within `boundMs` of the end. */
  returnedToWelcome: boolean;
  welcomeMs: number | null;
  boundMs: number;
  /** Calm «Что-то пошло не так» screens seen during the session. */
  errorBoundary: number;
  /** Printer able to print for the whole session (no printer window, no print fault). */
  printerOk: boolean;
  durationMs: number;
  notes: string[];
}

export interface PrintRecord {
  ticketGuid: string;
  /** Marked ПОВТОРНАЯ. */
  copy: boolean;
  /** «Распечатать все записи»: a list, not a ticket. */
  summary: boolean;
  /** The session during which the job came out (a late one counts for the session it came in). */
  session: number;
}

export interface Ledger {
  sessions: SessionRecord[];
  prints: PrintRecord[];
  /** Tokens the MIS issued that were found in the kiosk's logs or console. */
  tokensInLogs: number;
  /** `renderer.error` lines in the kiosk's logs (the error boundary reports every catch). */
  rendererErrorsInLogs: number;
  /** How many copies the kiosk may print per ticket (`printer.reprintLimit`). */
  reprintLimit: number;
}

export interface Breach {
  invariant: InvariantName;
  session: number | null;
  detail: string;
}

export const INVARIANTS = [
  'undelivered',
  'doubleBookings',
  'unmarkedSecondOriginals',
  'extraCopies',
  'unprinted',
  'wrongTimeShown',
  'blankScreens',
  'stuckScreens',
  'kickedOut',
  'tokensInLogs',
] as const;
export type InvariantName = (typeof INVARIANTS)[number];

export const INVARIANT_MEANING: Record<InvariantName, string> = {
  undelivered: 'a visit the MIS made for a session that the patient neither saw nor finds in «Мои записи»',
  doubleBookings: 'more visits at the MIS than the patient asked for (one per booking, whatever was tapped twice or retried)',
  unmarkedSecondOriginals: 'a ticket printed twice without ПОВТОРНАЯ',
  extraCopies: 'more copies of a ticket than the reprint limit',
  unprinted: 'a ticket shown while the printer could print, with no original ever printed',
  wrongTimeShown: 'a ticket shown with another time or date than the MIS holds',
  blankScreens: 'the error boundary caught a render error (calm screen shown, or renderer.error logged)',
  stuckScreens: 'a screen session not back on Welcome within its bound (idle + countdown, or the ticket countdown)',
  kickedOut: 'a patient still at the screen sent back to Welcome by the kiosk (no reload, crash or restart)',
  tokensInLogs: 'an MIS token found in the kiosk logs or console',
};

export type InvariantCounts = Record<InvariantName, number>;

/** Visits still Active that one patient holds more than once for the same referral (or doctor without one). */
function doubleKey(t: MisTicket): string {
  return `${t.personGuid}|${t.directionGuid ?? `self:${t.resourceGuid}`}`;
}

export function checkInvariants(ledger: Ledger): { counts: InvariantCounts; breaches: Breach[] } {
  const breaches: Breach[] = [];
  const add = (invariant: InvariantName, session: number | null, detail: string) => breaches.push({ invariant, session, detail });
  for (const s of ledger.sessions) {
    const shown = new Map(s.shown.map((t) => [t.ticketGuid, t]));
    for (const v of s.misCreated) {
      if (shown.has(v.ticketGuid)) continue;
      if (s.listedLater[v.ticketGuid]) continue;
      // Gone before anyone could show it: cancelled by someone (not held by the patient any more).
      if (v.status === 'Cancelled' && !(v.ticketGuid in s.listedLater)) continue;
      add('undelivered', s.index, `visit ${v.ticketGuid} (${v.date} ${v.time}) made for ${s.patient}, not shown${s.unshownReason ? ` (${s.unshownReason})` : ''}, not in «Мои записи»`);
    }
    // More new visits than intents, or two live visits on one referral.
    const live = s.misCreated.filter((v) => v.status !== 'Cancelled');
    if (live.length > Math.max(s.intents, 0)) add('doubleBookings', s.index, `${live.length} live visits made for ${s.intents} booking(s)`);
    const byKey = new Map<string, number>();
    for (const v of live) byKey.set(doubleKey(v), (byKey.get(doubleKey(v)) ?? 0) + 1);
    for (const [k, n] of byKey) if (n > 1 && live.length <= s.intents) add('doubleBookings', s.index, `${n} live visits on ${k}`);
    for (const t of s.shown) {
      const v = s.misCreated.find((x) => x.ticketGuid === t.ticketGuid);
      if (!v) continue;
      if ((t.time !== null && t.time !== v.time) || (t.date !== null && t.date !== v.date)) {
        add('wrongTimeShown', s.index, `ticket ${t.ticketGuid}: shown ${t.date ?? '?'} ${t.time ?? '?'}, MIS ${v.date} ${v.time}`);
      }
    }
    if (s.via === 'screens' && !s.returnedToWelcome) add('stuckScreens', s.index, `${s.kind}: not on Welcome within ${Math.round(s.boundMs / 1000)} s of its end`);
    if (s.errorBoundary > 0) add('blankScreens', s.index, `${s.errorBoundary} calm error screen(s) during ${s.kind}`);
    if (s.outcome === 'kicked-out') add('kickedOut', s.index, `${s.kind}: Welcome came while the patient was at it${s.faults.length ? ` (${s.faults.join(', ')})` : ''}`);
  }
  const originals = new Map<string, number>();
  const copies = new Map<string, number>();
  for (const p of ledger.prints) {
    if (p.summary) continue;
    const m = p.copy ? copies : originals;
    m.set(p.ticketGuid, (m.get(p.ticketGuid) ?? 0) + 1);
  }
  for (const [guid, n] of originals) if (n > 1) add('unmarkedSecondOriginals', null, `ticket ${guid}: ${n} unmarked slips`);
  for (const [guid, n] of copies) if (n > ledger.reprintLimit) add('extraCopies', null, `ticket ${guid}: ${n} copies, limit ${ledger.reprintLimit}`);
  for (const s of ledger.sessions) {
    if (!s.printerOk) continue;
    for (const t of s.shown) {
      if (!s.misCreated.some((v) => v.ticketGuid === t.ticketGuid)) continue;
      if (!originals.has(t.ticketGuid)) add('unprinted', s.index, `ticket ${t.ticketGuid} shown with the printer ready, never printed`);
    }
  }
  // The boundary reports each catch to the log; the screens' own count can only be lower.
  const seen = ledger.sessions.reduce((n, s) => n + s.errorBoundary, 0);
  if (ledger.rendererErrorsInLogs > seen) add('blankScreens', null, `${ledger.rendererErrorsInLogs - seen} renderer.error line(s) in the logs no session saw`);
  if (ledger.tokensInLogs > 0) add('tokensInLogs', null, `${ledger.tokensInLogs} MIS token(s) in the kiosk logs`);
  const counts = Object.fromEntries(INVARIANTS.map((k) => [k, 0])) as InvariantCounts;
  for (const b of breaches) counts[b.invariant] += 1;
  return { counts, breaches };
}

/** The new and the cancelled visits between two reads of the MIS, the kiosk's only. */
export function diffMis(before: readonly MisTicket[], after: readonly MisTicket[]): { created: MisTicket[]; cancelled: string[] } {
  const was = new Map(before.map((t) => [t.ticketGuid, t]));
  const created = after.filter((t) => !was.has(t.ticketGuid) && t.source === 'Infomat');
  const cancelled = after.filter((t) => t.status === 'Cancelled' && was.get(t.ticketGuid)?.status === 'Active').map((t) => t.ticketGuid);
  return { created, cancelled };
}

/** A printed slip as the virtual printer decoded it: which ticket (its QR), and whether a copy. */
export function readSlip(text: string): { ticketGuid: string | null; copy: boolean; summary: boolean } {
  const qr = /\[QR: ([0-9a-f-]{36})\]/i.exec(text);
  const copy = /ПОВТОРНАЯ ПЕЧАТЬ|\bREPRINT\b/.test(text);
  return { ticketGuid: qr ? qr[1]!.toLowerCase() : null, copy, summary: !qr };
}

/**
 * The printer's jobs read with one cursor for the whole run: each job is entered once, under the
 * session being read when it is first seen, so a slip that lands after its session has ended
 * (the first of a run can) counts with the next session's instead of being skipped.
 */
export function printedSlips(jobs: () => ReadonlyArray<{ text: string }>, into: PrintRecord[]): (session: number) => void {
  let read = 0;
  return (session) => {
    const fresh = jobs().slice(read);
    read += fresh.length;
    for (const job of fresh) {
      const slip = readSlip(job.text);
      if (slip.ticketGuid || slip.summary) into.push({ ticketGuid: slip.ticketGuid ?? '', copy: slip.copy, summary: slip.summary, session });
    }
  };
}
