// The one contract of the kiosk bridge (`window.kiosk`). Shared by the Electron main process,
// the preload, the loopback browser host and the renderer. The main side validates every
// input with these schemas; the renderer only sees the inferred types. Nothing here may carry
// the patient's COD token: outputs are view models built in the core, never raw API payloads.
import { z } from 'zod';
import { GUID_PATTERN, MIN_BIRTH_DATE, birthDateProblem, isHhmm, isOffsetDateTime, isYmd } from './calendar';
import { LOCALE_IDS } from './i18n/locales';
import { PRINTER_FAULTS, type PrinterFault } from './printer-faults';
import { KIOSK_PROBLEMS } from './problems';
import { SPEECH_KINDS, SPEECH_TEXT_LIMIT, SPEECH_TEXT_PATTERN, VOICE_ENGINES } from './speech';
import { MOBILE_PATTERN, POLICY_LENGTH, POLICY_PATTERN, REFERRAL_NUMBER_PATTERN, REFERRAL_STATUSES, SPECIALITY_CODE_PATTERN, SURNAME_PATTERN } from './rules';
import {
  ServiceEnterResultSchema,
  ServiceGateSchema,
  ServiceLeaveResultSchema,
  ServiceLogSchema,
  ServiceMisCheckSchema,
  ServicePaperSchema,
  ServicePrintResultSchema,
  ServiceStatusSchema,
} from './service-contract';

/**
 * Why the bridge refused an input, for the log only: the patient sees the kiosk's own sentence
 * for `badInput` (only a bug or an attack sends these), so they are the developer's words.
 */
/**
 * The most of the MIS's own free text that crosses the bridge in one field: the core cuts it to
 * 200 characters at a word (core/mis/mis-text.ts); anything longer is a bug, refused as such.
 */
export const MIS_TEXT_LIMIT = 300;

const T = {
  fields: 'unexpected set of fields',
  guid: 'expected a GUID',
  date: 'expected a real date YYYY-MM-DD (1900 to 2100)',
  time: 'expected a time HH:MM (00:00 to 23:59)',
  flag: 'expected true or false',
  birthDate: 'expected a birth date YYYY-MM-DD',
  birthFuture: 'a birth date cannot be in the future',
  birthAncient: 'a birth date cannot be before 1900-01-01',
  dateTime: 'expected a date-time with an offset (YYYY-MM-DDTHH:MM:SS+HH:MM)',
  policy: `expected a policy number of ${POLICY_LENGTH} digits`,
  referralNumber: 'expected a referral number of 1 to 40 letters and digits',
  surname: 'expected a surname in Cyrillic letters, 1 to 60 characters',
  language: 'expected a language the kiosk speaks',
  speciality: 'expected a speciality code of 1 to 40 letters, digits, dots, dashes or underscores',
  phone: 'expected a Russian mobile number: 10 digits starting with 9',
  reason: 'expected noSlots or noConvenientTime',
  waitFor: 'expected exactly one of specialityCode and referralGuid',
  speech: `expected 1 to ${SPEECH_TEXT_LIMIT} characters to say, no control characters`,
  speechKind: 'expected a kind of utterance the kiosk says',
} as const;
/** A language the kiosk speaks (electron/common/i18n/locales.ts). */
export const LocaleSchema = z.enum(LOCALE_IDS, { error: T.language });
/**
 * Date-times as the core normalised them (electron/core/api/mis-time.ts): ISO with the clinic's
 * explicit offset, whole seconds, e.g. `2026-11-27T09:15:00+03:00`. Nothing else crosses.
 */
const isoDateTime = z.string({ error: T.dateTime }).refine(isOffsetDateTime, T.dateTime);
/** A real calendar date YYYY-MM-DD, 1900..2100 (no 2026-02-30, no 9999-99-99). */
const ymd = z.string({ error: T.date }).refine(isYmd, T.date);
/** A real wall-clock time HH:MM, 00:00..23:59. */
const hhmm = z.string({ error: T.time }).refine(isHhmm, T.time);
/**
 * Every id the kiosk sends is a GUID in the canonical 8-4-4-4-12 hex form (any case): the
 * simulator's seed and every example in the shared API documents use it for lpu, resource,
 * referral, ticket and cell ids. It goes into URL path segments, so nothing but hex and `-`.
 */
