/**
 * Why a slip did not come out (or may not have). The core and the printing layer report these;
 * each has its sentence in the catalogue (`printer.<fault>`), which also says the booking stands.
 */
export const PRINTER_FAULTS = ['paperEnd', 'coverOpen', 'offline', 'error', 'unreachable', 'interrupted', 'notConfigured', 'internal', 'disabled', 'uncertain'] as const;
export type PrinterFault = (typeof PRINTER_FAULTS)[number];
