// What a scan does to the flow. The screen polls the core (`takeScan`) on Welcome and Identify;
// the core decides what the scan was, and for a paper policy keeps the number and birth date
// itself, so the flow only asks it to identify (`identifyScanned`).
import type { Envelope, KioskBridge, ScanEvent } from '../../../electron/common/bridge-contract';
import { nextStepFor } from '../../../electron/common/next-step';
import { TEXTS } from '../../../electron/common/texts';
import type { FlowState } from './types';

export interface ScanActionDeps {
  bridge: KioskBridge;
  get: () => FlowState;
  set: (partial: Partial<FlowState>) => void;
  call: <T>(op: () => Promise<Envelope<T>>, quiet?: boolean) => Promise<Envelope<T> | null>;
}

const dmy = (ymd: string) => ymd.split('-').reverse().join('.');

export function createScanActions({ bridge, get, set, call }: ScanActionDeps) {
  let polling = false;

  /** On Welcome or Identify, with nothing in the way (a dialog, a call in flight), and a scanner configured. */
  const listening = () => {
    const s = get();
    return !!s.info && s.info.scanner !== 'none' && (s.screen === 'welcome' || s.screen === 'identify') && !s.busy && !s.error;
  };

  async function apply(e: ScanEvent): Promise<void> {
    if (get().screen === 'welcome') get().start();
    const s = get();
    switch (e.kind) {
      case 'policy': {
        const r = await call(() => bridge.identifyScanned({}));
        if (!r) return;
        if (!r.ok) return set({ error: { error: r.error, step: nextStepFor(r.error), retry: null } });
        set({ patient: r.value });
        await get().loadReferrals();
        return;
      }
      case 'expired':
        set({
          error: {
            error: { kind: 'validation', code: null, message: TEXTS.scan.expired(dmy(e.expiredOn)), httpStatus: null },
            step: 'registry',
            retry: null,
          },
        });
        return;
      case 'enp':
        set({
          draft: { policy: e.policy, day: '', month: '', year: '' },
          identifyProblem: null,
          scanNotice: TEXTS.scan.enpRead,
          scanFill: s.scanFill + 1,
        });
        return;
      case 'unrecognised':
        set({
          draft: { ...s.draft, policy: '' },
          identifyProblem: { field: 'policy', message: TEXTS.scan.unreadable },
          scanNotice: null,
          scanFill: s.scanFill + 1,
        });
        return;
    }
  }

  async function pollScan(): Promise<void> {
    if (polling || !listening()) return;
    polling = true;
    try {
      const r = await call(() => bridge.takeScan({}), true);
      // The screen moved on while the answer travelled: the scan is not for this screen.
      if (!r || !r.ok || !r.value || !listening()) return;
      await apply(r.value);
    } finally {
      polling = false;
    }
  }

  return {
    pollScan,
    async sendScanKeys(digits: string): Promise<void> {
      if (!listening()) return;
      await call(() => bridge.scanKeys({ digits }), true);
      await pollScan();
    },
  };
}
