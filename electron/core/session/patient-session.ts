// The patient's session in the main process. It is the only holder of the COD token and of
// the identification data needed to renew it; both live in private fields of this object and
// nowhere else (not in logs, not on disk, never in a bridge answer). `end()` drops them, and an
// idle timer does the same if the renderer stops talking to us (a crashed or frozen screen
// must not leave a patient's token alive in a public lobby).
import type { MisCredential } from '../mis/port';
import { ApiError } from '../api/api-error';
import { SessionError } from './session-error';
import { silentLogger, type Logger } from '../ports';

export interface Identity {
  policy: string;
  birthDate: string;
}

export interface PatientSessionOptions {
  /** Wipe after this long without any call; the renderer's own idle dialog comes first. */
  idleMs: number;
  log?: Logger;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
  /** Called whenever a session ends, so what was kept for it (the booking ledger) goes too. */
  onEnd?: () => void;
  /** Told why a session that had a patient ended (for the metrics). */
  onEnded?: (reason: 'patient' | 'idle' | 'new-patient' | 'shutdown') => void;
}

export class PatientSession {
  #identity: Identity | null = null;
  #token: string | null = null;
  #renewing: Promise<string> | null = null;
  #timer: unknown = null;
  #generation = 0;
  /** Calls to the MIS under way: the idle wipe waits for them (a booking's answer must land). */
  #inFlight = 0;

  constructor(
    private readonly client: { getToken(who: Identity): Promise<MisCredential> },
    private readonly opts: PatientSessionOptions,
  ) {}

  private get log(): Logger {
    return this.opts.log ?? silentLogger;
  }

  get active(): boolean {
    return this.#token !== null;
  }

  /** Changes whenever a session ends; an answer that arrives under an older one is stale. */
  get generation(): number {
    return this.#generation;
  }

  async identify(identity: Identity): Promise<void> {
    this.end('new-patient');
    const generation = this.#generation;
    const { token } = await this.client.getToken(identity);
    // The patient may have pressed «Начать заново» while we waited: do not revive the session.
    if (generation !== this.#generation) throw new SessionError('session ended during identification');
    this.#identity = { ...identity };
    this.#token = token;
    this.touch();
    this.log.info('session.start');
  }

  /**
   * Runs an API call with the token. An expired credential mid-flow (SoftRust 5007) is healed
   * once by asking for a new token with the data the patient already gave; the patient's choices
   * stay in the renderer untouched and the same call is repeated. The MIS refused before doing
   * anything, so repeating even the booking POST cannot double-book.
   */
  async withToken<T>(fn: (token: string) => Promise<T>): Promise<T> {
    const token = this.#requireToken();
    this.touch();
    this.#inFlight++;
    try {
      return await fn(token);
    } catch (err) {
      if (!(err instanceof ApiError && err.problem === 'credentialExpired')) throw err;
      this.log.info('session.token_expired_renewing');
      const fresh = await this.#renew();
      return await fn(fresh);
    } finally {
      this.#inFlight--;
    }
  }

  touch(): void {
    if (this.#timer !== null) (this.opts.clearTimer ?? clearTimeout)(this.#timer as ReturnType<typeof setTimeout>);
    if (this.#token === null) {
      this.#timer = null;
      return;
    }
    const set = this.opts.setTimer ?? ((fn: () => void, ms: number) => {
      const t = setTimeout(fn, ms);
      t.unref?.();
      return t;
    });
    // An MIS call under way is not idleness: its answer (a booking) must reach the patient. The
    // calls are bounded by the client's deadline, so this waits at most that long again.
    this.#timer = set(() => (this.#inFlight > 0 ? this.touch() : this.end('idle')), this.opts.idleMs);
  }

  end(reason: 'patient' | 'idle' | 'new-patient' | 'shutdown' = 'patient'): void {
    const had = this.#token !== null;
    this.#generation++;
    this.#token = null;
    this.#identity = null;
    this.#renewing = null;
    this.opts.onEnd?.();
    if (this.#timer !== null) (this.opts.clearTimer ?? clearTimeout)(this.#timer as ReturnType<typeof setTimeout>);
    this.#timer = null;
    if (had) {
      this.log.info('session.end', { reason });
      this.opts.onEnded?.(reason);
    }
  }

  #requireToken(): string {
    if (this.#token === null) throw new SessionError('no patient session');
    return this.#token;
  }

  async #renew(): Promise<string> {
    const identity = this.#identity;
    if (!identity) throw new SessionError('no patient session');
    // Parallel calls that all hit 5007 share one renewal.
    if (!this.#renewing) {
      const generation = this.#generation;
      this.#renewing = this.client.getToken(identity).then(({ token }) => {
        if (generation !== this.#generation) throw new SessionError('session ended during renewal');
        this.#token = token;
        return token;
      });
      this.#renewing.finally(() => {
        this.#renewing = null;
      }).catch(() => undefined);
    }
    return this.#renewing;
  }
}
