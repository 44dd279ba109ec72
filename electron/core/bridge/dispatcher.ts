// One dispatcher serves every transport (Electron IPC, the loopback browser host): it validates
// the method name and input against the shared contract, runs the core, validates the output
// (so a bug can never leak a field the contract does not name, such as a token) and wraps
// the result in the envelope.
import type { z } from 'zod';
import {
  bridgeContract,
  type BridgeContract,
  type BridgeError,
  type BridgeMethod,
  type BridgeOutput,
  type Envelope,
} from '../../common/bridge-contract';
import { toBridgeError } from './to-bridge-error';
import type { Logger } from '../ports';
import { noopMetrics, type MetricsSink } from '../telemetry/sink';

export type BridgeImpl = {
  [M in BridgeMethod]: (input: z.infer<BridgeContract[M]['input']>) => Promise<BridgeOutput<M>>;
};

export type BridgeDispatcher = (method: string, input: unknown) => Promise<Envelope<unknown>>;

const isMethod = (m: string): m is BridgeMethod => Object.prototype.hasOwnProperty.call(bridgeContract, m);

export function createDispatcher(impl: BridgeImpl, log: Logger, metrics: Pick<MetricsSink, 'bridgeError'> = noopMetrics): BridgeDispatcher {
  const dispatch = plainDispatcher(impl, log);
  return async (method, input) => {
    const envelope = await dispatch(method, input);
    if (!envelope.ok) metrics.bridgeError(envelope.error.kind);
    return envelope;
  };
}

function plainDispatcher(impl: BridgeImpl, log: Logger): BridgeDispatcher {
  return async (method, input) => {
    if (typeof method !== 'string' || !isMethod(method)) {
      return refuse(log, String(method).slice(0, 40), 'unknown method');
    }
    const spec = bridgeContract[method];
    // No argument at all means «no fields»; `null`, arrays, class instances and objects that
    // inherit fields from a prototype are refused (zod reads inherited fields, IPC and JSON
    // never produce them, so only a bug or an attack sends one).
    const given = input === undefined ? {} : input;
    if (!isPlainObject(given)) return refuse(log, method, 'input is not a plain object');
    const parsed = spec.input.safeParse(given);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return refuse(log, method, first ? `${first.path.join('.') || '(input)'}: ${first.message}` : 'invalid input');
    }
    try {
      const run = impl[method] as (i: unknown) => Promise<unknown>;
      const value = await run(parsed.data);
      const out = spec.output.safeParse(value);
      if (!out.success) {
        log.error('bridge.output_invalid', { method, issues: out.error.issues.length });
        return fail({ kind: 'internal', problem: 'internal', shown: null, httpStatus: null });
      }
      return { ok: true, value: out.data };
    } catch (err) {
      const error = toBridgeError(err);
      if (error.kind === 'internal') log.error('bridge.internal', { method, error: String(err) });
      return fail(error);
    }
  };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * kind 'input': the bridge refused the input before calling anything. Only a bug or an attack
 * gets here, so the why is for the log (the field and the rule, never the value).
 */
function refuse(log: Logger, method: string, why: string): Envelope<never> {
  log.warn('bridge.input_refused', { method, why });
  return fail({ kind: 'input', problem: 'badInput', shown: null, httpStatus: null });
}

function fail(error: BridgeError): Envelope<never> {
  return { ok: false, error };
}
