import { describe, expect, it } from 'vitest';
import { checkInvariants, diffMis, INVARIANTS, printedSlips, readSlip, type Ledger, type MisTicket, type SessionRecord } from './ledger';

const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const visit = (n: number, extra: Partial<MisTicket> = {}): MisTicket => ({
  ticketGuid: G(n),
  personGuid: 'p1',
  lpuGuid: 'l',
  resourceGuid: 'r',
  date: '2027-03-26',
  time: '09:00',
  num: '214.01',
  status: 'Active',
  directionGuid: `d${n}`,
  source: 'Infomat',
  createdAt: '2027-03-25T08:00:00+03:00',
  ...extra,
});
const session = (i: number, extra: Partial<SessionRecord> = {}): SessionRecord => ({
  index: i,
  day: 0,
  via: 'screens',
  kind: 'book',
  patient: 'P1',
  faults: [],
  windows: [],
  outcome: 'ticket',
  intents: 1,
  misCreated: [visit(i)],
  misCancelled: [],
  shown: [{ ticketGuid: G(i), time: '09:00', date: '2027-03-26' }],
  listedLater: {},
  unshownReason: null,
  returnedToWelcome: true,
  welcomeMs: 10,
  boundMs: 5000,
  errorBoundary: 0,
  printerOk: true,
  durationMs: 4000,
  notes: [],
  ...extra,
});
const ledger = (sessions: SessionRecord[], extra: Partial<Ledger> = {}): Ledger => ({
  sessions,
  prints: sessions.flatMap((s) => s.shown.map((t) => ({ ticketGuid: t.ticketGuid, copy: false, summary: false, session: s.index }))),
  tokensInLogs: 0,
  rendererErrorsInLogs: 0,
  reprintLimit: 1,
  ...extra,
});

describe('the ledger invariants', () => {
  it('a clean month is all zeros', () => {
    const l = ledger([session(1), session(2, { via: 'bridge' }), session(3, { kind: 'error', intents: 1, misCreated: [], shown: [], outcome: 'error:registry' })]);
    const { counts, breaches } = checkInvariants(l);
    expect(breaches).toEqual([]);
    for (const k of INVARIANTS) expect(counts[k]).toBe(0);
  });

  it('a visit neither shown nor in «Мои записи» is undelivered; found there later, it is delivered', () => {
    const lost = session(1, { shown: [], listedLater: { [G(1)]: false }, unshownReason: 'host-restart' });
    const found = session(2, { shown: [], listedLater: { [G(2)]: true }, unshownReason: 'lost-answer' });
    const cancelledMeanwhile = session(3, { shown: [], misCreated: [visit(3, { status: 'Cancelled' })] });
    const l = ledger([lost, found, cancelledMeanwhile]);
    const { counts, breaches } = checkInvariants(l);
    expect(counts.undelivered).toBe(1);
    expect(breaches[0]).toMatchObject({ invariant: 'undelivered', session: 1 });
    expect(breaches[0]!.detail).toMatch(/host-restart/);
  });

  it('two live visits for one booking are a double booking, whatever was tapped', () => {
    const doubled = session(1, { kind: 'double-tap', misCreated: [visit(1), visit(9, { directionGuid: 'd1' })] });
    const { counts } = checkInvariants(ledger([doubled]));
    expect(counts.doubleBookings).toBe(1);
    // A reschedule-like pair where the old one was cancelled is not.
    const moved = session(2, { misCreated: [visit(2), visit(8, { status: 'Cancelled' })] });
    expect(checkInvariants(ledger([moved])).counts.doubleBookings).toBe(0);
  });

  it('a second unmarked slip, copies over the limit, and a ticket never printed are counted', () => {
    const s1 = session(1);
    const s2 = session(2);
    const l = ledger([s1, s2], {
      prints: [
        { ticketGuid: G(1), copy: false, summary: false, session: 1 },
        { ticketGuid: G(1), copy: false, summary: false, session: 5 },
        { ticketGuid: G(1), copy: true, summary: false, session: 5 },
        { ticketGuid: G(1), copy: true, summary: false, session: 6 },
        { ticketGuid: '', copy: false, summary: true, session: 7 },
      ],
    });
    const { counts } = checkInvariants(l);
    expect(counts.unmarkedSecondOriginals).toBe(1);
    expect(counts.extraCopies).toBe(1);
    expect(counts.unprinted).toBe(1);
    // With the paper out the missing slip is expected, not a breach.
    expect(checkInvariants(ledger([session(3, { printerOk: false })], { prints: [] })).counts.unprinted).toBe(0);
  });

  it('a wrong time on the ticket, a stuck or blank screen and a token in the logs are breaches', () => {
    const l = ledger(
      [
        session(1, { shown: [{ ticketGuid: G(1), time: '10:00', date: '2027-03-26' }] }),
        session(2, { returnedToWelcome: false }),
        session(3, { via: 'bridge', returnedToWelcome: false }),
        session(4, { errorBoundary: 1 }),
        session(5, { outcome: 'kicked-out', faults: ['clock-ntp'] }),
      ],
      { tokensInLogs: 2, rendererErrorsInLogs: 2 },
    );
    const { counts } = checkInvariants(l);
    expect(counts.wrongTimeShown).toBe(1);
    expect(counts.stuckScreens).toBe(1); // a bridge session has no screen to get stuck
    expect(counts.blankScreens).toBe(2); // the one seen, and one more only the log knows
    expect(counts.tokensInLogs).toBe(1);
    expect(counts.kickedOut).toBe(1);
  });

  it('diffs two reads of the MIS (the kiosk’s visits only) and reads slips', () => {
    const before = [visit(1), visit(2, { source: 'Internet' })];
    const after = [visit(1, { status: 'Cancelled' }), visit(2, { source: 'Internet' }), visit(3), visit(4, { source: 'Registry' })];
    expect(diffMis(before, after)).toEqual({ created: [visit(3)], cancelled: [G(1)] });
    expect(readSlip(`Талон на приём\n   [QR: ${G(5).toUpperCase()}]\n`)).toEqual({ ticketGuid: G(5), copy: false, summary: false });
    expect(readSlip(`ПОВТОРНАЯ ПЕЧАТЬ\n[QR: ${G(5)}]`)).toMatchObject({ copy: true });
    expect(readSlip(`REPRINT\n[QR: ${G(5)}]`)).toMatchObject({ copy: true });
    expect(readSlip('Ваши записи\n…')).toEqual({ ticketGuid: null, copy: false, summary: true });
  });
});

describe('the printer read with one cursor', () => {
  it('enters every job once, a late slip under the session that sees it', () => {
    const jobs: Array<{ text: string }> = [];
    const prints: Ledger['prints'] = [];
    const read = printedSlips(() => jobs, prints);
    read(0); // session 0 ends before its slip is out
    jobs.push({ text: `ТАЛОН\n[QR: ${G(1)}]` });
    read(1);
    jobs.push({ text: `ТАЛОН\nПОВТОРНАЯ ПЕЧАТЬ\n[QR: ${G(1)}]` }, { text: 'Ваши записи\n…' });
    read(2);
    read(3);
    expect(prints).toEqual([
      { ticketGuid: G(1), copy: false, summary: false, session: 1 },
      { ticketGuid: G(1), copy: true, summary: false, session: 2 },
      { ticketGuid: '', copy: false, summary: true, session: 2 },
    ]);
  });
});
