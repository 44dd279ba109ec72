// The kiosk's own voice: espeak-ng (Debian's `espeak-ng`, or its Windows build) in the main
// process, for kiosks whose operating system has no voice for the session's language. One child
// process per utterance, started with an argument list (never a shell); the text goes in on its
// standard input, so nothing a screen says can become an option or a command. A new utterance
// that interrupts kills the one being said; one that follows waits for it. Without the program
// or without an audio device the kiosk stays silent and says so once in the log.
import { spawn as nodeSpawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from '../../common/i18n/locales';
import { ESPEAK_NORMAL_WPM } from '../../common/speech';
import type { Logger, SpeechEngine, Utterance } from '../ports';

/** espeak-ng's voice for each language the kiosk speaks. */
export const ESPEAK_VOICES: Record<Locale, string> = { ru: 'ru', en: 'en-gb' };

export interface EspeakOptions {
  /** The program: a name found in PATH or a full path (config `voice.espeakPath`). */
  command: string;
  /** Percent of the normal rate and of full volume (config `voice.rate`, `voice.volume`). */
  rate: number;
  volume: number;
  log: Logger;
  /**
   * Tests and the demo: each utterance is written to a WAV file in this folder (`00001-ticket.wav`)
   * instead of being played, like the virtual printer writes slips.
   */
  wavDir?: string;
  /** Each utterance said to the end (the file, when written to one); tests read what was said from it. */
  onSpoken?: (utterance: Utterance, file: string | null) => void;
  /** child_process.spawn; tests pass a fake. */
  spawn?: typeof nodeSpawn;
  /** How long the program may take to answer `--version` at start, ms. */
  probeMs?: number;
}

/** At most this many utterances wait behind the one being said; older ones give way. */
export const SPEECH_QUEUE_LIMIT = 8;
/** What stderr says when there is no sound card or sound server: silence, logged once. */
const NO_AUDIO = /error|cannot|unknown pcm|no such file|connection refused/i;

/** espeak-ng's arguments for one utterance (text on stdin, UTF-8): voice, words per minute, amplitude. */
export function espeakArgs(language: Locale, rate: number, volume: number, file?: string): string[] {
  const wpm = Math.round((ESPEAK_NORMAL_WPM * rate) / 100);
  // -a is 0..200 with 100 the normal level: full volume is espeak-ng's own normal, never clipped.
  const amplitude = Math.round(volume);
  return ['-v', ESPEAK_VOICES[language], '-s', String(wpm), '-a', String(amplitude), '-b', '1', ...(file ? ['-w', file] : []), '--stdin'];
}

export function createEspeakEngine(opts: EspeakOptions): SpeechEngine {
  const spawn = opts.spawn ?? nodeSpawn;
  const { log } = opts;
  const queue: Utterance[] = [];
  let current: ChildProcess | null = null;
  let closed = false;
  let seq = 0;
  let missingLogged = false;
  let silentLogged = false;
  let probe: Promise<boolean> | null = null;

  if (opts.wavDir) mkdirSync(opts.wavDir, { recursive: true, mode: 0o700 });

  const missing = (err: NodeJS.ErrnoException) => {
    if (missingLogged) return;
    missingLogged = true;
    log.error('voice.engine_missing', { command: opts.command, error: err.code ?? err.message });
  };

  function start(u: Utterance): void {
    const file = opts.wavDir ? path.join(opts.wavDir, `${String(++seq).padStart(5, '0')}-${u.kind}.wav`) : null;
    let child: ChildProcess;
    try {
      child = spawn(opts.command, espeakArgs(u.language, opts.rate, opts.volume, file ?? undefined), {
        stdio: ['pipe', 'ignore', 'pipe'],
        windowsHide: true,
        shell: false,
      });
    } catch (err) {
      missing(err as NodeJS.ErrnoException);
      return;
    }
    current = child;
    let stderr = '';
    let failed = false;
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      if (stderr.length < 2000) stderr += chunk;
    });
    child.stdin?.on('error', () => undefined); // killed before it read everything
    child.stdin?.end(u.text, 'utf8');
    child.on('error', (err: NodeJS.ErrnoException) => {
      failed = true;
      missing(err);
    });
    child.on('close', (code, signal) => {
      if (current === child) current = null;
      if (!failed && signal === null) {
        if (code !== 0 || NO_AUDIO.test(stderr)) {
          if (!silentLogged) {
            silentLogged = true;
            log.warn('voice.audio_unavailable', { code, stderr: stderr.trim().split('\n').slice(-1)[0]?.slice(0, 200) ?? '' });
          }
        } else opts.onSpoken?.(u, file);
      }
      pump();
    });
  }

  function pump(): void {
    if (closed || current || queue.length === 0) return;
    start(queue.shift()!);
  }

  function stop(): void {
    queue.length = 0;
    const c = current;
    current = null;
    if (c && c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  }

  return {
    ready() {
      probe ??= new Promise<boolean>((resolve) => {
        let child: ChildProcess;
        try {
          child = spawn(opts.command, ['--version'], { stdio: ['ignore', 'ignore', 'ignore'], windowsHide: true, shell: false });
        } catch (err) {
          missing(err as NodeJS.ErrnoException);
          return resolve(false);
        }
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve(false);
        }, opts.probeMs ?? 3000);
        child.on('error', (err: NodeJS.ErrnoException) => {
          clearTimeout(timer);
          missing(err);
          resolve(false);
        });
        child.on('close', (code) => {
          clearTimeout(timer);
          if (code !== 0) log.error('voice.engine_broken', { command: opts.command, code });
          resolve(code === 0);
        });
      });
      return probe;
    },
    say(u, interrupt) {
      if (closed) return;
      if (interrupt) stop();
      if (queue.length >= SPEECH_QUEUE_LIMIT) queue.shift();
      queue.push(u);
      pump();
    },
    stop,
    close() {
      closed = true;
      stop();
    },
  };
}
