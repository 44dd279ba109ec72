// Runtime shapes of the MIS API responses we rely on. Extra fields are tolerated (zod strips
// them); a missing required field is a protocol error, because booking on a half-understood
// answer is worse than asking the patient to retry. Field names follow the seed document.
import { z } from 'zod';

const str = z.string();
const optStr = z.string().nullish().transform((v) => v ?? '');
const optInt = z.number().int().nullish().transform((v) => v ?? null);

export const LpuStatusSchema = z.object({
  name: z.string(),
  lastChangeTime: z.string().nullish(),
  ping: z.number().nullish(),
  message: z.string().nullish(),
});

export const LpuWithStatusSchema = z.object({
  guid: str,
  name: str,
  fullName: optStr,
  address: optStr,
  phone: optStr,
  isActive: z.boolean().nullish(),
  haveSchedule: z.boolean().nullish(),
  status: LpuStatusSchema.nullish(),
  worktimes: z.record(z.string(), z.string().nullish()).nullish(),
});
export type LpuWithStatus = z.infer<typeof LpuWithStatusSchema>;

export const DocBusyTypeSchema = z.object({
  name: optStr,
  type: z.number().int().nullish(),
  code: z.string().nullish(),
});

export const TicketVisitWithLpuSchema = z.object({
  lpu: LpuWithStatusSchema,
  num: str,
  room: optStr,
  flat: optInt,
  busyType: DocBusyTypeSchema.nullish(),
  ticketGuid: str,
  timeTableGuid: optStr,
  docFio: optStr,
  docGuid: optStr,
  resType: optStr,
  doctorRole: optStr,
  speciality: optStr,
  beginTime: str,
  endTime: str,
  dateOfAppointment: z.string().nullish(),
  source: z.union([z.number(), z.string()]).nullish(),
  login: z.string().nullish(),
  sourceName: z.string().nullish(),
  history: z.array(z.unknown()).nullish(),
});
export type TicketVisitWithLpu = z.infer<typeof TicketVisitWithLpuSchema>;

const LpuRefSchema = z.object({ lpuGuid: str, name: optStr, mcod: optStr });
const CodeNameSchema = z.object({ code: z.union([z.string(), z.number()]).transform(String), name: str });

export const DirectionSchema = z.object({
  guid: str,
  number: str,
  type: optStr,
  date: z.string().nullish(),
  dateEnd: z.string().nullish(),
  status: z.string(),
  lpuFrom: LpuRefSchema.nullish(),
  lpuTo: z.array(LpuRefSchema).nullish(),
  speciality: CodeNameSchema.nullish(),
  service: CodeNameSchema.nullish(),
  senderDoctorFio: z.string().nullish(),
  hasSchedule: z.boolean().nullish(),
  ticket: TicketVisitWithLpuSchema.nullish(),
});
export type Direction = z.infer<typeof DirectionSchema>;

export const DirectionSlotSchema = z.object({
  time: str,
  beginTime: str,
  endTime: str,
  timeTableGuid: optStr,
  status: str,
  message: z.string().nullish(),
});

export const DirectionResourceSchema = z.object({
  resourceGuid: str,
  resType: optStr,
  docFio: str,
  doctorRole: optStr,
  speciality: optStr,
  room: optStr,
  flat: optInt,
  days: z.array(z.object({ date: str, slots: z.array(DirectionSlotSchema) })),
});
export type DirectionResource = z.infer<typeof DirectionResourceSchema>;

export const DirectionScheduleLpuSchema = z.object({
  lpu: LpuWithStatusSchema,
  resources: z.array(DirectionResourceSchema),
});
export type DirectionScheduleLpu = z.infer<typeof DirectionScheduleLpuSchema>;

// A token goes back out in an Authorization header: only token characters (JWT/base64url and
// base64), so a maintenance notice, an HTML scrap or a CR/LF can never become one.
const TokenString = z
  .string()
  .regex(/^[A-Za-z0-9._~+/=-]{8,4096}$/, 'the token is not a token-like string');

