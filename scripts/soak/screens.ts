// Sessions through the screens: a patient at the kiosk, tap by tap, from Welcome back to
// Welcome. Every happy path (a referral with and without the clinic step, a doctor without a
// referral, «Мои записи»: look, print, cancel, print all), the error patients P2–P7, walk-aways
// that the idle countdown (or the ticket's countdown) ends, and double taps. The kiosk's timers
// run on the page's clock (Playwright's, installed by the runner), so a walk-away is fast-forwarded
// instead of waited out; taps and bridge calls run in real time.
import type { Page } from '@playwright/test';
import type { FaultPoint } from './faults';
import type { PageEl, PageGlobal } from './page-types';
import type { ShownTicket } from './ledger';
import { Interrupted, attr, doubleTap, firstEnabled, mustTap, tap, tapFirst, tapKeys, text, waitAny } from './taps';
import type { PatientKey, PlannedSession } from './traffic';

export const PATIENTS: Record<PatientKey, { policy: string; day: string; month: string; year: string; referral: string | null }> = {
  P1: { policy: '5000000000000001', day: '15', month: '01', year: '1980', referral: null },
  P2: { policy: '5000000000000002', day: '03', month: '03', year: '1975', referral: null },
  P3: { policy: '5000000000000003', day: '07', month: '07', year: '1990', referral: null },
  P4: { policy: '5000000000000004', day: '05', month: '05', year: '1985', referral: '401' },
  P5: { policy: '5000000000000005', day: '09', month: '09', year: '2015', referral: '501' },
  P6: { policy: '5000000000000006', day: '12', month: '12', year: '1970', referral: '601' },
  P7: { policy: '5000000000000007', day: '02', month: '02', year: '1982', referral: '701' },
};
export const REF = (n: string): string => `5b0c8f0e-0000-4000-8000-000000000${n}`;
/** P1's referrals: one clinic (D1), and two with a clinic to choose (D1twoClinics, D1withOffline). */
export const P1_ONE_CLINIC = ['101'];
export const P1_CLINIC_STEP = ['105', '106'];

export interface ScreenTimings {
  /** «Вы ещё здесь?» after this long without a touch (config `idle.seconds`). */
  idleSeconds: number;
  /** The same where the patient types: Identify (config `idle.typingSeconds`). */
  typingIdleSeconds: number;
  /** The question's countdown before Welcome (config `idle.countdownSeconds`). */
  countdownSeconds: number;
  /** The ticket's own countdown back to Welcome once the slip is out (`idle.ticketSeconds`)… */
  ticketSeconds: number;
  /** …and when it did not print (`idle.ticketUnprintedSeconds`: time to copy the number). */
  ticketUnprintedSeconds: number;
  /** The tremor guards the kiosk runs with (`touch.*`): the patient's pace between taps. */
  repeatGuardMs: number;
  pickerGuardMs: number;
  spillGuardMs: number;
  /** Longest a booking may keep the patient waiting (timeout + reconciliation). */
  bookingWaitMs: number;
  /** How long Welcome may keep «Записаться» greyed after the MIS is back (a health cycle). */
  healthMs: number;
}

export interface FlowHooks {
  /** The runner's faults for this point of the flow; may throw Interrupted. */
  at(point: FaultPoint): Promise<void>;
  /** Page clock: fast-forwards the kiosk's timers (a patient who walked away). */
  fastForward(ms: number): Promise<void>;
  /** The kiosk page now (another one after the kiosk process or its Chromium was replaced). */
  page(): Page;
}

export interface ScreenResult {
  outcome: string;
  intents: number;
  shown: ShownTicket[];
  /** Ticket numbers and date text on the ticket screen (matched to guids by the runner). */
  screens: Array<{ number: string; datetime: string }>;
  returnedToWelcome: boolean;
  welcomeMs: number | null;
  boundMs: number;
  errorBoundary: number;
  notes: string[];
}

const MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

