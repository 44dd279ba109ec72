// The languages the kiosk speaks. Adding one is its catalogue file (typed as `Catalog`) plus one
// line here; nothing else in the kiosk names a language.
import { translator, type Catalog, type Translate } from './catalog';
import { en } from './en';
import { ru } from './ru';

export const LOCALES = {
  ru: { catalog: ru, tag: 'ru-RU' },
  en: { catalog: en, tag: 'en-GB' },
} as const satisfies Record<string, { catalog: Catalog; tag: string }>;

export type Locale = keyof typeof LOCALES;
/** Every language, the default (Russian) first. */
export const LOCALE_IDS = Object.keys(LOCALES) as [Locale, ...Locale[]];
export const DEFAULT_LOCALE: Locale = 'ru';

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && Object.hasOwn(LOCALES, v);
}

/** The BCP 47 tag Intl formats this language's dates and plurals with. */
export const localeTag = (locale: Locale): string => LOCALES[locale].tag;

const cache = new Map<Locale, Translate>();
export function t(locale: Locale): Translate {
  let tr = cache.get(locale);
  if (!tr) {
    tr = translator(LOCALES[locale].catalog);
    cache.set(locale, tr);
  }
  return tr;
}
