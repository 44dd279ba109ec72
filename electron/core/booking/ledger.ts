// What this patient's session booked, kept apart from the token holder (PatientSession): the
// tickets as the screens saw them, so a slip is printed from exactly what was shown, and the
// one booking that may be in flight. Cleared whenever the session ends.
import type { Ticket } from '../../common/bridge-contract';

export class BookingLedger {
  readonly #tickets = new Map<string, Ticket>();
  #inFlight: Promise<Ticket> | null = null;

  remember(ticket: Ticket): void {
    this.#tickets.set(ticket.ticketGuid, ticket);
  }

  ticket(ticketGuid: string): Ticket | undefined {
    return this.#tickets.get(ticketGuid);
  }

  /**
   * One booking at a time per session: a second `book` while one is pending (a double tap, a
   * second renderer) gets the first one's result instead of reaching the MIS again.
   */
  once(run: () => Promise<Ticket>): Promise<Ticket> {
    if (this.#inFlight) return this.#inFlight;
    const p = run().finally(() => {
      if (this.#inFlight === p) this.#inFlight = null;
    });
    this.#inFlight = p;
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
    this.#inFlight = null;
  }
}