/**
 * The token answer is PROPOSED: accept `{token}`, `{access_token}` or a bare JSON string. The
 * answer must be JSON (bounded-exchange.ts): the text/plain bare token the proposal also
 * mentions is refused, because a text/plain 200 is what captive portals and maintenance pages
 * send.
 */
export const TokenResponseSchema = z.union([
  TokenString.transform((token) => ({ token, expiresIn: null as number | null })),
  z
    .object({
      token: TokenString.optional(),
      accessToken: TokenString.optional(),
      access_token: TokenString.optional(),
      expiresIn: z.number().nullish(),
    })
    .transform((o, ctx) => {
      const token = o.token ?? o.accessToken ?? o.access_token;
      if (!token) {
        ctx.addIssue({ code: 'custom', message: 'no token in the answer' });
        return z.NEVER;
      }
      return { token, expiresIn: o.expiresIn ?? null };
    }),
], { error: 'no token-like string in the token answer' });

export const ExceptionResponseSchema = z.object({
  code: z.union([z.number(), z.string()]).nullish(),
  message: z.string(),
  messageCode: z.union([z.string(), z.number()]).nullish().transform((v) => (v == null ? null : String(v))),
  type: z.string().nullish(),
});

/**
 * The site's tables say PascalCase while its JSON examples are camelCase: normalise every
 * key to camelCase before parsing. `message_code` becomes `messageCode`; `access_token` keeps
 * its spelling so the alias above still matches.
 */
export function normaliseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normaliseKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      let key = k.length > 0 ? k[0]!.toLowerCase() + k.slice(1) : k;
      if (key === 'message_code' || key === 'message_Code') key = 'messageCode';
      out[key] = normaliseKeys(v);
    }
    return out;
  }
  return value;
}

/** DOCUMENTED: one row of `GET /api/v2/settings/clientApplication/{appGuid}` per booking function. */
export const ClientApplicationRowSchema = z.object({
  clientApplicationName: optStr,
  clientApplicationGuid: optStr,
  function: optStr,
  access: z.number().int().nullish(),
  scheduleDays: z.number().int().nullish(),
});
export type ClientApplicationRow = z.infer<typeof ClientApplicationRowSchema>;

/**
 * DOCUMENTED statuses of `ExtendedSlot`; only `Available` is offered, `UnavailableWithMessage`
 * carries a message for the patient. The remainder of the model (times, cell GUID) is PROPOSED.
 */
export const ExtendedSlotSchema = z.object({
  /** The cell's date where a range answer carries it (PROPOSED); else beginTime's date. */
  date: z.string().nullish(),
  status: str,
  message: z.string().nullish(),
  flagAccess: z.string().nullish(),
  bookingSource: z.string().nullish(),
  timeTableGuid: optStr,
  beginTime: str,
  endTime: str,
  time: optStr,
});
export type ExtendedSlot = z.infer<typeof ExtendedSlotSchema>;

/** `ShortResourceWeekly`: `docFio` DOCUMENTED, the rest PROPOSED (simulator-contract.md). */
export const ShortResourceWeeklySchema = z.object({
  docFio: str,
  resourceGuid: str,
  resType: optStr,
  doctorRole: optStr,
  speciality: optStr,
  room: optStr,
  flat: optInt,
  days: z.array(z.object({ date: str, slots: z.array(ExtendedSlotSchema) })),
});
export type ShortResourceWeekly = z.infer<typeof ShortResourceWeeklySchema>;

/**
 * PROPOSED `GET /api/v2/selfbooking/specialities`: one row per clinic of the patient's cards,
 * the clinic as the seed's LpuWithStatus, each speciality as the referral's `{ code, name }`.
 */
export const SelfBookingClinicSchema = z.object({
  lpu: LpuWithStatusSchema,
  specialities: z.array(CodeNameSchema),
});
export type SelfBookingClinic = z.infer<typeof SelfBookingClinicSchema>;

/** PROPOSED answer of `POST /api/v2/waitinglist/{lpuGuid}`: the MIS's id of the request. */
export const WaitingListAnswerSchema = z.object({
  id: z.union([z.string(), z.number()]).nullish().transform((v) => (v == null || v === '' ? null : String(v))),
});
