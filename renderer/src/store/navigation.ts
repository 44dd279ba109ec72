// Moving through the flow (flow.ts): entering a screen loads what it needs first, so the patient
// never sees a screen without its data; a screen with a single option is passed by with that
// option chosen; after fresh data (a time taken meanwhile) the patient's earlier choices are
// made again as far as they still hold. No other part of the store sets a flow screen.
import type { Envelope } from '../../../electron/common/bridge-contract';
import { NOTHING_CHOSEN } from './choices';
import { firstReferralScreen, flowContext, flowStep, nextScreen, previousScreen, type FlowContext } from './flow';
import type { StoreKit } from './kit';
import type { FlowData, FlowState, Intent, Screen } from './types';
import type { Resource, Ticket } from '../../../electron/common/bridge-contract';

/** The doctor of an appointment as a schedule would list them, when their schedule has nothing. */
function doctorOf(t: Ticket): Resource {
  const resType = t.resType === 'Room' || t.resType === 'Equipment' ? t.resType : 'Doctor';
  return { resourceGuid: t.resourceGuid ?? '', resType, name: t.doctorName, role: t.doctorRole, speciality: t.speciality, room: t.room, floor: t.floor, days: [] };
}

export interface EnterOptions {
  /**
   * Choose again what the patient had chosen (`from`: their choices before the fresh data),
   * screen by screen, as far as each choice is still offered, stopping at `upTo`.
   */
  resume?: { from: FlowContext; upTo: Screen };
}

/** Chooses an option on a screen and moves on; false when the option is not (or no longer) there. */
export type Chooser = (screen: Screen, id: string, opts: EnterOptions) => Promise<boolean>;

export interface Navigation {
  /** The data `to` needs as a state patch, read from `view`; shows nothing (identify asks in its own wait). */
  prepare(to: Screen, view: FlowState): Promise<Envelope<Partial<FlowData>>>;
  /** Shows `to` with its data in hand, passing it by when it has a single option. */
  land(to: Screen, patch: Partial<FlowData>, opts?: EnterOptions): Promise<void>;
  /** Loads what `to` needs (with `choice` applied) and shows it; a failure goes to the error panel with a retry. */
  enter(to: Screen, choice?: Partial<FlowData>, opts?: EnterOptions): Promise<void>;
  /** The patient chose on `from` (`choice`): on to the flow's next screen. */
  advance(from: Screen, choice: Partial<FlowData>, opts?: EnterOptions): Promise<void>;
  /** The flow's next screen after `from` for this patient. */
  next(from: Screen): Screen | null;
  /** The referral step afresh (a new list, or the number entry with what was typed kept). */
  toReferrals(): Promise<void>;
  /** Back to a screen the patient has seen, undoing what the flow says going back there undoes. */
  returnTo(screen: Screen): void;
  /** «Назад». */
  back(): void;
  setChooser(chooser: Chooser): void;
}

const ok = <T,>(value: T): Envelope<T> => ({ ok: true, value });
const mapOk = <A, B>(e: Envelope<A>, f: (a: A) => B): Envelope<B> => (e.ok ? ok(f(e.value)) : e);
const AFTER_CLINIC = { resource: null, day: null, slot: null } satisfies Partial<FlowData>;

