// How voice guidance is heard: the operating system's voice through Chromium's speechSynthesis
// when it has one for the session's language (Windows SAPI «Microsoft Irina», Linux
// speech-dispatcher) and the config allows it, else the kiosk's own engine (espeak-ng in the
// main process) over the bridge. Either way a new utterance either cuts off what is being said
// (`interrupt`) or follows it.
import type { KioskBridge, KioskInfo } from '../../../electron/common/bridge-contract';
import { LOCALE_IDS, type Locale } from '../../../electron/common/i18n/locales';
import { SPEECH_TEXT_LIMIT, type SpeechKind } from '../../../electron/common/speech';

/** What the renderer uses of `window.speechSynthesis`. */
export interface Synth {
  getVoices(): SpeechSynthesisVoice[];
  speak(utterance: SpeechSynthesisUtterance): void;
  cancel(): void;
  addEventListener?(type: 'voiceschanged', listener: () => void): void;
}

export type VoiceSettings = KioskInfo['voice'];

export interface Speaker {
  say(text: string, language: Locale, kind: SpeechKind, interrupt: boolean): void;
  stop(): void;
  /** The languages the OS voice speaks (empty while Chromium has not listed its voices, or has none). */
  osLanguages(): Locale[];
}

/** The OS voice for a language: one whose tag starts with it («ru-RU», «ru_RU»), a local one first. */
export function osVoiceFor(voices: readonly SpeechSynthesisVoice[], language: Locale): SpeechSynthesisVoice | null {
  const fits = voices.filter((v) => v.lang.toLowerCase().replace('_', '-').split('-')[0] === language);
  return fits.find((v) => v.localService) ?? fits[0] ?? null;
}

/** Whether «Озвучить» can be heard in this language: the kiosk's engine, or an OS voice the config allows. */
export function canSpeak(voice: VoiceSettings | undefined, language: Locale, osLanguages: readonly Locale[]): boolean {
  if (!voice?.enabled) return false;
  if (voice.engine !== 'espeak-ng' && osLanguages.includes(language)) return true;
  return voice.engine !== 'os' && voice.kioskEngine;
}

/** One line for an engine: spaces (no-break ones too) made plain, cut at a word to the bridge's limit. */
export function speakable(text: string): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  if (plain.length <= SPEECH_TEXT_LIMIT) return plain;
  const cut = plain.slice(0, SPEECH_TEXT_LIMIT);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), 1));
}

export function createSpeaker(opts: {
  bridge: Pick<KioskBridge, 'speak' | 'speechStop'>;
  settings: () => VoiceSettings | undefined;
  synth: Synth | null;
  /** Chromium lists its voices late (`voiceschanged`): the screen learns which languages it has. */
  onVoices?: (languages: Locale[]) => void;
}): Speaker {
  const { bridge, synth } = opts;
  const voices = () => {
    try {
      return synth?.getVoices() ?? [];
    } catch {
      return [];
    }
  };
  const languagesOf = (list: readonly SpeechSynthesisVoice[]): Locale[] =>
    LOCALE_IDS.filter((l) => osVoiceFor(list, l) !== null);
  synth?.addEventListener?.('voiceschanged', () => opts.onVoices?.(languagesOf(voices())));

  return {
    say(text, language, kind, interrupt) {
      const settings = opts.settings();
      if (!settings?.enabled) return;
      const line = speakable(text);
      if (!line) return;
      const os = settings.engine !== 'espeak-ng' && synth && typeof SpeechSynthesisUtterance !== 'undefined' ? osVoiceFor(voices(), language) : null;
      if (os && synth) {
        if (interrupt) synth.cancel();
        const u = new SpeechSynthesisUtterance(line);
        u.voice = os;
        u.lang = os.lang;
        u.rate = settings.rate / 100;
        u.volume = settings.volume / 100;
        synth.speak(u);
        return;
      }
      if (settings.engine === 'os' || !settings.kioskEngine) return;
      void bridge.speak({ text: line, language, kind, interrupt }).catch(() => undefined);
    },
    stop() {
      try {
        synth?.cancel();
      } catch {
        // a voice that is already gone
      }
      void bridge.speechStop({}).catch(() => undefined);
    },
    osLanguages: () => languagesOf(voices()),
  };
}
