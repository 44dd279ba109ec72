// The real thing on Debian: the ticket phrase voice guidance composes (renderer/src/voice/phrases.ts)
// rendered by the kiosk's engine (the real espeak-ng, through the same engine code as the kiosk,
// written to a WAV file), then measured with sox: speech of the length the phrase needs, well above
// silence. scripts/setup.sh installs espeak-ng and sox; without them the test says so and is
// skipped, except under CI, where their absence is a failure.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { KioskInfo, Ticket } from '../../common/bridge-contract';
import { t } from '../../common/i18n/locales';
import { ticketPhrase } from '../../../renderer/src/voice/phrases';
import { createEspeakEngine } from './espeak-engine';
import { silentLogger, type Utterance } from '../ports';

const has = (cmd: string) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;
const available = has('espeak-ng') && has('sox');
if (!available && process.env.CI) throw new Error('the real-audio test needs espeak-ng and sox: scripts/setup.sh installs them');
if (!available) console.warn('ticket-audio.test.ts skipped: espeak-ng or sox is not installed (bash scripts/setup.sh installs both)');

const ticket: Ticket = {
  ticketGuid: 't-1',
  number: '037.91',
  room: '214',
  floor: 2,
  beginTime: '2026-05-12T09:15:00+03:00',
  endTime: '2026-05-12T09:30:00+03:00',
  doctorName: 'Петров Пётр Петрович',
  doctorRole: 'Врач-кардиолог',
  speciality: 'Кардиология',
  resType: 'Doctor',
  clinic: { guid: 'lpu-1', name: 'Областной КДЦ', fullName: 'Областной КДЦ', address: 'Мытищи, Олимпийский пр-т, 29', phone: '' },
  bookedAt: null,
};
const info = { timeZone: 'Europe/Moscow' } as KioskInfo;

/** sox's `stat` figures of a sound file. */
function soxStat(file: string): { seconds: number; rms: number; max: number } {
  // sox writes `stat` to stderr; execFileSync returns stdout, so ask for both through spawnSync.
  const r = spawnSync('sox', [file, '-n', 'stat'], { encoding: 'utf8' });
  const out = `${r.stdout}${r.stderr}`;
  const num = (label: RegExp) => Number(label.exec(out)?.[1] ?? NaN);
  return { seconds: num(/Length \(seconds\):\s+([\d.]+)/), rms: num(/RMS\s+amplitude:\s+([\d.]+)/), max: num(/Maximum amplitude:\s+([\d.]+)/) };
}

describe.skipIf(!available)('the ticket, spoken for real (espeak-ng → WAV → sox)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'infomat-voice-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is speech of the expected length, not silence', async () => {
    const phrase = ticketPhrase(ticket, { moved: null, info }, t('ru'));
    expect(phrase).toBe(
      'Вы записаны. Номер талона: ноль три семь, девять один. Приём во вторник, двенадцатого мая, в девять часов пятнадцать минут. ' +
        'Кабинет 214, второй этаж. Врач: Петров Пётр Петрович, врач-кардиолог. Поликлиника: Областной КДЦ. Чтобы услышать ещё раз, нажмите «Повторить».',
    );
    const done = new Promise<string>((resolve) => {
      const engine = createEspeakEngine({
        command: 'espeak-ng',
        rate: 90,
        volume: 100,
        log: silentLogger,
        wavDir: dir,
        onSpoken: (_u: Utterance, file) => resolve(file!),
      });
      engine.say({ text: phrase, language: 'ru', kind: 'ticket' }, true);
    });
    const file = await done;
    expect(readdirSync(dir)).toEqual(['00001-ticket.wav']);
    expect(statSync(file).size).toBeGreaterThan(100_000);
    const { seconds, rms, max } = soxStat(file);
    // Russian speech runs at about 4.5 syllables a second at espeak-ng's normal rate, pauses at the
    // full stops included: one syllable per vowel, two per figure («214» is «двести четырнадцать»),
    // at the configured 90 % of that rate: ≈ 21 s for this phrase.
    const syllables = (phrase.match(/[аеёиоуыэюя]/gi)?.length ?? 0) + 2 * (phrase.match(/\d/g)?.length ?? 0);
    const expected = syllables / (4.5 * 0.9);
    console.info(`ticket phrase: ${syllables} syllables, ${seconds.toFixed(2)} s (expected ≈ ${expected.toFixed(1)} s), RMS ${rms.toFixed(4)}, peak ${max.toFixed(3)}`);
    expect(seconds).toBeGreaterThan(expected * 0.7);
    expect(seconds).toBeLessThan(expected * 1.4);
    // Silence is RMS 0; espeak-ng's speech at full volume is about 0.07.
    expect(rms).toBeGreaterThan(0.02);
    expect(max).toBeGreaterThan(0.3);
    // And sox reads it as audio of the kind espeak-ng writes: mono 16-bit at 22050 Hz.
    expect(execFileSync('sox', ['--i', '-r', file], { encoding: 'utf8' }).trim()).toBe('22050');
  });
});
