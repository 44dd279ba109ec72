// The outputs of the service-mode bridge methods (the technician's screens). Inputs live next
// to the other inputs in bridge-contract.ts, built with its strict `input()` helper. Nothing
// here carries the PIN, its hash or any secret of the configuration.
import { z } from 'zod';
import type { Msg } from './i18n/catalog';
import { ru } from './i18n/ru';
import { PRINTER_FAULTS } from './printer-faults';

/** Why a PIN did not open (or close) the kiosk; the keypad shows each its own way. */
const PinRefusals = [
  z.object({ state: z.literal('wrong'), attemptsLeft: z.number().int().min(1) }),
  z.object({ state: z.literal('locked'), minutesLeft: z.number().int().min(1) }),
  z.object({ state: z.literal('not-configured') }),
] as const;

/** Before the PIN: may the keypad take one at all? Asks nothing and changes nothing. */
export const ServiceGateSchema = z.object({
  state: z.enum(['ready', 'locked', 'not-configured']),
  minutesLeft: z.number().int().min(1).nullable(),
});
export type ServiceGate = z.infer<typeof ServiceGateSchema>;

export const ServiceEnterResultSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('open'), idleSeconds: z.number().int().positive() }),
  ...PinRefusals,
]);
export type ServiceEnterResult = z.infer<typeof ServiceEnterResultSchema>;

export const ServiceLeaveResultSchema = z.discriminatedUnion('state', [z.object({ state: z.literal('leaving') }), ...PinRefusals]);
export type ServiceLeaveResult = z.infer<typeof ServiceLeaveResultSchema>;

/** The printer's own state, as the service screen names it (the same values as kioskHealth). */
export const ServicePrinterStateSchema = z.enum(['ready', 'near-end', 'paper-end', 'cover-open', 'offline', 'error', 'unknown', 'disabled']);

export const ServicePaperSchema = z.object({
  /** Slips out since the last «Бумага заменена». */
  printed: z.number().int().min(0),
  resetAt: z.string().nullable(),
  rollLengthM: z.number().positive(),
  slipLengthMm: z.number().int().positive(),
  /** Estimate for the configured roll. */
  slipsLeft: z.number().int().min(0),
});
export type ServicePaper = z.infer<typeof ServicePaperSchema>;

/** A catalogue message the screen words in its language (what the core says instead of a sentence). */
export const MsgSchema = z
  .object({
    id: z.string().refine((id) => Object.hasOwn(ru, id), 'not a message of the catalogue'),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  })
  .transform((m) => m as unknown as Msg);

export const ServicePrintResultSchema = z.object({
  state: z.enum(['printed', 'uncertain', 'failed', 'disabled']),
  /** Why, when not printed (the patient's printer wording, `printer.<fault>`). */
  fault: z.enum(PRINTER_FAULTS).nullable(),
  at: z.string(),
});
export type ServicePrintResult = z.infer<typeof ServicePrintResultSchema>;

export const ServiceStatusSchema = z.object({
  printer: z.object({
    state: ServicePrinterStateSchema,
    /** The print journal could not be written (the print-once guard then lives in memory only). */
    journalFault: z.string().nullable(),
    lastTest: ServicePrintResultSchema.nullable(),
  }),
  paper: ServicePaperSchema,
  about: z.object({
    version: z.string(),
    kioskId: z.string(),
    /** The configuration without secrets, in the order shown: a label and a value, the value either as configured or worded by the screen. */
    items: z.array(z.object({ label: MsgSchema, value: z.union([z.string(), MsgSchema]) })),
  }),
  idleSeconds: z.number().int().positive(),
});
export type ServiceStatus = z.infer<typeof ServiceStatusSchema>;

export const ServiceMisCheckSchema = z.object({
  reachable: z.boolean(),
  latencyMs: z.number().int().min(0).nullable(),
  /** valid: the MIS accepted the kiosk's client application; refused: it did not; not-supported: this MIS has no such check. */
  clientApplication: z.enum(['valid', 'refused', 'unknown', 'not-supported']),
  note: z.string().nullable(),
  checkedAt: z.string(),
});
export type ServiceMisCheck = z.infer<typeof ServiceMisCheckSchema>;

export const ServiceLogSchema = z.object({ lines: z.array(z.string()).max(100) });
