// Everything the simulator remembers between requests: issued tokens, tickets, taken cells,
// referral statuses and the test hooks. All mutations are synchronous so that a check and the
// change it guards can never be separated by another request.
import { randomBytes, randomUUID } from 'node:crypto';
import { addDays, clinicInstant, clinicYmd, type Clock } from './clock';
import { cellsOf, type Cell } from './schedule';
import {
  CLIENT_APPS,
  CLINICS,
  PERSONS,
  REFERRALS,
  RESOURCES,
  SEED_TICKETS,
  type ClientApp,
  type Clinic,
  type DirectionStatus,
  type Person,
  type ReferralSeed,
  type Resource,
} from './seed-data';

export interface TokenRecord {
  token: string;
  personGuid: string;
  app: ClientApp;
  issuedAt: number;
  expiresAt: number;
  /** Set by the expire-tokens hook. */
  forcedExpired: boolean;
}

export interface HistoryEntry {
  element: string;
  elementGuid: string;
  oldValue: string;
  newValue: string;
  editor: string;
  date: number;
  client: { mnem: string; name: string; description: string };
}

export type TicketStatus = 'Active' | 'Cancelled' | 'Visited';

export interface TicketRecord {
  ticketGuid: string;
  personGuid: string;
  lpuGuid: string;
  resourceGuid: string;
  cell: Cell;
  num: string;
  status: TicketStatus;
  createdAt: number;
  directionGuid: string | null;
  sourceName: string;
  sourceCode: number;
  login: string;
  history: HistoryEntry[];
}

export interface ReferralRecord {
  seed: ReferralSeed;
  /** Clinic dates (YYYY-MM-DD). */
  date: string;
  dateEnd: string;
  stored: 'Active' | 'Booked' | 'Used' | 'Cancelled';
  ticketGuid: string | null;
}

export interface HookRule {
  path: string | null;
  method: string | null;
  times: number;
}
export interface FailRule extends HookRule {
  code: string;
}
export interface DelayRule extends HookRule {
  ms: number;
}

/** A waiting-list request (PROPOSED `POST /api/v2/waitinglist/{lpuGuid}`); kept in memory only. */
export interface WaitingRecord {
  id: string;
  personGuid: string;
  lpuGuid: string;
  /** The speciality waited for (named by the request, or the referral's). */
  speciality: string;
  specialityCode: string | null;
  directionGuid: string | null;
  /** Personal data: answered by the test hook only, never written to the console. */
  phone: string;
  reason: 'noSlots' | 'noConvenientTime';
  createdAt: number;
}

export type SlotStatus = 'Available' | 'Booked' | 'Expired' | 'Unauthorized' | 'Unavailable' | 'UnavailableWithMessage';

export const clinicByGuid = (guid: string): Clinic | undefined =>
  CLINICS.find((c) => c.guid.toLowerCase() === guid.toLowerCase());
export const resourceByGuid = (guid: string): Resource | undefined =>
  RESOURCES.find((r) => r.guid.toLowerCase() === guid.toLowerCase());
export const personByGuid = (guid: string): Person | undefined => PERSONS.find((p) => p.guid === guid);
export const appByGuid = (guid: string): ClientApp | undefined =>
  CLIENT_APPS.find((a) => a.guid.toLowerCase() === guid.toLowerCase());

export const fullName = (p: Person): string => `${p.lastName} ${p.firstName} ${p.middleName}`;

export class SimState {
  tokens = new Map<string, TokenRecord>();
  tickets = new Map<string, TicketRecord>();
  referrals = new Map<string, ReferralRecord>();
  /** timeTableGuid → who holds it. Overrides the generated state of the cell. */
  taken = new Map<string, { ticketGuid: string | null; source: string }>();
  waitingList: WaitingRecord[] = [];
  failRules: FailRule[] = [];
  delayRules: DelayRule[] = [];
  cancelBan = false;

  constructor(private readonly clock: Clock) {
    this.reset();
  }

  now(): number {
    return this.clock.now();
  }

  today(): string {
    return clinicYmd(this.clock.now());
  }

  reset(): void {
    this.tokens.clear();
    this.tickets.clear();
    this.referrals.clear();
    this.taken.clear();
    this.waitingList = [];
    this.failRules = [];
    this.delayRules = [];
    this.cancelBan = false;
    this.unavailableDays.clear();
    this.pascalCase = false;
    const today = this.today();
    for (const seed of REFERRALS) {
      const date = addDays(today, -seed.issuedDaysAgo);
      this.referrals.set(seed.guid.toLowerCase(), {
        seed,
        date,
        dateEnd: addDays(date, seed.validDays),
        stored: seed.status,
        ticketGuid: null,
      });
    }
    for (const t of SEED_TICKETS) this.seedTicket(t.personGuid, t.resourceGuid, t.directionGuid, t.notBefore, t.sourceApp);
  }

