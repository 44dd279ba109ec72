// The bridge-call bookkeeping of one store: pending work (the loading overlay), waits the patient
// may abandon, and the epochs that make late answers harmless.
import type { Call } from './kit';
import type { FlowState } from './types';

export interface Calls {
  call: Call;
  /** The session ended: every answer still on its way is dropped. */
  newSession(): void;
  /** «Отменить» on a long wait: the answers to the waits it abandoned are dropped. */
  abandonWaits(): void;
}

/**
 * `bookingBoundMs`: how long a booking can take at the longest (the core's bound); until then a
 * booking under way holds the session: leaving waits for its outcome, so the patient always sees
 * the ticket or the error.
 */
export function createCalls(set: (p: Partial<FlowState>) => void, bookingBoundMs: () => number): Calls {
  let epoch = 0;
  let waitEpoch = 0;
  let pending = 0;
  /** Pending waits the patient may not abandon (a booking: its outcome must be known). */
  let binding = 0;
  let overdue: ReturnType<typeof setTimeout> | null = null;
  const settle = () => {
    set({ busy: pending > 0, waitCancellable: pending > 0 && binding === 0 });
    if (binding > 0 && overdue === null) {
      set({ bookingUnderWay: true });
      // Past the bound something is wrong beyond a slow MIS: the patient may leave after all.
      overdue = setTimeout(() => set({ bookingUnderWay: false }), bookingBoundMs());
    } else if (binding === 0 && overdue !== null) {
      clearTimeout(overdue);
      overdue = null;
      set({ bookingUnderWay: false });
    }
  };
  const reset = () => {
    pending = 0;
    binding = 0;
    if (overdue !== null) clearTimeout(overdue);
    overdue = null;
  };

  const call: Call = async (op, quiet = false, isBinding = false) => {
    const mine = epoch;
    const myWait = waitEpoch;
    if (!quiet) {
      pending += 1;
      if (isBinding) binding += 1;
      settle();
    }
    try {
      const answer = await op();
      return mine === epoch && (quiet || myWait === waitEpoch) ? answer : null;
    } finally {
      if (mine === epoch && !quiet && myWait === waitEpoch) {
        pending -= 1;
        if (isBinding) binding -= 1;
        settle();
      }
    }
  };

  return {
    call,
    newSession() {
      epoch += 1;
      reset();
    },
    abandonWaits() {
      waitEpoch += 1;
      reset();
      settle();
    },
  };
}