/** «Пятница, 27 ноября, 09:00» → day, month, time as the patient reads them. */
export function readTicketDateTime(s: string): { day: number; month: number; time: string } | null {
  const t = /(\d{2}):(\d{2})/.exec(s);
  const d = new RegExp(`(\\d{1,2})\\s+(${MONTHS.join('|')})`).exec(s);
  if (!t || !d) return null;
  return { day: Number(d[1]), month: MONTHS.indexOf(d[2]!) + 1, time: `${t[1]}:${t[2]}` };
}

class Flow {
  readonly notes: string[] = [];
  readonly screens: Array<{ number: string; datetime: string }> = [];
  errorBoundary = 0;
  outcome = 'unknown';
  /** The slip's last state on the ticket screen (`print-status` data-state). */
  printState: string | null = null;
  /** `SOAK_TRACE=1`: each screen and when it came, ms from the session's start. */
  readonly trace: string[] = [];
  private readonly t0 = Date.now();

  constructor(
    readonly page: Page,
    readonly s: PlannedSession,
    readonly t: ScreenTimings,
    readonly hooks: FlowHooks,
  ) {}

  /** Waits for the next screen; an error panel or the calm crash screen ends the flow. */
  async expect(ids: readonly string[], timeoutMs = 15_000): Promise<string> {
    const got = await waitAny(this.page, [...ids, 'error-panel', ...(ids.includes('screen-welcome') ? [] : ['screen-welcome'])], timeoutMs);
    if (got === 'screen-welcome' && !ids.includes('screen-welcome')) {
      // Back on Welcome while the patient was still at it: the kiosk ended the session.
      this.outcome = 'kicked-out';
      throw new Ended();
    }
    if (process.env.SOAK_TRACE) this.trace.push(`${got}@${Date.now() - this.t0}`);
    if (got === 'screen-crash') {
      this.errorBoundary += 1;
      this.outcome = 'crash-screen';
      throw new Interrupted('calm error screen');
    }
    if (got === 'error-panel') {
      const msg = (await text(this.page, 'error-message')) ?? '';
      const step = (await attr(this.page, 'error-panel', 'data-step')) ?? '';
      this.outcome = `error:${step || 'unknown'}`;
      this.notes.push(msg.slice(0, 80));
      throw new Ended();
    }
    if (!got) throw new Interrupted(`none of ${ids.join(', ')} within ${timeoutMs} ms`);
    return got;
  }

  async start(button: 'start' | 'start-self' | 'start-appointments'): Promise<void> {
    const welcome = await waitAny(this.page, ['screen-welcome'], 5_000);
    if (welcome !== 'screen-welcome') throw new Interrupted('not on Welcome at the start');
    // While the MIS is down Welcome greys «Записаться»; a patient waits a moment, then leaves.
    const ok = this.s.doubleTapOn === 'start' && this.s.kind === 'double-tap' ? await doubleTap(this.page, button, 90) : await tap(this.page, button, this.t.healthMs);
    if (!ok) {
      this.outcome = 'blocked';
      throw new Ended();
    }
  }

  async identify(who: PatientKey): Promise<void> {
    const p = PATIENTS[who];
    await this.expect(['screen-identify']);
    await this.hooks.at('identify');
    // A hand's pace, on the page's clock (fast-forwarded, not waited out): the same key again
    // after the tremor guard, the day after the policy's spill guard, a month once the picker
    // takes touches. Taps quicker than that are the guards' business (and tremor.spec's).
    const pause = (ms: number) => (ms > 0 ? this.hooks.fastForward(ms + 30) : Promise.resolve());
    const pace = (prev: string | null, next: string) => (prev === next ? pause(this.t.repeatGuardMs) : Promise.resolve());
    await mustTap(this.page, 'field-policy');
    await tapKeys(this.page, [...p.policy].map((d) => `key-${d}`), pace);
    await pause(this.t.spillGuardMs);
    await mustTap(this.page, 'field-birth-day');
    await tapKeys(this.page, [...p.day].map((d) => `key-${d}`), pace);
    await mustTap(this.page, 'field-birth-month');
    await pause(this.t.pickerGuardMs);
    await mustTap(this.page, `month-${p.month}`);
    await mustTap(this.page, 'field-birth-year');
    await tapKeys(this.page, [...p.year].map((d) => `key-${d}`), pace);
    if (this.s.walkAwayAt === 'identify') throw new WalkAway();
    await mustTap(this.page, 'identify-submit');
  }

