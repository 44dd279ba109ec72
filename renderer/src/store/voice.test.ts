// Voice guidance in the store: «Озвучить» speaks the screen, every later screen (after the option
// just chosen), each key's echo, the ticket in full and the slip's outcome; «Повторить» says it
// again; the session's end turns it off. The OS voice is used when it speaks the session's
// language, the kiosk's engine (the bridge) otherwise.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KioskBridge } from '../../../electron/common/bridge-contract';
import { canSpeak, type Synth } from '../voice/speaker';
import { createFlowStore } from './flow-store';
import { fail, fakeBridge, info, NOW, ok } from './test-helpers';

type Said = { text: string; kind: string; interrupt: boolean };
const saidOn = (bridge: KioskBridge): Said[] =>
  (bridge.speak as ReturnType<typeof vi.fn>).mock.calls.map(([i]) => {
    const { text, kind, interrupt } = i as Said;
    return { text, kind, interrupt };
  });
const flush = () => new Promise((r) => setTimeout(r, 0));

async function voiced(bridge: KioskBridge) {
  const store = createFlowStore(bridge, { now: () => NOW, synth: null });
  await store.getState().boot();
  store.getState().toggleVoice();
  return store;
}

describe('voice guidance', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is off until «Озвучить»; then Welcome is read with its choices', async () => {
    const bridge = fakeBridge();
    const store = createFlowStore(bridge, { synth: null });
    await store.getState().boot();
    expect(store.getState().voice).toBe(false);
    expect(bridge.speak).not.toHaveBeenCalled();
    store.getState().toggleVoice();
    expect(saidOn(bridge)).toEqual([
      {
        kind: 'screen',
        interrupt: true,
        text: 'Озвучивание включено. Запись к врачу по направлению. Понадобится полис ОМС. Можно выбрать: Записаться по направлению; Мои записи.',
      },
    ]);
  });

  it('reads each screen, the option just chosen, the keypad echoes, the ticket and the slip', async () => {
    const bridge = fakeBridge();
    const store = await voiced(bridge);
    const s = store.getState;
    s().start();
    expect(saidOn(bridge).at(-1)!.text).toMatch(/^Введите полис и дату рождения\. Наберите на цифровой клавиатуре номер полиса, 16 цифр/);
    const before = saidOn(bridge).length;
    s().setDraft({ policy: '5', day: '', month: '', year: '' });
    s().setDraft({ policy: '50', day: '', month: '', year: '' });
    s().setDraft({ policy: '5', day: '', month: '', year: '' });
    s().setDraft({ policy: '5000000000000001', day: '05', month: '', year: '' });
    s().setDraft({ policy: '5000000000000001', day: '05', month: '03', year: '' });
    s().setDraft({ policy: '5000000000000001', day: '05', month: '03', year: '1' });
    // A digit, another, the erase key; a jump (a scan) says nothing; the month by its name.
    expect(saidOn(bridge).slice(before)).toEqual([
      { kind: 'echo', interrupt: true, text: 'пять' },
      { kind: 'echo', interrupt: true, text: 'ноль' },
      { kind: 'echo', interrupt: true, text: 'стёрто' },
      { kind: 'echo', interrupt: true, text: 'март' },
      { kind: 'echo', interrupt: true, text: 'один' },
    ]);
    s().setDraft({ policy: '5000000000000001', day: '05', month: '03', year: '1956' });
    await s().submitIdentify();
    expect(saidOn(bridge).at(-1)!.text).toBe('Выберите направление. Можно выбрать: Кардиология; Мои записи.');
    await s().chooseReferral('r1');
    expect(saidOn(bridge).slice(-2)).toEqual([
      { kind: 'choice', interrupt: true, text: 'Вы выбрали: Кардиология.' },
      { kind: 'screen', interrupt: false, text: 'Выберите поликлинику. Можно выбрать: Поликлиника №1.' },
    ]);
    await s().chooseClinic('lpu-1');
    expect(saidOn(bridge).slice(-2)).toEqual([
      { kind: 'choice', interrupt: true, text: 'Вы выбрали: Поликлиника №1.' },
      { kind: 'screen', interrupt: false, text: 'Выберите врача. Можно выбрать: Петров П. П., врач-кардиолог.' },
    ]);
    await s().chooseResource('doc-1');
    expect(saidOn(bridge).at(-1)!.text).toBe('Выберите день. Можно выбрать: пятница, двадцать седьмое ноября.');
    await s().chooseDay('2026-11-27');
    expect(saidOn(bridge).slice(-2).map((x) => x.text)).toEqual([
      'Вы выбрали: пятница, двадцать седьмое ноября.',
      'Выберите время. Пятница, двадцать седьмое ноября. Можно выбрать: девять ноль-ноль; девять пятнадцать.',
    ]);
    await s().chooseTime('09:15');
    expect(saidOn(bridge).at(-1)!.text).toBe(
      'Проверьте и подтвердите запись. Приём в пятницу, двадцать седьмого ноября, в девять часов пятнадцать минут. ' +
        'Врач: Петров П. П., врач-кардиолог. Кабинет 214, второй этаж. Поликлиника: Поликлиника №1. Если всё верно, нажмите «Записаться».',
    );
    await s().book();
    await flush();
    expect(saidOn(bridge).slice(-2)).toEqual([
      {
        kind: 'ticket',
        interrupt: true,
        text:
          'Вы записаны. Номер талона: ноль три семь, девять один. Приём в пятницу, двадцать седьмого ноября, в девять часов пятнадцать минут. ' +
          'Кабинет 214, второй этаж. Врач: Петров П. П., врач-кардиолог. Поликлиника: Поликлиника №1. Чтобы услышать ещё раз, нажмите «Повторить».',
      },
      { kind: 'status', interrupt: false, text: 'Возьмите талон.' },
    ]);
    // «Повторить»: the whole ticket again, cutting off what is being said.
    const ticket = saidOn(bridge).at(-2)!;
    s().repeatVoice();
    expect(saidOn(bridge).at(-1)).toEqual(ticket);
    // The session ends: the voice stops, goes off, and the next patient hears nothing.
    const count = saidOn(bridge).length;
    s().endSession();
    expect(s().voice).toBe(false);
    expect(bridge.speechStop).toHaveBeenCalled();
    s().start();
    expect(saidOn(bridge)).toHaveLength(count);
  });

  it('reads an error panel: what happened, what to do, its buttons', async () => {
    const bridge = fakeBridge({ listReferrals: vi.fn(() => fail('misUnavailable', 'server')) });
    const store = await voiced(bridge);
    store.getState().start();
    store.getState().setDraft({ policy: '5000000000000001', day: '05', month: '03', year: '1956' });
    await store.getState().submitIdentify();
    expect(saidOn(bridge).at(-1)).toEqual({
      kind: 'error',
      interrupt: true,
      text: 'Система записи временно не отвечает. Попробуйте ещё раз. Если не получится — обратитесь в регистратуру. Можно выбрать: Повторить; Начать заново.',
    });
  });

  it('speaks the session language; a language switch reads the screen again in it', async () => {
    const bridge = fakeBridge();
    const store = await voiced(bridge);
    store.getState().setLanguage('en');
    const last = (bridge.speak as ReturnType<typeof vi.fn>).mock.calls.at(-1)![0] as { text: string; language: string };
    expect(last.language).toBe('en');
    expect(last.text).toMatch(/^Reading aloud is on\. .*You can choose: /);
  });

  it('uses the OS voice when it speaks the language (rate and volume from the config), not the bridge', async () => {
    const spoken: Array<{ text: string; rate: number; volume: number; lang: string }> = [];
    vi.stubGlobal(
      'SpeechSynthesisUtterance',
      class {
        voice: unknown = null;
        lang = '';
        rate = 1;
        volume = 1;
        constructor(readonly text: string) {}
      },
    );
    const irina = { lang: 'ru-RU', name: 'Microsoft Irina', localService: true } as SpeechSynthesisVoice;
    const synth: Synth = {
      getVoices: () => [irina],
      speak: (u) => void spoken.push({ text: u.text, rate: u.rate, volume: u.volume, lang: u.lang }),
      cancel: vi.fn(),
    };
    const bridge = fakeBridge({ kioskInfo: vi.fn(() => ok({ ...info, voice: { ...info.voice, engine: 'auto' as const } })) });
    const store = createFlowStore(bridge, { synth });
    await store.getState().boot();
    expect(store.getState().osVoices).toEqual(['ru']);
    store.getState().toggleVoice();
    expect(spoken).toHaveLength(1);
    expect(spoken[0]).toMatchObject({ lang: 'ru-RU', rate: 0.9, volume: 1 });
    expect(synth.cancel).toHaveBeenCalled();
    expect(bridge.speak).not.toHaveBeenCalled();
  });

  it('«Озвучить» is offered only where something can speak the language', () => {
    const v = info.voice;
    expect(canSpeak(v, 'ru', [])).toBe(true);
    expect(canSpeak({ ...v, kioskEngine: false }, 'ru', [])).toBe(false);
    expect(canSpeak({ ...v, engine: 'auto', kioskEngine: false }, 'ru', ['ru'])).toBe(true);
    expect(canSpeak({ ...v, engine: 'espeak-ng', kioskEngine: false }, 'ru', ['ru'])).toBe(false);
    expect(canSpeak({ ...v, engine: 'os' }, 'ru', [])).toBe(false);
    expect(canSpeak({ ...v, enabled: false }, 'ru', ['ru'])).toBe(false);
    expect(canSpeak(undefined, 'ru', ['ru'])).toBe(false);
  });
});
