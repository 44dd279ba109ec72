// The espeak-ng engine's process handling with a fake spawn: arguments (never a shell), the text
// on stdin, a new utterance killing the one being said, the queue, and a missing program or a
// machine without sound logged once and otherwise silent.
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import type { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Logger, Utterance } from '../ports';
import { createEspeakEngine, espeakArgs, SPEECH_QUEUE_LIMIT } from './espeak-engine';

class FakeChild extends EventEmitter {
  stdin = new PassThrough();
  stderr = new PassThrough();
  exitCode: number | null = null;
  signalCode: NodeJS.Signals | null = null;
  written = '';
  constructor(
    readonly command: string,
    readonly args: string[],
    readonly options: Record<string, unknown>,
  ) {
    super();
    this.stdin.on('data', (c: Buffer) => (this.written += c.toString('utf8')));
  }
  kill(signal: NodeJS.Signals) {
    this.signalCode = signal;
    queueMicrotask(() => this.emit('close', null, signal));
    return true;
  }
  finish(code = 0, stderr = '') {
    if (stderr) this.stderr.write(stderr);
    this.exitCode = code;
    setTimeout(() => this.emit('close', code, null), 5);
  }
}

function fakeSpawn(opts: { missing?: boolean } = {}) {
  const children: FakeChild[] = [];
  const fn = ((command: string, args: string[], options: Record<string, unknown>) => {
    const child = new FakeChild(command, args, options);
    if (opts.missing) {
      queueMicrotask(() => child.emit('error', Object.assign(new Error('spawn espeak-ng ENOENT'), { code: 'ENOENT' })));
      queueMicrotask(() => child.emit('close', -2, null));
    }
    children.push(child);
    return child;
  }) as unknown as typeof spawn;
  return { fn, children, says: () => children.filter((c) => c.args.includes('--stdin')) };
}

function recordingLog() {
  const lines: Array<[string, string, Record<string, unknown> | undefined]> = [];
  const at = (level: string) => (event: string, data?: Record<string, unknown>) => void lines.push([level, event, data]);
  const log: Logger = { info: at('info'), warn: at('warn'), error: at('error'), audit: at('audit') };
  return { log, lines };
}

const u = (text: string, kind: Utterance['kind'] = 'screen'): Utterance => ({ text, language: 'ru', kind });
const tick = () => new Promise((r) => setTimeout(r, 20));

describe('espeak-ng engine', () => {
  it('speaks with an argument list, no shell, the text on stdin, rate and volume from the config', async () => {
    expect(espeakArgs('ru', 90, 100)).toEqual(['-v', 'ru', '-s', '158', '-a', '100', '-b', '1', '--stdin']);
    expect(espeakArgs('en', 100, 50, '/x/1.wav')).toEqual(['-v', 'en-gb', '-s', '175', '-a', '50', '-b', '1', '-w', '/x/1.wav', '--stdin']);
    const spawn = fakeSpawn();
    const { log } = recordingLog();
    const engine = createEspeakEngine({ command: '/usr/bin/espeak-ng', rate: 90, volume: 100, log, spawn: spawn.fn });
    // A text that looks like an option or a shell command is only ever text.
    engine.say(u('-w /etc/passwd; rm -rf ~ $(reboot)'), true);
    await tick();
    const [child] = spawn.says();
    expect(child!.command).toBe('/usr/bin/espeak-ng');
    expect(child!.options.shell).toBe(false);
    expect(child!.args).toEqual(espeakArgs('ru', 90, 100));
    expect(child!.written).toBe('-w /etc/passwd; rm -rf ~ $(reboot)');
  });

  it('a new utterance that interrupts kills the one being said; one that follows waits for it', async () => {
    const spawn = fakeSpawn();
    const spoken: string[] = [];
    const engine = createEspeakEngine({ command: 'espeak-ng', rate: 100, volume: 100, log: recordingLog().log, spawn: spawn.fn, onSpoken: (x) => spoken.push(x.text) });
    engine.say(u('пять', 'echo'), true);
    engine.say(u('ноль', 'echo'), true);
    await tick();
    expect(spawn.says().map((c) => c.signalCode)).toEqual(['SIGKILL', null]);
    engine.say(u('Выберите направление.'), false);
    await tick();
    expect(spawn.says()).toHaveLength(2); // queued behind «ноль»
    spawn.says()[1]!.finish(0);
    await tick();
    expect(spawn.says()).toHaveLength(3);
    expect(spawn.says()[2]!.written).toBe('Выберите направление.');
    spawn.says()[2]!.finish(0);
    await tick();
    expect(spoken).toEqual(['ноль', 'Выберите направление.']);
  });

  it('stop() kills what is said and forgets the queue; the queue is bounded', async () => {
    const spawn = fakeSpawn();
    const engine = createEspeakEngine({ command: 'espeak-ng', rate: 100, volume: 100, log: recordingLog().log, spawn: spawn.fn });
    engine.say(u('первое'), true);
    for (let i = 0; i < SPEECH_QUEUE_LIMIT + 5; i++) engine.say(u(`очередь ${i}`), false);
    engine.stop();
    await tick();
    expect(spawn.says()).toHaveLength(1);
    expect(spawn.says()[0]!.signalCode).toBe('SIGKILL');
  });

  it('a missing program: ready() is false, and the log says so once', async () => {
    const spawn = fakeSpawn({ missing: true });
    const { log, lines } = recordingLog();
    const engine = createEspeakEngine({ command: 'espeak-ng', rate: 100, volume: 100, log, spawn: spawn.fn });
    expect(await engine.ready()).toBe(false);
    engine.say(u('раз'), true);
    engine.say(u('два'), true);
    await tick();
    expect(lines.filter(([, e]) => e === 'voice.engine_missing')).toHaveLength(1);
  });

  it('no sound card: espeak-ng says so on stderr (exit 0): silence, logged once, never the text', async () => {
    const spawn = fakeSpawn();
    const { log, lines } = recordingLog();
    const spoken: string[] = [];
    const engine = createEspeakEngine({ command: 'espeak-ng', rate: 100, volume: 100, log, spawn: spawn.fn, onSpoken: (x) => spoken.push(x.text) });
    for (const text of ['раз', 'два']) {
      engine.say(u(text), false);
      await tick();
      spawn.says().at(-1)!.finish(0, "ALSA lib pcm.c:2666:(snd_pcm_open_noupdate) Unknown PCM default\nerror: No such file or directory\n");
      await tick();
    }
    expect(spoken).toEqual([]);
    const warned = lines.filter(([, e]) => e === 'voice.audio_unavailable');
    expect(warned).toHaveLength(1);
    expect(JSON.stringify(warned)).not.toMatch(/раз|два/);
  });
});
