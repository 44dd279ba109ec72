// Reading a HubService request as WCF does, and failing as the reference MIS does: shared by
// every operation of the simulator.
import { NS, el, type XEl, type XNode } from '../../electron/core/mis/n3/soap';
import { ERROR_TEXTS, N3_CLINICS, N3_PATIENTS, type N3Patient } from './seed';
import type { N3State } from './state';

/** The reference MIS's 99 for a parameter it cannot use (n3-hubservice.md §4.2). */
export const BAD_PARAMETERS = 'Неверно указаны параметры';

/** A business failure: HTTP 200, Success=false, one Error (as the reference MIS sends). */
export class HubFail extends Error {
  constructor(readonly idError: number, text?: string) {
    super(text ?? ERROR_TEXTS[idError] ?? ERROR_TEXTS[99]!);
  }
}

/**
 * Reads the wrapper's parameters the way WCF does: by exact name in `tem`, in WSDL order; an
 * element out of order, mis-spelt or in another namespace counts as absent.
 */
export function readParams(wrapper: XNode, order: readonly string[]): Map<string, XNode> {
  const out = new Map<string, XNode>();
  let at = 0;
  for (const c of wrapper.children) {
    if (c.ns !== NS.tem) continue;
    const pos = order.indexOf(c.name, at);
    if (pos < 0) continue;
    out.set(c.name, c);
    at = pos + 1;
  }
  return out;
}

export type Params = Map<string, XNode>;

export const text = (p: Params, name: string): string | null => {
  const n = p.get(name);
  return !n || n.nil || n.text === '' ? null : n.text;
};

export const int = (p: Params, name: string): number | null => {
  const t = text(p, name);
  return t !== null && /^-?\d+$/.test(t) ? Number(t) : null;
};

/** WCF's value for a dateTime that did not arrive. */
export const NO_DATE = '0001-01-01T00:00:00';

/** A dateTime as the clinic's local `yyyy-MM-ddTHH:mm:ss` (an offset, if sent, is dropped). */
export function localDateTime(raw: string | null): string {
  if (raw === null) return NO_DATE;
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::(\d{2}))?)?/.exec(raw.trim());
  if (!m) return NO_DATE;
  return `${m[1]}T${m[2] ?? '00:00'}:${m[3] ?? '00'}`;
}

export const norm = (s: string) => s.trim().toLocaleLowerCase('ru-RU').replace(/ё/g, 'е');

export const nil = (name: string, v: string | number | null | undefined): XEl => el(name, v === null || v === undefined ? null : v);

export function patientIn(idLpu: number | null, idPat: string | null): N3Patient {
  const p = idLpu !== null && idPat ? N3_PATIENTS.find((x) => x.ids[idLpu] === idPat) : undefined;
  if (!p) throw new HubFail(20);
  return p;
}

/** A clinic of the seed, else the reference MIS's 99 for a parameter it cannot use. */
export function clinicIn(p: Params): number {
  const idLpu = int(p, 'idLpu');
  if (idLpu === null || !N3_CLINICS.some((c) => c.idLpu === idLpu)) throw new HubFail(99, BAD_PARAMETERS);
  return idLpu;
}

/** Derived members of each result, after ErrorList/IdHistory/Success. */
export type OpHandler = (p: Params, state: N3State) => XEl[];