const guid = z.string({ error: T.guid }).regex(GUID_PATTERN, T.guid);
/** A birth date: a real date, not before 1900-01-01, not in the future (see birthDateProblem). */
const birthDate = z.string({ error: T.birthDate }).superRefine((v, ctx) => {
  const problem = !/^\d{4}-\d{2}-\d{2}$/.test(v)
    ? T.birthDate
    : v < MIN_BIRTH_DATE
      ? T.birthAncient
      : !isYmd(v)
        ? T.birthDate
        : birthDateProblem(v) === 'future'
          ? T.birthFuture
          : null;
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
/** Inputs are closed: an unknown field (`__proto__`, `constructor`, a typo) is refused. */
const input = <S extends z.ZodRawShape>(shape: S) => z.strictObject(shape, { error: T.fields });

// ---------- view models (outputs) ----------

export const KioskInfoSchema = z.object({
  kioskId: z.string(),
  demo: z.boolean(),
  /** IANA zone of the clinic; every time on screen and on paper is shown in it. */
  timeZone: z.string(),
  idleSeconds: z.number().int().positive(),
  /** The idle time on the screens where the patient types (Identify, the referral number and surname, the phone). */
  typingIdleSeconds: z.number().int().positive(),
  countdownSeconds: z.number().int().positive(),
  /** The ticket screen's way back to Welcome: after a slip, and (longer) when nothing was printed. */
  ticketSeconds: z.number().int().positive(),
  ticketUnprintedSeconds: z.number().int().positive(),
  /** Tremor guards: the same key again within this is one press; the month picker ignores taps this long after it appears. */
  repeatGuardMs: z.number().int().min(0),
  pickerGuardMs: z.number().int().min(0),
  /** A digit this soon after the policy's 16th is a slipping finger, not the day of birth. */
  spillGuardMs: z.number().int().min(0),
  orientation: z.enum(['auto', 'portrait', 'landscape']),
  /**
   * Reach mode (config `screen.reach`): whether «Для инвалидной коляски» is offered, and where the
   * picture hangs (metres from the floor) and how high a seated patient reaches; the screen
   * works out which share of its height is in reach.
   */
  reach: z.object({
    offered: z.boolean(),
    pictureHeightM: z.number().positive(),
    bottomEdgeM: z.number().min(0),
    maxReachM: z.number().positive(),
  }),
  /** The language a session starts in (config `language`); the patient may switch it on Welcome. */
  language: LocaleSchema,
  printerEnabled: z.boolean(),
  reprintLimit: z.number().int().min(0),
  /** The configured policy scanner: the screen polls for scans unless 'none', and listens for a keyboard wedge when 'keyboard'. */
  scanner: z.enum(['none', 'serial', 'keyboard']),
  /** Where on the kiosk the scanner's window is (config `scanner.place`), for Welcome's picture. */
  scannerPlace: z.enum(['below', 'right', 'left']),
  /** The registry's phone (config `clinic.phone`, '' when none): Welcome shows it while the MIS is down. */
  clinicPhone: z.string(),
  /** «Попробуйте через N минут» while the MIS is down: config `health.misRetryMinutes`, never before the next check. */
  misRetryMinutes: z.number().int().positive(),
  /** How long a booking can take at the longest: «Начать заново» waits for its outcome that long, no longer. */
  bookingWaitSeconds: z.number().int().positive(),
  /** What the MIS behind this kiosk can do; the flow adapts, no screen knows which MIS it is. */
  mis: z.object({
    /** The patient picks from a list of their referrals. */
    listReferrals: z.boolean(),
    /** The patient types the referral number and their surname instead. */
    referralByNumber: z.boolean(),
    /** «Мои записи» is offered. */
    visits: z.boolean(),
    /** «Отменить запись» is offered. */
    cancel: z.boolean(),
    clientApplicationCheck: z.boolean(),
    /** «Записаться к врачу» without a referral is offered. */
    selfBooking: z.boolean(),
    /** «Перенести» is offered on an appointment. */
    reschedule: z.boolean(),
    /** «Встать в лист ожидания» is offered when there is no time. */
    waitingList: z.boolean(),
  }),
  /** Voice guidance (config `voice`): whether «Озвучить» is offered, and how to speak. */
  voice: z.object({
    enabled: z.boolean(),
    engine: z.enum(VOICE_ENGINES),
    /** Percent of the normal rate and of full volume, for either engine. */
    rate: z.number().int().positive(),
    volume: z.number().int().positive(),
    /** The kiosk's own engine (espeak-ng in the main process) answered at start: `speak` can be heard. */
    kioskEngine: z.boolean(),
  }),
});
export type KioskInfo = z.infer<typeof KioskInfoSchema>;

export const PatientSchema = z.object({
  /** The policy number masked for display, e.g. «••••0001». Never the full number. */
  policyMasked: z.string(),
});
export type Patient = z.infer<typeof PatientSchema>;

export const ReferralStatusSchema = z.enum(REFERRAL_STATUSES);
export type ReferralStatus = z.infer<typeof ReferralStatusSchema>;

export const ClinicRefSchema = z.object({
  guid: z.string(),
  name: z.string(),
  fullName: z.string(),
  address: z.string(),
  phone: z.string(),
  /** Opening hours Monday first (null: closed or not said), when the MIS sent them. */
  hours: z.array(z.string().nullable()).length(7).optional(),
});
export type ClinicRef = z.infer<typeof ClinicRefSchema>;

export const TicketSchema = z.object({
  ticketGuid: z.string(),
  /** Ticket number as issued by the clinic (`num`), e.g. «037.91». */
  number: z.string(),
  room: z.string(),
  floor: z.number().int().nullable(),
  /** ISO strings with the clinic's offset, normalised in the core from whatever the API sent. */
  beginTime: isoDateTime,
  endTime: isoDateTime,
  doctorName: z.string(),
  doctorRole: z.string(),
  speciality: z.string(),
  resType: z.string(),
  clinic: ClinicRefSchema,
  bookedAt: isoDateTime.nullable(),
  /** The doctor's (or room's) id at the MIS, when it said: a reschedule asks for this one's free cells. */
  resourceGuid: z.string().nullish(),
});
export type Ticket = z.infer<typeof TicketSchema>;

export const ReferralSchema = z.object({
  guid: z.string(),
  number: z.string(),
  /** The MIS's type (Consultation, Laboratory, …); the screen names the known ones in its language. */
  type: z.string(),
  /** What the referral is for, in the MIS's words: the speciality or the service name; null when it says neither. */
  title: z.string().nullable(),
  issuedBy: z.string(),
  senderDoctor: z.string().nullable(),
  issuedAt: isoDateTime.nullable(),
  validUntil: isoDateTime.nullable(),
  status: ReferralStatusSchema,
  /** True when the patient can book on it now (else `status` says why). */
  bookable: z.boolean(),
  ticket: TicketSchema.nullable(),
  /**
   * The patient's upcoming appointment to this referral's speciality, from the visits the kiosk
   * knows (the MIS refuses a second one only at «Записаться»): said on the card, with «Перенести».
   */
  upcoming: TicketSchema.nullish(),
});
export type Referral = z.infer<typeof ReferralSchema>;

export const ClinicSchema = ClinicRefSchema.extend({
  online: z.boolean(),
  /** The MIS's own words on why the clinic cannot take bookings now, when it gave any (cut to MIS_TEXT_MAX). */
  statusText: z.string().max(MIS_TEXT_LIMIT).nullable(),
});
export type Clinic = z.infer<typeof ClinicSchema>;

export const SlotSchema = z.object({
  time: hhmm,
  beginTime: isoDateTime,
  endTime: isoDateTime,
  timeTableGuid: z.string(),
});
export type Slot = z.infer<typeof SlotSchema>;

export const ScheduleDaySchema = z.object({ date: ymd, slots: z.array(SlotSchema) });
export type ScheduleDay = z.infer<typeof ScheduleDaySchema>;

export const ResourceSchema = z.object({
  resourceGuid: z.string(),
  resType: z.enum(['Doctor', 'Room', 'Equipment']),
  name: z.string(),
  role: z.string(),
  speciality: z.string(),
  room: z.string(),
  floor: z.number().int().nullable(),
  /** Only days that have at least one free cell bookable by the kiosk. */
  days: z.array(ScheduleDaySchema),
  /** The MIS's own words on closed cells (ExtendedSlot `UnavailableWithMessage`), e.g. «Врач на больничном». */
  notice: z.string().max(MIS_TEXT_LIMIT).nullish(),
});
export type Resource = z.infer<typeof ResourceSchema>;

/** A speciality the patient may book without a referral at a clinic this kiosk serves. */
export const SpecialitySchema = z.object({
  code: z.string(),
  name: z.string(),
  clinic: ClinicRefSchema,
  /** The nearest free time in the kiosk's window; null when there is none (the waiting list then). */
  nearest: isoDateTime.nullable(),
  /** The patient's upcoming appointment to this speciality, as on a referral's card. */
  upcoming: TicketSchema.nullish(),
});
export type Speciality = z.infer<typeof SpecialitySchema>;

/**
 * A reschedule's outcome. `moved`: the MIS moved the booking itself; `cancelled`: the kiosk
 * cancelled the old one after the new one was confirmed; `kept`: the new one stands but the old
 * one could not be cancelled, so the patient holds both (the screen says which to cancel how).
 */
export const RescheduleResultSchema = z.object({
  ticket: TicketSchema,
  previous: TicketSchema,
  old: z.enum(['moved', 'cancelled', 'kept']),
});
export type RescheduleResult = z.infer<typeof RescheduleResultSchema>;

/** The waiting list took the request: the slip to print (`slipId`) and the MIS's reference, if any. */
export const WaitingListResultSchema = z.object({
  slipId: z.string(),
  reference: z.string().max(MIS_TEXT_LIMIT).nullable(),
});
export type WaitingListResult = z.infer<typeof WaitingListResultSchema>;

/**
 * printed: the printer confirmed the slip. uncertain: every byte went out but the printer did
 * not confirm (ask the patient to look). failed: nothing usable came out. disabled: no printer.
 */
export const PrintStateSchema = z.enum(['printed', 'uncertain', 'failed', 'disabled']);
export const PrinterFaultSchema = z.enum(PRINTER_FAULTS);
export const PrintResultSchema = z.object({
  jobId: z.string().nullable(),
  state: PrintStateSchema,
  /** Why, when not printed. */
  fault: PrinterFaultSchema.nullable(),
  reprintsLeft: z.number().int().min(0),
  /**
   * Whether «Печать ещё раз» may be offered now. The core alone decides (reprint limit, failed
   * attempts, the printer reporting paper end or an open cover); the renderer only shows it.
   */
  canPrintAgain: z.boolean(),
});
export type PrintResult = z.infer<typeof PrintResultSchema>;

/** «Распечатать все записи»: the slip's id (the same list gives the same id) and how it printed. */
export const SummaryPrintSchema = z.object({ slipId: z.string(), result: PrintResultSchema });
export type SummaryPrint = z.infer<typeof SummaryPrintSchema>;

/**
 * A scan, as the screen needs it. Never the FIO; the number of a paper policy only masked (the
 * core keeps it and identifies with it). An ENP-only scan carries its digits: they go into the
 * policy field the patient would otherwise type.
 */
export const ScanEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('policy'), policyMasked: z.string(), expiresOn: ymd.nullable() }),
  z.object({ kind: z.literal('expired'), policyMasked: z.string(), expiredOn: ymd }),
  z.object({ kind: z.literal('enp'), policy: z.string().regex(POLICY_PATTERN) }),
  z.object({ kind: z.literal('unrecognised') }),
]);
export type ScanEvent = z.infer<typeof ScanEventSchema>;

