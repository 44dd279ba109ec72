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

export type BridgeImpl = {
  [M in BridgeMethod]: (input: z.infer<BridgeContract[M]['input']>) => Promise<BridgeOutput<M>>;
};

export type BridgeDispatcher = (method: string, input: unknown) => Promise<Envelope<unknown>>;

const isMethod = (m: string): m is BridgeMethod => Object.prototype.hasOwnProperty.call(bridgeContract, m);

export function createDispatcher(impl: BridgeImpl, log: Logger): BridgeDispatcher {
  return async (method, input) => {
    if (!isMethod(method)) {
      return fail({ kind: 'input', code: null, message: 'Неизвестная команда', httpStatus: null });
    }
    const spec = bridgeContract[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return fail({
        kind: 'input',
        code: null,
        message: first ? first.message : 'Неверные данные',
        httpStatus: null,
      });
    }
    try {
      const run = impl[method] as (i: unknown) => Promise<unknown>;
      const value = await run(parsed.data);
      const out = spec.output.safeParse(value);
      if (!out.success) {
        log.error('bridge.output_invalid', { method, issues: out.error.issues.length });
        return fail({ kind: 'internal', code: null, message: 'Внутренняя ошибка инфомата', httpStatus: null });
      }
      return { ok: true, value: out.data };
    } catch (err) {
      const error = toBridgeError(err);
      if (error.kind === 'internal') log.error('bridge.internal', { method, error: String(err) });
      return fail(error);
    }
  };
}

function fail(error: BridgeError): Envelope<never> {
  return { ok: false, error };
}
