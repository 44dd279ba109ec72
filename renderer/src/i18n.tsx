// The session's language on screen: every component words what it shows through `useT()`
// (the catalogue, electron/common/i18n) and formats dates with `useLocaleTag()`. MIS data (names,
// clinics, rooms, the MIS's own sentences) stay as the MIS wrote them, in Russian, and are
// marked so: <Mis> sets lang="ru" on them, so a screen reader reads them right in any language.
import { useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Translate } from '../../electron/common/i18n/catalog';
import { DEFAULT_LOCALE, localeTag, t, type Locale } from '../../electron/common/i18n/locales';
import { StoreContext } from './store/context';

/** What a screen shown without a patient store (no bridge at all) speaks: the kiosk's default. */
const NO_SESSION = createStore<{ language: Locale }>()(() => ({ language: DEFAULT_LOCALE }));

function useLanguage(): Locale {
  const store = useContext(StoreContext);
  return useStore(store ?? NO_SESSION, (s: { language: Locale }) => s.language);
}

export function useT(): Translate {
  return t(useLanguage());
}

/** The BCP 47 tag Intl formats the session's dates with. */
export function useLocaleTag(): string {
  return localeTag(useLanguage());
}

/** The MIS's language: what its data are written in, whatever the session's language. */
export const MIS_LANG = 'ru';

/** MIS data inside a sentence or a line of the kiosk's own words. */
export function Mis({ children, className, testId }: { children: ReactNode; className?: string; testId?: string }) {
  return (
    <span lang={MIS_LANG} className={className} data-testid={testId}>
      {children}
    </span>
  );
}
