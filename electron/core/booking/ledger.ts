// What this patient's session booked and saw, kept apart from the token holder (PatientSession):
// the tickets as the screens saw them, so a slip is printed from exactly what was shown; the
// summaries the core made (all appointments, a waiting-list request); the names it listed (so
// a waiting-list slip can say what for, where); and the one booking that may be in flight.
// Cleared whenever the session ends: nothing of one patient is there for the next.
import type { ClinicRef, Ticket } from '../../common/bridge-contract';
import type { SlipSummary } from '../ports';

export class BookingLedger {
  readonly #tickets = new Map<string, Ticket>();
  readonly #summaries = new Map<string, SlipSummary>();
  /** What «Мои записи» listed last, in its order: what «Распечатать все записи» prints. */
  #listed: Ticket[] | null = null;
  readonly #clinics = new Map<string, ClinicRef>();
  readonly #names = new Map<string, string>();
  /** Tickets this session booked, and when: their slip is an original whatever the journal holds from before. */
  readonly #bookedAt = new Map<string, string>();
  readonly #printKeys = new Map<string, string>();
  #inFlight: Promise<unknown> | null = null;
  #inFlightKind: string | null = null;

  remember(ticket: Ticket, bookedAt?: string): void {
    this.#tickets.set(ticket.ticketGuid, ticket);
    this.#clinics.set(ticket.clinic.guid, ticket.clinic);
    if (bookedAt) this.#bookedAt.set(ticket.ticketGuid, bookedAt);
  }

  /** When this session booked the ticket (its attempt's start), if it did. */
  bookedAt(ticketGuid: string): string | undefined {
    return this.#bookedAt.get(ticketGuid);
  }

  /** The journal key chosen for a ticket's slip this session (see SlipMeta.printKey). */
  printKey(id: string): string | undefined {
    return this.#printKeys.get(id);
  }

  setPrintKey(id: string, key: string): void {
    this.#printKeys.set(id, key);
  }

  /** A ticket given up (cancelled, moved): no longer printed or moved from this session. */
  forget(ticketGuid: string): void {
    this.#tickets.delete(ticketGuid);
    if (this.#listed) this.#listed = this.#listed.filter((t) => t.ticketGuid !== ticketGuid);
  }

  ticket(ticketGuid: string): Ticket | undefined {
    return this.#tickets.get(ticketGuid);
  }

  /** «Мои записи» showed these: each may be printed, moved or cancelled, and all printed at once. */
  listed(tickets: readonly Ticket[]): void {
    for (const t of tickets) this.remember(t);
    this.#listed = [...tickets];
  }

  lastListed(): readonly Ticket[] | null {
    return this.#listed;
  }

  rememberSummary(summary: SlipSummary): void {
    this.#summaries.set(summary.id, summary);
  }

  summary(id: string): SlipSummary | undefined {
    return this.#summaries.get(id);
  }

  /** A clinic a screen listed (clinics, specialities, tickets), for the slips that name it. */
  rememberClinic(clinic: ClinicRef): void {
    this.#clinics.set(clinic.guid, clinic);
  }

  clinic(guid: string): ClinicRef | undefined {
    return this.#clinics.get(guid) ?? [...this.#clinics.values()].find((c) => c.guid.toLowerCase() === guid.toLowerCase());
  }

  /** What a speciality code or a referral GUID is called, as a screen listed it. */
  rememberName(key: string, name: string): void {
    if (name.trim()) this.#names.set(key.toLowerCase(), name.trim());
  }

  name(key: string): string | undefined {
    return this.#names.get(key.toLowerCase());
  }

  /**
   * One booking at a time per session: a second call of the same kind while one is pending (a
   * double tap, a second renderer) gets the first one's result instead of reaching the MIS
   * again; a call of another kind (a reschedule while a booking is pending) waits for the
   * first to settle, then runs.
   */
  once<T>(kind: string, run: () => Promise<T>): Promise<T> {
    const pending = this.#inFlight;
    if (pending && this.#inFlightKind === kind) return pending as Promise<T>;
    const start = pending ? pending.then(run, run) : run();
    const p = start.finally(() => {
      if (this.#inFlight === p) {
        this.#inFlight = null;
        this.#inFlightKind = null;
      }
    });
    this.#inFlight = p;
    this.#inFlightKind = kind;
    return p;
  }

  /**
   * Resolves once no booking is in flight (at once if none), or after `boundMs` at the latest:
   * what must not cut a booking short (a technician's entry) waits for its outcome first.
   */
  async settled(boundMs: number): Promise<void> {
    const p = this.#inFlight;
    if (!p) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([p.then(() => undefined, () => undefined), new Promise<void>((r) => (timer = setTimeout(r, boundMs)))]);
    clearTimeout(timer);
  }

  clear(): void {
    this.#tickets.clear();
    this.#summaries.clear();
    this.#clinics.clear();
    this.#names.clear();
    this.#listed = null;
    this.#bookedAt.clear();
    this.#printKeys.clear();
    this.#inFlight = null;
    this.#inFlightKind = null;
  }
}