  /** From the referral list to Confirm: the referral, a clinic if asked, the first doctor, day and time. */
  async toConfirm(referral: string | null): Promise<void> {
    if (referral) {
      await this.expect(['screen-referrals']);
      if (this.s.walkAwayAt === 'referrals') throw new WalkAway();
      const id = `referral-${REF(referral)}`;
      if (!(await this.tapMaybeTwice(id, 'referral'))) {
        this.outcome = 'no-bookable-referral';
        throw new Ended();
      }
      const next = await this.expect(['screen-clinics', 'screen-resources']);
      if (next === 'screen-clinics') {
        const clinic = await firstEnabled(this.page, 'clinic-');
        if (!clinic) {
          this.outcome = 'no-clinic';
          throw new Ended();
        }
        await mustTap(this.page, clinic);
        await this.expect(['screen-resources']);
      }
    } else {
      await this.expect(['screen-specialities']);
      if (this.s.walkAwayAt === 'referrals') throw new WalkAway();
      const spec = await firstEnabled(this.page, 'speciality-');
      if (!spec) {
        this.outcome = 'no-speciality';
        throw new Ended();
      }
      await mustTap(this.page, spec);
      await this.expect(['screen-resources']);
    }
    await this.hooks.at('choosing');
    if (this.s.walkAwayAt === 'resources') throw new WalkAway();
    const resource = await firstEnabled(this.page, 'resource-', 3_000);
    if (!resource) {
      this.outcome = 'no-slots';
      throw new Ended();
    }
    await mustTap(this.page, resource);
    await this.expect(['screen-days']);
    if (this.s.walkAwayAt === 'days') throw new WalkAway();
    const day = await firstEnabled(this.page, 'day-', 3_000);
    if (!day) {
      this.outcome = 'no-days';
      throw new Ended();
    }
    await mustTap(this.page, day);
    await this.expect(['screen-times']);
    if (this.s.walkAwayAt === 'times') throw new WalkAway();
    const time = await firstEnabled(this.page, 'time-', 3_000);
    if (!time) {
      this.outcome = 'no-times';
      throw new Ended();
    }
    await this.tapMaybeTwice(time, 'time');
    await this.expect(['screen-confirm']);
    if (this.s.walkAwayAt === 'confirm') throw new WalkAway();
  }

  private async tapMaybeTwice(id: string, on: PlannedSession['doubleTapOn']): Promise<boolean> {
    if (this.s.kind === 'double-tap' && this.s.doubleTapOn === on) return doubleTap(this.page, id, 60 + ((this.s.index * 37) % 120));
    return tap(this.page, id, 5_000);
  }

  /** «Записаться», then the ticket (or the error), the slip, maybe one reprint. */
  async book(): Promise<void> {
    if (!(await this.tapMaybeTwice('confirm-book', 'confirm'))) throw new Interrupted('«Записаться» never tappable');
    await this.hooks.at('booking');
    await this.expect(['screen-ticket'], this.t.bookingWaitMs);
    this.outcome = 'ticket';
    const number = (await text(this.page, 'ticket-number')) ?? '';
    const datetime = (await text(this.page, 'ticket-datetime')) ?? '';
    this.screens.push({ number, datetime });
    const printed = await this.printSettled();
    this.printState = printed;
    if (process.env.SOAK_TRACE) this.trace.push(`print:${printed}@${Date.now() - this.t0}`);
    await this.hooks.at('ticket');
    if (this.s.reprint || (this.s.kind === 'double-tap' && this.s.doubleTapOn === 'reprint')) {
      if (await this.tapMaybeTwice('reprint', 'reprint')) this.printState = await this.printSettled();
    }
    if (this.s.walkAwayAt === 'ticket') throw new WalkAway();
    if (!(await this.tapMaybeTwice('done', 'done'))) throw new Interrupted('«Готово» never tappable');
    if (process.env.SOAK_TRACE) this.trace.push(`done@${Date.now() - this.t0}`);
  }