/**
 * The kiosk's pre-flight state as the main process last checked it (electron/core/health):
 * the printer's own status (`disabled`: this kiosk prints no slips; `unknown`: a one-way printer
 * or not checked yet) and whether the MIS answered a token-free read.
 */
export const PrinterHealthSchema = z.enum(['ready', 'near-end', 'paper-end', 'cover-open', 'offline', 'error', 'unknown', 'disabled']);
export type PrinterHealth = z.infer<typeof PrinterHealthSchema>;
export const KioskHealthSchema = z.object({
  printer: PrinterHealthSchema,
  mis: z.enum(['ok', 'down', 'unknown']),
  /** When the last check finished (ISO instant), null before the first one. */
  checkedAt: z.string().nullable(),
});
export type KioskHealth = z.infer<typeof KioskHealthSchema>;

// ---------- inputs ----------

export const IdentifyInputSchema = input({
  policy: z.string({ error: T.policy }).regex(POLICY_PATTERN, T.policy),
  birthDate,
});
export type IdentifyInput = z.infer<typeof IdentifyInputSchema>;

export const ReferralInputSchema = input({ referralGuid: guid });
/** The referral number and surname the patient typed (MIS where capabilities.referralByNumber). */
export const FindReferralInputSchema = input({
  number: z.string({ error: T.referralNumber }).trim().regex(REFERRAL_NUMBER_PATTERN, T.referralNumber),
  surname: z.string({ error: T.surname }).trim().regex(SURNAME_PATTERN, T.surname),
});
export type FindReferralInput = z.infer<typeof FindReferralInputSchema>;
export const ScheduleInputSchema = input({ referralGuid: guid, lpuGuid: guid });
export const BookInputSchema = input({
  referralGuid: guid,
  lpuGuid: guid,
  resourceGuid: guid,
  date: ymd,
  time: hhmm,
});
export type BookInput = z.infer<typeof BookInputSchema>;
export const CancelInputSchema = input({ lpuGuid: guid, ticketGuid: guid });
const specialityCode = z.string({ error: T.speciality }).regex(SPECIALITY_CODE_PATTERN, T.speciality);
export const SpecialityScheduleInputSchema = input({ lpuGuid: guid, specialityCode });
export const DoctorScheduleInputSchema = input({ lpuGuid: guid, resourceGuid: guid });
/** A free cell as the schedule listed it: booked by itself (self-booking, a reschedule). */
const cell = {
  lpuGuid: guid,
  resourceGuid: guid,
  date: ymd,
  time: hhmm,
  timeTableGuid: guid,
};
export const BookSelfInputSchema = input({ ...cell, specialityCode });
export type BookSelfInput = z.infer<typeof BookSelfInputSchema>;
/** The appointment to move (as «Мои записи» listed it) and its new cell. */
export const RescheduleInputSchema = input({ ...cell, previousTicketGuid: guid });
export type RescheduleInput = z.infer<typeof RescheduleInputSchema>;
/**
 * A waiting-list request: what for (a speciality or a referral, exactly one), why, and the
 * patient's mobile number (10 digits, the +7 implied): used for this one call, never kept.
 */
