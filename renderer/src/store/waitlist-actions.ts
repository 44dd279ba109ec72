// The waiting list, when a referral or a speciality has no (convenient) free time: the reason,
// a Russian mobile number typed on the keypad and shown back grouped, the request, and a slip
// saying what happens next. The number lives in this store until the session ends, nowhere else.
import { msg } from '../../../electron/common/i18n/catalog';
import { MOBILE_PATTERN } from '../../../electron/common/rules';
import type { StoreKit } from './kit';
import type { FlowActions, WaitlistDraft } from './types';

type WaitlistActions = Pick<
  FlowActions,
  'offerWaitlist' | 'setWaitlistReason' | 'setWaitlistPhone' | 'reviewWaitlist' | 'editWaitlist' | 'submitWaitlist' | 'printWaitlist'
>;

/** What the patient typed as the digits after +7: a leading 8 or 7 (the habit of dialling) is dropped. */
export function phoneDigits(typed: string): string {
  const d = typed.replace(/\D/g, '');
  return (d.length === 11 && (d.startsWith('8') || d.startsWith('7')) ? d.slice(1) : d).slice(0, 10);
}

export function createWaitlistActions(
  { bridge, get, set, call, fail, nav }: StoreKit,
  print: (again: boolean) => Promise<void>,
): WaitlistActions {
  const patch = (p: Partial<WaitlistDraft>) => {
    const w = get().waitlist;
    if (w && !w.done) set({ waitlist: { ...w, ...p } });
  };
  return {
    offerWaitlist(reason) {
      const { screen, info } = get();
      if (!info?.mis.waitingList || get().busy) return;
      set({ waitlist: { from: screen, reason, offered: reason, phone: '', confirming: false, problem: null, done: null, phoneTail: '' } });
      void nav.land('waitlist', {});
    },

    setWaitlistReason(reason) {
      patch({ reason });
    },

    setWaitlistPhone(phone) {
      patch({ phone: phoneDigits(phone), problem: null, confirming: false });
    },

    reviewWaitlist() {
      const w = get().waitlist;
      if (!w || w.done) return;
      if (!MOBILE_PATTERN.test(w.phone)) return patch({ problem: msg(w.phone.length < 10 ? 'waitlist.phoneShort' : 'waitlist.phoneNotMobile') });
      patch({ confirming: true, problem: null });
    },

    editWaitlist() {
      patch({ confirming: false });
    },

    async submitWaitlist() {
      const { waitlist: w, speciality, referral, clinic, intent } = get();
      if (!w || w.done || !w.confirming || get().busy) return;
      const self = intent === 'self';
      const lpuGuid = self ? speciality?.clinic.guid : clinic?.guid;
      if (!lpuGuid || (self ? !speciality : !referral)) return;
      const r = await call(() =>
        bridge.joinWaitingList({
          lpuGuid,
          specialityCode: self ? speciality!.code : null,
          referralGuid: self ? null : referral!.guid,
          phone: w.phone,
          reason: w.reason,
        }),
      );
      if (!r) return;
      if (!r.ok) return fail(r.error, () => get().submitWaitlist());
      // The number has done its job: only its last digits stay, on the slip the core made.
      set({ waitlist: { ...w, phone: '', phoneTail: w.phone.slice(-2), done: r.value }, ticket: null, print: { phase: 'idle' } });
      await nav.land('waitlistDone', {});
      await print(false);
    },

    async printWaitlist(again) {
      const p = get().print;
      if (get().busy || !get().waitlist?.done) return;
      if (again && (p.phase === 'idle' || p.phase === 'printing' || !p.canPrintAgain)) return;
      await print(again);
    },
  };
}
