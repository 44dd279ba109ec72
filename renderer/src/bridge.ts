// The only module that touches `window.kiosk`. Whatever carries the call (Electron IPC or the
// browser host's HTTP), the rest of the renderer sees plain envelopes and never an exception.
import type {
  BridgeError,
  BridgeMethod,
  Envelope,
  KioskBridge,
} from '../../electron/common/bridge-contract';
import { bridgeMethodNames } from '../../electron/common/channels';
import { isKioskProblem } from '../../electron/common/problems';

export type { KioskBridge };

declare global {
  interface Window {
    kiosk?: KioskBridge;
  }
}


/** The link between the screen and the kiosk's own core broke: a local fault, not the MIS's. */
const NO_LINK: BridgeError = { kind: 'network', problem: 'kioskLink', shown: null, httpStatus: null };
const GARBLED: BridgeError = { kind: 'protocol', problem: 'kioskLink', shown: null, httpStatus: null };

function isEnvelope(x: unknown): x is Envelope<unknown> {
  if (typeof x !== 'object' || x === null || !('ok' in x)) return false;
  const e = x as { ok: unknown; value?: unknown; error?: unknown };
  if (e.ok === true) return 'value' in e;
  if (e.ok !== false || typeof e.error !== 'object' || e.error === null) return false;
  const err = e.error as Partial<BridgeError>;
  return typeof err.kind === 'string' && isKioskProblem(err.problem);
}

/** Wraps a raw bridge so that a thrown call or a malformed answer becomes an error envelope. */
export function hardenBridge(raw: KioskBridge): KioskBridge {
  const out: Partial<Record<BridgeMethod, unknown>> = {};
  for (const m of bridgeMethodNames) {
    out[m] = async (input: unknown): Promise<Envelope<unknown>> => {
      const fn = (raw as unknown as Record<string, ((i: unknown) => Promise<unknown>) | undefined>)[m];
      if (typeof fn !== 'function') return { ok: false, error: GARBLED };
      let answer: unknown;
      try {
        answer = await fn.call(raw, input);
      } catch {
        return { ok: false, error: NO_LINK };
      }
      if (!isEnvelope(answer)) return { ok: false, error: GARBLED };
      if (answer.ok) return answer;
      const e = answer.error;
      // Missing optional fields must not break the error panel.
      return {
        ok: false,
        error: { kind: e.kind, problem: e.problem, shown: typeof e.shown === 'string' ? e.shown : null, httpStatus: e.httpStatus ?? null },
      };
    };
  }
  return out as KioskBridge;
}

/** The bridge the host injected before this bundle, or null when the page runs without one. */
export function bridgeFromWindow(): KioskBridge | null {
  const raw = typeof window === 'undefined' ? undefined : window.kiosk;
  return raw ? hardenBridge(raw) : null;
}