export const WaitingListInputSchema = input({
  lpuGuid: guid,
  specialityCode: specialityCode.nullable(),
  referralGuid: guid.nullable(),
  phone: z.string({ error: T.phone }).regex(MOBILE_PATTERN, T.phone),
  reason: z.enum(['noSlots', 'noConvenientTime'], { error: T.reason }),
}).refine((v) => (v.specialityCode === null) !== (v.referralGuid === null), T.waitFor);
export type WaitingListInput = z.infer<typeof WaitingListInputSchema>;
/**
 * How the patient wants the slip: in the session's `language`, and double size when they had
 * large print on (`largePrint`; absent means no, so an older renderer still prints).
 */
const slipChoice = { language: LocaleSchema, largePrint: z.boolean({ error: T.flag }).optional() };
export const SlipChoiceInputSchema = input(slipChoice);
/**
 * `again: false` is the automatic print after booking; `again: true` is the patient pressing
 * «Печать ещё раз». Whether that resends a failed original or prints a copy marked ПОВТОРНАЯ is
 * the core's decision, from the print journal. The slip is printed in the session's `language`.
 */
export const TicketRefSchema = input({ ticketGuid: guid });
export const PrintInputSchema = input({ ticketGuid: guid, again: z.boolean({ error: T.flag }), ...slipChoice });
const NoInput = input({});
/**
 * A render error in the renderer, for the log: what broke and where (a screen and component
 * name). Never patient data; the renderer masks digits before it sends the message.
 */