  private seedTicket(
    personGuid: string,
    resourceGuid: string,
    directionGuid: string | null,
    notBefore: string,
    source: 'Registry' | 'Internet',
  ): void {
    const resource = resourceByGuid(resourceGuid);
    if (!resource) throw new Error(`seed ticket: unknown resource ${resourceGuid}`);
    const today = this.today();
    for (let d = 1; d <= 14; d++) {
      const cell = cellsOf(resource, addDays(today, d)).find(
        (c) => c.time >= notBefore && !c.prebooked && (c.rights & 40) !== 0,
      );
      if (!cell) continue;
      const app = source === 'Internet' ? CLIENT_APPS.find((a) => a.name === 'Internet') : undefined;
      const createdAt = this.now() - 2 * 86_400_000;
      const ticket = this.createTicket(personGuid, resource, cell, directionGuid, createdAt, {
        sourceName: app ? app.name : 'Registry',
        sourceCode: app ? app.sourceCode : 4,
        login: app ? 'SuperPatient' : 'registrator01',
        clientName: app ? app.displayName : 'Регистратура',
      });
      if (directionGuid) {
        const ref = this.referrals.get(directionGuid.toLowerCase());
        if (ref) {
          ref.stored = 'Booked';
          ref.ticketGuid = ticket.ticketGuid;
        }
      }
      return;
    }
    throw new Error(`seed ticket: no free cell for ${resourceGuid}`);
  }

  createTicket(
    personGuid: string,
    resource: Resource,
    cell: Cell,
    directionGuid: string | null,
    createdAt: number,
    src: { sourceName: string; sourceCode: number; login: string; clientName: string },
  ): TicketRecord {
    const ticket: TicketRecord = {
      ticketGuid: randomUUID(),
      personGuid,
      lpuGuid: resource.lpuGuid,
      resourceGuid: resource.guid,
      cell,
      num: `${resource.ticketPrefix}.${String(cell.index + 1).padStart(2, '0')}`,
      status: 'Active',
      createdAt,
      directionGuid,
      sourceName: src.sourceName,
      sourceCode: src.sourceCode,
      login: src.login,
      history: [
        {
          element: '',
          elementGuid: '00000000-0000-0000-0000-000000000000',
          oldValue: '',
          newValue: '',
          editor: src.login,
          date: createdAt,
          client: { mnem: src.sourceName, name: src.clientName, description: '' },
        },
      ],
    };
    this.tickets.set(ticket.ticketGuid, ticket);
    this.taken.set(cell.timeTableGuid, { ticketGuid: ticket.ticketGuid, source: src.sourceName });
    return ticket;
  }

  // ---------- tokens ----------

  issueToken(personGuid: string, app: ClientApp, ttlSeconds: number): TokenRecord {
    const issuedAt = this.now();
    const rec: TokenRecord = {
      token: randomBytes(24).toString('base64url'),
      personGuid,
      app,
      issuedAt,
      expiresAt: issuedAt + ttlSeconds * 1000,
      forcedExpired: false,
    };
    this.tokens.set(rec.token, rec);
    return rec;
  }

  expireAllTokens(): number {
    for (const t of this.tokens.values()) t.forcedExpired = true;
    return this.tokens.size;
  }

  // ---------- referrals ----------

  referralStatus(ref: ReferralRecord): DirectionStatus {
    if (ref.stored === 'Active' && ref.dateEnd < this.today()) return 'Expired';
    return ref.stored;
  }

  referralsOf(personGuid: string): ReferralRecord[] {
    return [...this.referrals.values()].filter((r) => r.seed.personGuid === personGuid);
  }

  // ---------- cells ----------

  /** Last bookable date for an app: today + scheduleDays − 1. */
  lastDay(app: ClientApp): string {
    return addDays(this.today(), app.scheduleDays - 1);
  }

  /** `resourceGuid|date` → the message of a day closed with UnavailableWithMessage (hook). */
  unavailableDays = new Map<string, string>();
  /** Answer every JSON body in PascalCase, as the vendor's tables are written (hook). */
  pascalCase = false;

  cellStatus(cell: Cell, access: number): { status: SlotStatus; bookingSource: string | null; message?: string } {
    if (clinicInstant(cell.date, cell.time) <= this.now()) return { status: 'Expired', bookingSource: null };
    const closed = this.unavailableDays.get(`${cell.resourceGuid.toLowerCase()}|${cell.date}`);
    if (closed) return { status: 'UnavailableWithMessage', bookingSource: null, message: closed };
    const holder = this.taken.get(cell.timeTableGuid);
    if (holder) return { status: 'Booked', bookingSource: holder.source };
    if (cell.prebooked) return { status: 'Booked', bookingSource: 'Registry' };
    if ((cell.rights & access) === 0) return { status: 'Unauthorized', bookingSource: null };
    return { status: 'Available', bookingSource: null };
  }

  /** Active future tickets of a person. */
  activeTicketsOf(personGuid: string): TicketRecord[] {
    const now = this.now();
    return [...this.tickets.values()].filter(
      (t) => t.personGuid === personGuid && t.status === 'Active' && clinicInstant(t.cell.date, t.cell.time) > now,
    );
  }

  // ---------- hooks ----------

  /** Consumes one use of the first matching rule. */
  takeRule<R extends HookRule>(rules: R[], method: string, path: string): R | undefined {
    const i = rules.findIndex(
      (r) =>
        (r.path === null || path.toLowerCase().startsWith(r.path.toLowerCase())) &&
        (r.method === null || r.method === method),
    );
    if (i < 0) return undefined;
    const rule = rules[i]!;
    rule.times -= 1;
    if (rule.times <= 0) rules.splice(i, 1);
    return rule;
  }
}
