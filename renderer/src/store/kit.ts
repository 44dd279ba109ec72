// What every family of store actions works with: the bridge, the state, the one way to call the
// bridge (`call`), the one way to report a failure (`fail`) and the flow's navigation.
import type { BridgeError, Envelope, KioskBridge } from '../../../electron/common/bridge-contract';
import type { FlowStep } from './flow';
import type { Navigation } from './navigation';
import type { FlowState } from './types';

/**
 * Every bridge call goes through here: it counts pending work for the loading overlay and drops
 * answers that arrive after the session ended (idle, «Начать заново») or after «Отменить» gave
 * up the wait (null then). `quiet` calls show their own progress (printing) and do not cover the
 * screen; `binding` calls (booking) cannot be abandoned with «Отменить».
 */
export type Call = <T>(op: () => Promise<Envelope<T>>, quiet?: boolean, binding?: boolean) => Promise<Envelope<T> | null>;

export interface StoreKit {
  bridge: KioskBridge;
  get: () => FlowState;
  set: (partial: Partial<FlowState>) => void;
  call: Call;
  /** Shows the error panel for a failed bridge call; `retry` re-runs what failed. */
  fail: (error: BridgeError, retry: (() => Promise<void>) | null) => void;
  nav: Navigation;
  /** The flow of the patient's current intent (flow.ts FLOWS). */
  flow: () => readonly FlowStep[];
  now: () => number;
}