export const ReportErrorInputSchema = input({ message: z.string().max(500), where: z.string().max(100) });
export type ReportErrorInput = z.infer<typeof ReportErrorInputSchema>;
/** The digits of a keyboard-wedge burst, read by physical key codes in the renderer. */
export const ScanKeysInputSchema = input({ digits: z.string({ error: T.fields }).regex(/^\d{1,64}$/, T.fields) });
/**
 * Voice guidance through the kiosk's own engine: what to say (composed in the renderer from the
 * catalogue and what the screen shows; never the policy number), in which language, and whether it
 * cuts off what is being said (`interrupt`) or follows it.
 */
export const SpeakInputSchema = input({
  text: z.string({ error: T.speech }).max(SPEECH_TEXT_LIMIT, T.speech).regex(SPEECH_TEXT_PATTERN, T.speech),
  language: LocaleSchema,
  kind: z.enum(SPEECH_KINDS, { error: T.speechKind }),
  interrupt: z.boolean({ error: T.flag }),
});
export type SpeakInput = z.infer<typeof SpeakInputSchema>;
/** A technician's PIN as typed on the service keypad: 4–8 digits, checked only in the core. */
export const ServicePinInputSchema = input({ pin: z.string({ error: T.fields }).regex(/^\d{4,8}$/, T.fields) });