  /** Waits until the slip is printed or the screen says why not (at most 15 s). */
  async printSettled(): Promise<string | null> {
    const until = Date.now() + 15_000;
    for (;;) {
      const state = await attr(this.page, 'print-status', 'data-state');
      if (state && state !== 'printing') return state;
      if (Date.now() > until) return state;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async appointments(): Promise<void> {
    await this.expect(['screen-appointments']);
    this.outcome = 'appointments';
    await this.hooks.at('choosing');
    const first = await firstEnabled(this.page, 'appointment-', 2_000);
    const guid = first?.slice('appointment-'.length) ?? null;
    if (this.s.action === 'print' && guid) {
      await mustTap(this.page, `print-${guid}`);
      const until = Date.now() + 15_000;
      while (Date.now() < until && (await attr(this.page, `print-state-${guid}`, 'data-state')) === 'printing') await new Promise((r) => setTimeout(r, 100));
      this.outcome = 'appointments:print';
    } else if (this.s.action === 'cancel' && guid) {
      await mustTap(this.page, `cancel-${guid}`);
      await this.expect(['cancel-dialog']);
      await mustTap(this.page, 'cancel-confirm');
      const got = await waitAny(this.page, ['cancel-notice', 'error-panel'], 15_000);
      this.outcome = got === 'cancel-notice' ? 'appointments:cancel' : `appointments:cancel-${got ?? 'no-answer'}`;
    } else if (this.s.action === 'print-all') {
      if (await tap(this.page, 'print-all', 2_000)) {
        const until = Date.now() + 15_000;
        while (Date.now() < until && (await attr(this.page, 'print-all-state', 'data-state')) === 'printing') await new Promise((r) => setTimeout(r, 100));
        this.outcome = 'appointments:print-all';
      }
    }
  }

  /** Leaves: the error panel's «Начать заново», or the header's (which asks first: «Да, начать заново»). */
  async finish(): Promise<void> {
    let tapped = await tapFirst(this.page, ['error-finish', 'error-start-over', 'nav-restart', 'done', '[data-testid="error-panel"] button'], 5_000);
    // A panel with only ways forward (another doctor, the referrals): the patient takes the
    // first, then leaves with «Начать заново».
    // A tap can land as the next screen replaces the one it was meant for (its tap guard takes
    // it: «Мои записи» loading from the error panel): nothing happens, and the patient taps again.
    for (let again = 0; tapped === '[data-testid="error-panel"] button' || (tapped === 'nav-restart' && again > 0); again++) {
      tapped = await tapFirst(this.page, ['nav-restart', 'error-finish', 'error-start-over'], 5_000);
      if (tapped !== 'nav-restart' || again >= 2) break;
      if (await waitAny(this.page, ['restart-dialog', 'screen-welcome'], 1_500)) break;
      this.notes.push('«Начать заново» tapped again');
    }
    if (tapped === 'nav-restart') await tap(this.page, 'restart-confirm', 5_000);
  }
}

/** The screens and dialogs shown now (their data-testid), e.g. «screen-resources, restart-dialog». */
async function onScreen(page: Page): Promise<string> {
  return page
    .evaluate(() => {
      const w = globalThis as unknown as PageGlobal;
      const els: PageEl[] = [...w.document.querySelectorAll('[data-testid^="screen-"], [role="dialog"], [role="alertdialog"]')];
      return els.filter((e) => e.getClientRects().length > 0 && !e.closest('[data-prerendered]')).map((e) => e.getAttribute('data-testid') ?? e.getAttribute('role')).join(', ') || 'nothing';
    })
    .catch((err: unknown) => `unknown (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
}

class Ended extends Error {}
class WalkAway extends Error {}

/** One patient at the screens. Faults at the flow's points come from `hooks.at`. */
export async function runScreenSession(page: Page, s: PlannedSession, t: ScreenTimings, hooks: FlowHooks): Promise<ScreenResult & { interrupted: string | null }> {
  const f = new Flow(page, s, t, hooks);
  const intents = s.kind === 'appointments' || (s.kind === 'error' && (s.patient === 'P2' || s.patient === 'P3')) ? 0 : 1;
  let interrupted: string | null = null;
  let walked = false;
  try {
    const button = s.kind === 'self' ? 'start-self' : s.kind === 'appointments' ? 'start-appointments' : 'start';
    await f.start(button);
    await f.identify(s.patient);
    if (s.kind === 'appointments') {
      await f.appointments();
      await f.finish();
    } else {
      const referral =
        s.kind === 'self' ? null : s.patient !== 'P1' ? PATIENTS[s.patient].referral : s.kind === 'book-clinic' ? P1_CLINIC_STEP[s.index % 2]! : P1_ONE_CLINIC[0]!;
      await f.toConfirm(referral);
      await f.book();
    }
  } catch (err) {
    if (err instanceof WalkAway) {
      walked = true;
      f.outcome = f.outcome === 'ticket' ? 'ticket:walked-away' : `walked-away:${s.walkAwayAt}`;
    } else if (err instanceof Ended) {
      // Nothing to leave: Welcome came by itself, or the patient never got past a greyed Welcome.
      if (f.outcome !== 'kicked-out' && f.outcome !== 'blocked') await f.finish().catch(() => undefined);
    } else if (err instanceof Interrupted) {
      interrupted = err.why;
      if (f.outcome === 'unknown') f.outcome = `interrupted:${err.why}`;
    } else {
      interrupted = err instanceof Error ? err.message.split('\n')[0]! : String(err);
      if (f.outcome === 'unknown') f.outcome = 'interrupted';
    }
  }
  // Back to Welcome: at once after «Готово»/«Начать заново»; after the idle countdown (or the
  // ticket's) for a patient who walked away — those timers are fast-forwarded on the page.
  let boundMs = 5_000;
  const started = Date.now();
  let returned = false;
  try {
    if (walked) {
      const ticket = f.outcome.startsWith('ticket');
      // The bound that applies: the ticket's (longer with no slip), or the idle question's
      // (longer where the patient types) and its countdown.
      const slipOut = f.printState === 'printed' || f.printState === 'uncertain';
      const idle = s.walkAwayAt === 'identify' ? t.typingIdleSeconds : t.idleSeconds;
      const virtual = ticket ? ((slipOut ? t.ticketSeconds : t.ticketUnprintedSeconds) + 1) * 1000 : (idle + t.countdownSeconds + 1) * 1000;
      boundMs = virtual;
      await hooks.fastForward(virtual);
    }
    const got = await waitAny(hooks.page(), ['screen-welcome'], walked ? 5_000 : interrupted ? 20_000 : 8_000);
    if (got === 'screen-crash') f.errorBoundary += 1;
    returned = got === 'screen-welcome';
    // What the patient left on the glass: the screen and any dialog over it, for the breach's line.
    if (!returned) f.notes.push(`left on screen: ${await onScreen(hooks.page())}`);
  } catch (err) {
    f.notes.push(`welcome check: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  return {
    outcome: f.outcome,
    intents,
    shown: [],
    screens: f.screens,
    returnedToWelcome: returned,
    welcomeMs: returned ? Date.now() - started : null,
    boundMs,
    errorBoundary: f.errorBoundary,
    notes: process.env.SOAK_TRACE ? [...f.notes, f.trace.join(' ')] : f.notes,
    interrupted,
  };
}
