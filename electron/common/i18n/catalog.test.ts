// Every language says everything: the same message ids as the Russian catalogue, each one
// producing a sentence, no Cyrillic in a language that is not Russian, and a sentence for every
// problem, printer fault and state the kiosk can report.
import { describe, expect, it } from 'vitest';
import { PRINTER_FAULTS } from '../printer-faults';
import { KIOSK_PROBLEMS } from '../problems';
import { REFERRAL_STATUSES } from '../rules';
import type { Catalog, MessageId } from './catalog';
import { LOCALE_IDS, LOCALES, t } from './locales';
import { ru } from './ru';

const ids = Object.keys(ru) as MessageId[];
/** Parameters for any message: every name gives a small number (plural forms 1, 2, 5 are tried too). */
const params = (n: number) => new Proxy({}, { get: (_t, key) => (key === Symbol.toPrimitive ? undefined : n) });
const says = (catalog: Catalog, id: MessageId, n: number): string => {
  const entry = catalog[id] as string | ((p: unknown) => string);
  return typeof entry === 'function' ? entry(params(n)) : entry;
};

describe('the catalogues', () => {
  it.each(LOCALE_IDS)('%s has exactly the Russian catalogue\'s messages', (locale) => {
    expect(Object.keys(LOCALES[locale].catalog).sort()).toEqual([...ids].sort());
  });

  it.each(LOCALE_IDS)('%s: every message is a sentence for every count, the same kind of value as in Russian', (locale) => {
    const catalog = LOCALES[locale].catalog;
    for (const id of ids) {
      expect(typeof catalog[id], id).toBe(typeof ru[id]);
      for (const n of [1, 2, 5]) expect(says(catalog, id, n).trim(), `${locale} ${id} (${n})`).not.toBe('');
    }
  });

  it.each(LOCALE_IDS.filter((l) => l !== 'ru'))('%s has no Cyrillic: what it says is all its own', (locale) => {
    const catalog = LOCALES[locale].catalog;
    for (const id of ids) for (const n of [1, 2, 5]) expect(says(catalog, id, n), `${locale} ${id}`).not.toMatch(/[А-Яа-яЁё]/);
  });

  it('names every problem, printer fault and referral status the kiosk can report', () => {
    for (const p of KIOSK_PROBLEMS) expect(ids).toContain(`problem.${p}`);
    for (const f of PRINTER_FAULTS) expect(ids).toContain(`printer.${f}`);
    for (const s of REFERRAL_STATUSES.filter((x) => x !== 'Active')) expect(ids).toContain(`referral.status.${s}`);
  });

  it('plurals follow each language\'s own rules', () => {
    expect(t('ru')('days.free', { count: 1 })).toBe('1 свободный талон');
    expect(t('ru')('days.free', { count: 3 })).toBe('3 свободных талона');
    expect(t('ru')('days.free', { count: 11 })).toBe('11 свободных талонов');
    expect(t('ru')('days.free', { count: 21 })).toBe('21 свободный талон');
    expect(t('en')('days.free', { count: 1 })).toBe('1 time available');
    expect(t('en')('days.free', { count: 21 })).toBe('21 times available');
  });

  it('a descriptor is worded like a direct lookup', () => {
    expect(t('en').msg({ id: 'scan.expired', params: { date: '31.12.2020' } })).toBe('The policy expired on 31.12.2020.');
    expect(t('ru').msg({ id: 'action.startOver' })).toBe('Начать заново');
  });
});