// ---------- the contract ----------

export const bridgeContract = {
  kioskInfo: { input: NoInput, output: KioskInfoSchema },
  identify: { input: IdentifyInputSchema, output: PatientSchema },
  listReferrals: { input: NoInput, output: z.array(ReferralSchema) },
  /** The referral by its number + the patient's surname, where the MIS cannot list referrals. */
  findReferral: { input: FindReferralInputSchema, output: ReferralSchema },
  listClinics: { input: ReferralInputSchema, output: z.array(ClinicSchema) },
  listSchedule: { input: ScheduleInputSchema, output: z.array(ResourceSchema) },
  book: { input: BookInputSchema, output: TicketSchema },
  listAppointments: { input: NoInput, output: z.array(TicketSchema) },
  cancelAppointment: { input: CancelInputSchema, output: z.null() },
  /** What the patient may book without a referral (capabilities.selfBooking), with the nearest free time. */
  listSpecialities: { input: NoInput, output: z.array(SpecialitySchema) },
  listSpecialitySchedule: { input: SpecialityScheduleInputSchema, output: z.array(ResourceSchema) },
  /** One doctor's free cells (a reschedule: the same doctor, another time). */
  listDoctorSchedule: { input: DoctorScheduleInputSchema, output: z.array(ResourceSchema) },
  /** Books a free cell without a referral: the same transaction as `book`. */
  bookSelf: { input: BookSelfInputSchema, output: TicketSchema },
  /** Books the new cell first; the old appointment is given up only once the new one is confirmed. */
  reschedule: { input: RescheduleInputSchema, output: RescheduleResultSchema },
  joinWaitingList: { input: WaitingListInputSchema, output: WaitingListResultSchema },
  /** One slip listing the upcoming appointments «Мои записи» showed; printed once, then as a copy. */
  printAppointments: { input: SlipChoiceInputSchema, output: SummaryPrintSchema },
  printTicket: { input: PrintInputSchema, output: PrintResultSchema },
  /** The ticket's print state now, with a fresh printer status (paper replaced?). Prints nothing. */
  printStatus: { input: TicketRefSchema, output: PrintResultSchema },
  endSession: { input: NoInput, output: z.null() },
  reportError: { input: ReportErrorInputSchema, output: z.null() },
  /** The latest scan, once, or null; polled on Welcome and Identify only. */
  takeScan: { input: NoInput, output: ScanEventSchema.nullable() },
  /** Identifies with the paper policy the core kept from the last `takeScan`. */
  identifyScanned: { input: NoInput, output: PatientSchema },
  scanKeys: { input: ScanKeysInputSchema, output: z.null() },
  /** The screen stopped listening for scans (it left Welcome and Identify). */
  scanStop: { input: NoInput, output: z.null() },
  /** The last pre-flight health check (printer, MIS); asks nothing, so Welcome may poll it. */
  kioskHealth: { input: NoInput, output: KioskHealthSchema },
  /** A patient touched the screen or a key (sent at most every few seconds): someone is at the kiosk. */
  patientInput: { input: NoInput, output: z.null() },
  /** Says the text with the kiosk's engine; `accepted: false` when it has none (the screen then stays silent). */
  speak: { input: SpeakInputSchema, output: z.object({ accepted: z.boolean() }) },
  /** Stops what is being said and forgets what was to follow (voice off, the session over). */
  speechStop: { input: NoInput, output: z.null() },
  // Service mode (electron/core/service): every method but the gate, the entry and the exit
  // refuses unless the core opened a service session with the right PIN.
  serviceGate: { input: NoInput, output: ServiceGateSchema },
  serviceEnter: { input: ServicePinInputSchema, output: ServiceEnterResultSchema },
  serviceStatus: { input: NoInput, output: ServiceStatusSchema },
  servicePrintTest: { input: NoInput, output: ServicePrintResultSchema },
  servicePaperReplaced: { input: NoInput, output: ServicePaperSchema },
  serviceMisCheck: { input: NoInput, output: ServiceMisCheckSchema },
  serviceLog: { input: NoInput, output: ServiceLogSchema },
  serviceRestart: { input: NoInput, output: z.null() },
  serviceLeaveToOs: { input: ServicePinInputSchema, output: ServiceLeaveResultSchema },
  serviceExit: { input: NoInput, output: z.null() },
} as const;