export function createNavigation(kit: Omit<StoreKit, 'nav'>): Navigation {
  const { bridge, get, set, call, flow } = kit;
  let choose: Chooser = async () => false;

  type Loader = (v: FlowState) => Promise<Envelope<Partial<FlowData>>>;
  /** What each screen needs before it can be shown, for the patient's intent; none: it needs nothing. */
  const loaders: Partial<Record<Screen, (intent: Intent) => Loader | undefined>> = {
    referrals: () => async () => mapOk(await bridge.listReferrals({}), (referrals) => ({ referrals, ...NOTHING_CHOSEN })),
    specialities: () => async () => mapOk(await bridge.listSpecialities({}), (specialities) => ({ specialities, ...NOTHING_CHOSEN })),
    clinics: () => async (v) =>
      mapOk(await bridge.listClinics({ referralGuid: v.referral!.guid }), (clinics) => ({ clinics, clinic: null, resources: [], ...AFTER_CLINIC })),
    resources: (intent) =>
      intent === 'self'
        ? async (v) =>
            mapOk(await bridge.listSpecialitySchedule({ lpuGuid: v.speciality!.clinic.guid, specialityCode: v.speciality!.code }), (resources) => ({ resources, ...AFTER_CLINIC }))
        : async (v) => mapOk(await bridge.listSchedule({ referralGuid: v.referral!.guid, lpuGuid: v.clinic!.guid }), (resources) => ({ resources, ...AFTER_CLINIC })),
    // A new time with the same doctor: their free cells are the days to choose from.
    days: (intent) =>
      intent === 'reschedule'
        ? async (v) =>
            mapOk(await bridge.listDoctorSchedule({ lpuGuid: v.moving!.clinic.guid, resourceGuid: v.moving!.resourceGuid! }), (resources) => {
              const resource = resources[0] ?? { ...doctorOf(v.moving!), days: [] };
              return { resources: [resource], resource, day: null, slot: null };
            })
        : undefined,
    appointments: () => async () => mapOk(await bridge.listAppointments({}), (appointments) => ({ appointments, notice: null, allPrint: null })),
  };
  const loaderFor = (to: Screen, intent: Intent): Loader | undefined => loaders[to]?.(intent);

  const nav: Navigation = {
    async prepare(to, view) {
      const load = loaderFor(to, view.intent);
      return load ? load(view) : ok({ ...flowStep(to, flow())?.onEnter });
    },

    async land(to, patch, opts = {}) {
      const step = flowStep(to, flow());
      const only = step?.only?.(flowContext({ ...get(), ...patch })) ?? null;
      const again = opts.resume && opts.resume.upTo !== to ? (step?.chosen?.(opts.resume.from) ?? null) : null;
      // The usual case is one update: the screen and its data together, nothing in between.
      if (only === null && again === null) return set({ ...patch, screen: to });
      set(patch);
      if (only !== null && (await choose(to, only, opts))) return;
      if (again !== null && (await choose(to, again, opts))) return;
      set({ screen: to });
    },

    async enter(to, choice = {}, opts = {}) {
      if (!loaderFor(to, { ...get(), ...choice }.intent)) return nav.land(to, { ...flowStep(to, flow())?.onEnter, ...choice }, opts);
      const r = await call(() => nav.prepare(to, { ...get(), ...choice }));
      if (!r) return;
      if (!r.ok) return kit.fail(r.error, () => nav.enter(to, choice, opts));
      await nav.land(to, { ...choice, ...r.value }, opts);
    },

    advance(from, choice, opts) {
      const to = nav.next(from);
      return to ? nav.enter(to, choice, opts) : Promise.resolve();
    },

    next: (from) => nextScreen(from, flowContext(get()), flow()),

    toReferrals: () => nav.enter(firstReferralScreen(flowContext(get()).mode, flow())),

    returnTo(screen) {
      set({ ...flowStep(screen, flow())?.onBack, screen });
    },

    back() {
      // The answer being waited for would move the patient on: «Назад» waits for it too.
      if (get().busy) return;
      const { screen } = get();
      const to = previousScreen(screen, flowContext(get()), flow());
      if (to === null) return;
      if (to === 'welcome') return get().endSession();
      // Leaving the waiting-list form forgets what was typed there (the phone number included);
      // the schedule it was offered on is still in hand.
      if (screen === 'waitlist') {
        set({ waitlist: null, screen: to });
        return;
      }
      // From an aside («Мои записи») the referrals are read again: they may have changed.
      if (!flowStep(screen, flow())) return void nav.enter(to);
      // A flow whose home is outside it (a reschedule's is «Мои записи»): back there, read afresh.
      if (!flowStep(to, flow())) {
        set({ intent: 'appointments', moving: null, ...NOTHING_CHOSEN });
        return void nav.enter(to);
      }
      nav.returnTo(to);
    },

    setChooser(c) {
      choose = c;
    },
  };
  return nav;
}
