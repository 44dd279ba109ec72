// Printer models the kiosk knows. The code page numbers for `ESC t` are per vendor, and a
// wrong number prints Cyrillic as pseudographics, so every profile names its numbers and
// the config can override both the page and its number for a printer that differs.
import type { PrinterConfig } from '../core/config/schema';

export type PrinterProfileId = PrinterConfig['profile'];
/** Cyrillic code pages a thermal printer can hold. Named as in the config. */
export type SlipCodepage = 'cp866' | 'wpc1251';
export type RollWidthMm = 58 | 80;

export interface PrinterProfile {
  id: PrinterProfileId;
  label: string;
  widthMm: RollWidthMm;
  /** Font A characters per line: 12-dot font on 576 / 384 printable dots. */
  columns: 32 | 48;
  /** Printable dots per line at 203 dpi. */
  dots: 384 | 576;
  codepage: SlipCodepage;
  /** `ESC t n` for each Cyrillic page on this model. */
  codepageNumbers: Record<SlipCodepage, number>;
  /** QR module size in dots (`GS ( k` function 167). */
  qrModule: number;
  /** Line feeds between the last line and the blade, so the cut does not cross the text. */
  feedBeforeCut: number;
}

// Epson numbers are from Epson's ESC/POS code page table (17 = PC866, 46 = WPC1251).
// Custom VKP80: its manual selects PC858 with ESC t 19 like Epson, so we assume Epson's
// table; the Russian firmware boots in PC866 anyway. Generic 58 mm printers (POS-5890 and
// clones) put WPC1251 at 23. None of the non-Epson numbers were checked on a device: that is
// what `codepageNumber` in the config is for.
const PROFILES: Record<PrinterProfileId, PrinterProfile> = {
  'epson-tm-t20': {
    id: 'epson-tm-t20', label: 'Epson TM-T20', widthMm: 80, columns: 48, dots: 576,
    codepage: 'cp866', codepageNumbers: { cp866: 17, wpc1251: 46 }, qrModule: 6, feedBeforeCut: 4,
  },
  'epson-tm-t88': {
    id: 'epson-tm-t88', label: 'Epson TM-T88', widthMm: 80, columns: 48, dots: 576,
    codepage: 'cp866', codepageNumbers: { cp866: 17, wpc1251: 46 }, qrModule: 6, feedBeforeCut: 4,
  },
  'custom-vkp80': {
    id: 'custom-vkp80', label: 'Custom VKP80', widthMm: 80, columns: 48, dots: 576,
    codepage: 'cp866', codepageNumbers: { cp866: 17, wpc1251: 46 }, qrModule: 6, feedBeforeCut: 5,
  },
  'generic-58': {
    id: 'generic-58', label: 'ESC/POS 58 mm', widthMm: 58, columns: 32, dots: 384,
    codepage: 'cp866', codepageNumbers: { cp866: 17, wpc1251: 23 }, qrModule: 5, feedBeforeCut: 4,
  },
};

export const printerProfiles: readonly PrinterProfile[] = Object.values(PROFILES);

export function getProfile(id: PrinterProfileId): PrinterProfile {
  return PROFILES[id];
}

/** A profile with the config's overrides applied: what actually goes into the bytes. */
export interface ResolvedProfile extends PrinterProfile {
  codepageNumber: number;
}

export function resolveProfile(config: Pick<PrinterConfig, 'profile' | 'codepage' | 'codepageNumber'>): ResolvedProfile {
  const base = getProfile(config.profile);
  const codepage = config.codepage ?? base.codepage;
  return { ...base, codepage, codepageNumber: config.codepageNumber ?? base.codepageNumbers[codepage] };
}

/** Default `ESC t` table of a model, number → page; used by the virtual printer to decode. */
export function codepageTable(profile: PrinterProfile): Record<number, SlipCodepage> {
  return { [profile.codepageNumbers.cp866]: 'cp866', [profile.codepageNumbers.wpc1251]: 'wpc1251' };
}