export type BridgeContract = typeof bridgeContract;
export type BridgeMethod = keyof BridgeContract;
/** The technician's half of the bridge (service mode); refused by the core outside it. */
export type ServiceMethod = Extract<BridgeMethod, `service${string}`>;
export type BridgeInput<M extends BridgeMethod> = z.input<BridgeContract[M]['input']>;
export type BridgeOutput<M extends BridgeMethod> = z.infer<BridgeContract[M]['output']>;

// ---------- errors and the envelope ----------

export const ErrorKindSchema = z.enum([
  'auth', // token problems the core could not heal (5008, 5009, 5010, or 5007 twice)
  'validation', // the API refused the request with a 4xx message for the patient
  'server', // 5xx from the API
  'network', // no answer, timeout, connection refused
  'protocol', // an answer we cannot understand (not JSON, wrong shape)
  'input', // the bridge refused the input before calling anything
  'session', // no patient session (ended or idled out)
  'printer', // the printer could not take the job
  'internal', // a bug on our side
]);
export type ErrorKind = z.infer<typeof ErrorKindSchema>;

export const BridgeErrorSchema = z.object({
  kind: ErrorKindSchema,
  /** What went wrong in the kiosk's vocabulary (common/problems.ts); the screen words it and picks the next step. */
  problem: z.enum(KIOSK_PROBLEMS),
  /**
   * The MIS's own words, only where they carry facts the kiosk cannot get otherwise (the time of
   * an existing booking): typeset, with the patient's name shortened, cut to a sane length.
   */
  shown: z.string().max(MIS_TEXT_LIMIT).nullable(),
  httpStatus: z.number().int().nullable(),
});
export type BridgeError = z.infer<typeof BridgeErrorSchema>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

/** The object the preload (or the browser host's bridge script) puts on `window.kiosk`. */
export type KioskBridge = {
  [M in BridgeMethod]: (input: BridgeInput<M>) => Promise<Envelope<BridgeOutput<M>>>;
};

export type { PrinterFault };

// The method list and channel names live in channels.ts, free of zod, for the preload bundle.
export { bridgeMethodNames, channelFor } from './channels';
