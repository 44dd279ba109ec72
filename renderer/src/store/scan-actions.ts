// What a scan does to the flow. The screen polls the core (`takeScan`) on Welcome and Identify;
// the core decides what the scan was, and for a paper policy keeps the number and birth date
// itself, so the flow only asks it to identify (`identifyScanned`).
import type { ScanEvent } from '../../../electron/common/bridge-contract';
import { dayNumeric } from '../../../electron/common/clinic-time';
import { msg } from '../../../electron/common/i18n/catalog';
import type { StoreKit } from './kit';

export type ScanActionDeps = Pick<StoreKit, 'bridge' | 'get' | 'set' | 'call' | 'fail' | 'nav'>;

export function createScanActions({ bridge, get, set, call, fail, nav }: ScanActionDeps) {
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
        if (!r.ok) return fail(r.error, null);
        const to = nav.next('identify');
        if (to) await nav.enter(to, { patient: r.value });
        return;
      }
      case 'expired':
        set({
          error: {
            problem: null,
            message: msg('scan.expired', { date: dayNumeric(e.expiredOn) }),
            hint: msg('scan.expiredNext'),
            shown: null,
            step: 'registry',
            retry: null,
          },
        });
        return;
      case 'enp':
        set({
          draft: { policy: e.policy, day: '', month: '', year: '' },
          identifyProblem: null,
          scanNotice: msg('scan.enpRead'),
          scanFill: s.scanFill + 1,
        });
        return;
      case 'unrecognised':
        set({
          draft: { ...s.draft, policy: '' },
          identifyProblem: { field: 'policy', message: msg('scan.unreadable') },
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
    stopScans() {
      void bridge.scanStop({}).catch(() => undefined);
    },
    async sendScanKeys(digits: string): Promise<void> {
      if (!listening()) return;
      await call(() => bridge.scanKeys({ digits }), true);
      await pollScan();
    },
  };
}
