// The bridge methods of voice guidance through the kiosk's own engine. The screen composes what
// to say (from the catalogue and what it shows); the core only speaks it. The log keeps what kind
// of thing was said and how long it was, never the words: a keypad's echoes and the ticket are the
// patient's own.
import type { SpeakInput } from '../../common/bridge-contract';
import type { Logger, SpeechEngine } from '../ports';

export interface SpeechMethodsDeps {
  engine: SpeechEngine;
  /** Config `voice.enabled`: off, nothing is said. */
  enabled: boolean;
  log: Logger;
  /** True while a technician has the screen: the patient's screen does not speak under it. */
  paused?: () => boolean;
}

export function createSpeechMethods({ engine, enabled, log, paused }: SpeechMethodsDeps) {
  return {
    async speak({ text, language, kind, interrupt }: SpeakInput): Promise<{ accepted: boolean }> {
      if (!enabled || paused?.() || !(await engine.ready())) return { accepted: false };
      engine.say({ text, language, kind }, interrupt);
      // Echoes come a key at a time: counted nowhere, so the log cannot spell a number out.
      if (kind !== 'echo') log.info('voice.said', { kind, language, chars: text.length });
      return { accepted: true };
    },

    async speechStop(): Promise<null> {
      engine.stop();
      return null;
    },
  };
}
