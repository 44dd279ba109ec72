// The kiosk's configuration: one JSON file per machine, validated at start. Each field's
// `describe()` text is what a technician reads in the README reference and in the service
// screen when the file is wrong, so it says what the value is for and what to put there.
import { z } from 'zod';
import { DEFAULT_LOCALE, LOCALE_IDS } from '../../common/i18n/locales';
import { isLoopbackHost } from '../api/loopback';
import { TelemetryConfigSchema } from './telemetry-schema';
import { UpdatesConfigSchema } from './updates-schema';
import { ScannerConfigSchema } from './scanner-schema';
import { ServiceConfigSchema } from './service-schema';
import { ReachConfigSchema } from './reach-schema';
import { VoiceConfigSchema } from './voice-schema';
import { FleetConfigSchema } from './fleet-schema';
import { LAYER_ID } from '../fleet-config/layers';
import { PATH_PLACEHOLDERS, PROPOSED_PATHS, type EndpointPaths } from '../api/endpoint-paths';
import { DEFAULT_HUB_SERVICE_PATH } from '../mis/n3/soap';
import { DEFAULT_CLINIC_TIME_ZONE } from '../../common/clinic-time';
import { GUID_PATTERN } from '../../common/calendar';
import { MIS_KINDS } from '../../common/mis-kinds';

// Every default is written once, on its field. A section left out of the file is parsed as if
// written {} (prefault), so its fields' defaults fill it: a whole-section default would repeat
// them all and would skip the section's own checks.

/**
 * A GUID as the kiosk reads one everywhere (the bridge too): 8-4-4-4-12 hex, any version. MIS
 * administrators hand out ids like 7d3c1e52-0000-0000-0000-00000000ab01 (the default below),
 * which an RFC 4122 check (`z.string().uuid()`) would refuse for its version digit 0.
 */
function guid(message?: string) {
  return z.string().regex(GUID_PATTERN, message);
}

/** A PROPOSED endpoint's path, or null when this MIS has no such method (the kiosk then adapts). */
function endpointPath(name: keyof EndpointPaths, what: string) {
  const allowed = PATH_PLACEHOLDERS[name];
  return z
    .string()
    .regex(/^\/[A-Za-z0-9_\-/.{}]*$/, 'путь начинается с / и содержит только латиницу, цифры, - _ . / и {метки}')
    .refine(
      (p) => [...p.matchAll(/\{([^}]*)\}/g)].every((m) => allowed.includes(m[1]!)) && allowed.every((n) => p.includes(`{${n}}`)),
      allowed.length ? `путь должен содержать ${allowed.map((n) => `{${n}}`).join(' и ')} и никаких других меток` : 'в этом пути меток нет',
    )
    .nullable()
    .default(PROPOSED_PATHS[name])
    .describe(`${what} (ПРЕДЛОЖЕННЫЙ метод, в документации SoftRust не найден). По умолчанию ${PROPOSED_PATHS[name]}; null — в этой МИС метода нет`);
}

export const EndpointsSchema = z
  .object({
    referrals: endpointPath('referrals', 'Список направлений пациента'),
    referral: endpointPath('referral', 'Одно направление'),
    referralClinics: endpointPath('referralClinics', 'ЛПУ, куда действует направление'),
    referralSchedule: endpointPath(
      'referralSchedule',
      'Расписание по направлению; null — брать документированное расписание по специальности (lpu/{lpu}/speciality/{id}/schedule)',
    ),
    visits: endpointPath('visits', 'Записи пациента («Мои записи», сверка потерянной записи)'),
    cancel: endpointPath('cancel', 'Отмена записи'),
    selfBookingSpecialities: endpointPath(
      'selfBookingSpecialities',
      'Поликлиники пациента и специальности, открытые для записи без направления; null — запись без направления не предлагается',
    ),
    waitingList: endpointPath('waitingList', 'Заявка в лист ожидания с токеном пациента; null — лист ожидания не предлагается'),
  })
  .describe('Пути методов МИС SoftRust, которых нет в публичной документации: сопоставьте их с вашей МИС');

export const N3Schema = z
  .object({
    guid: guid('guid — GUID, выданный администратором N3')
      .describe('GUID (токен) системы-клиента, выданный администратором платформы N3 для этого инфомата'),
    idLpu: z.number().int().min(1).describe('Идентификатор ЛПУ (idLpu) поликлиники, где стоит инфомат, в справочнике N3'),
    servicePath: z
      .string()
      .regex(/^\/[A-Za-z0-9_\-/.]*$/, 'путь начинается с /')
      .default(DEFAULT_HUB_SERVICE_PATH)
      .describe(`Путь сервиса записи от адреса api.baseUrl (SOAP 1.1), обычно ${DEFAULT_HUB_SERVICE_PATH}`),
  })
  .describe('Сервис записи N3.Здравоохранение (HubService, SOAP); нужен при api.kind = "n3"');


export const PrinterProfileSchema = z
  .enum(['epson-tm-t20', 'epson-tm-t88', 'custom-vkp80', 'generic-58'])
  .describe('Модель принтера чеков: epson-tm-t20, epson-tm-t88, custom-vkp80 (80 мм) или generic-58 (58 мм)');

export const PrinterTransportSchema = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('tcp'),
      host: z.string().min(1).describe('IP-адрес или имя принтера в сети'),
      port: z.number().int().min(1).max(65535).default(9100).describe('TCP-порт принтера, обычно 9100'),
      timeoutMs: z.number().int().min(500).max(60000).default(5000).describe('Сколько ждать ответа принтера, мс'),
      statusQuery: z
        .boolean()
        .optional()
        .describe('Спрашивать состояние принтера (бумага, крышка) перед печатью; false — для принт-серверов без обратного канала. По умолчанию true'),
    }),
    z.object({
      type: z.literal('device'),
      path: z.string().min(1).describe('Файл устройства, например /dev/usb/lp0'),
    }),
    z.object({
      type: z.literal('os'),
      deviceName: z.string().describe('Имя принтера в операционной системе (пустая строка — принтер по умолчанию)'),
      widthMm: z.union([z.literal(58), z.literal(80)]).default(80).describe('Ширина ленты, мм'),
    }),
  ])
  .describe('Как подключён принтер: tcp (сеть, порт 9100), device (USB/LPT как файл) или os (принтер Windows/CUPS через Electron)');

/** A union has no {} to start from: the branch and its required host; port and timeout come from the tcp fields. */
const DEFAULT_PRINTER_TRANSPORT = { type: 'tcp', host: '127.0.0.1' } as const;

export const PrinterConfigSchema = z
  .object({
    enabled: z.boolean().default(true).describe('Печатать ли талон'),
    profile: PrinterProfileSchema.default('epson-tm-t20'),
    codepage: z
      .enum(['cp866', 'wpc1251'])
      .optional()
      .describe('Кодовая страница кириллицы; по умолчанию — из профиля принтера (обычно cp866)'),
    codepageNumber: z
      .number()
      .int()
      .min(0)
      .max(255)
      .optional()
      .describe('Номер кодовой страницы для команды ESC t, если у принтера он нестандартный'),
    transport: PrinterTransportSchema.prefault(DEFAULT_PRINTER_TRANSPORT),
    reprintLimit: z.number().int().min(0).max(3).default(1).describe('Сколько раз пациент может напечатать талон повторно'),
    homeClinicGuid: z
      .string()
      .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'ожидается GUID')
      .nullable()
      .default(null)
      .describe('GUID ЛПУ, в здании которого стоит инфомат: приём в другом здании печатается в рамке с адресом (null — адрес печатается всегда, без рамки)'),
    largePrint: z
      .boolean()
      .default(false)
      .describe('Печатать все талоны крупным шрифтом (двойной размер). Если выключено, крупный талон печатается только пациенту, включившему «Крупный шрифт» на экране'),
    journalDir: z.string().optional().describe('Папка журнала заданий печати; по умолчанию — рядом с журналами программы'),
  })
  .describe('Принтер талонов');
export type PrinterConfig = z.infer<typeof PrinterConfigSchema>;

export const KioskConfigSchema = z
  .object({
    kioskId: z.string().min(1).max(64).default('KIOSK-01').describe('Номер инфомата; печатается на талоне и пишется в журнал'),
    demo: z.boolean().default(false).describe('Демонстрационный режим: встроенный симулятор МИС и виртуальный принтер'),
    api: z
      .object({
        baseUrl: z
          .string()
          .url('адрес МИС должен начинаться с http:// или https://')
          .optional()
          .describe('Адрес API МИС, например https://mis.example.ru/api (в демо-режиме не нужен)'),
        clientApplication: guid('идентификатор клиентского приложения — GUID вида 7d3c1e52-0000-0000-0000-00000000ab01')
          .default('7d3c1e52-0000-0000-0000-00000000ab01')
          .describe('GUID клиентского приложения «Инфомат», выданный администратором МИС'),
        timeoutMs: z
          .number()
          .int()
          .min(1000)
          .max(120000)
          .default(15000)
          .describe('Предельное время одного запроса к МИС целиком (соединение, ответ, всё тело), мс'),
        retries: z.number().int().min(0).max(5).default(2).describe('Повторы чтения при сетевых ошибках и 5xx (запись не повторяется)'),
        maxResponseBytes: z
          .number()
          .int()
          .min(65536)
          .max(67108864)
          .default(2097152)
          .describe('Наибольший размер одного ответа МИС, байт; ответ больше считается ошибкой и не дочитывается'),
        caFile: z
          .string()
          .min(1)
          .optional()
          .describe('Файл PEM с сертификатом (или цепочкой) удостоверяющего центра МИС, если у МИС свой УЦ; добавляется к стандартным. Относительный путь — от папки файла настроек'),
        allowInsecureHttp: z
          .boolean()
          .default(false)
          .describe('Разрешить адрес МИС с http:// (без шифрования; токены пациентов идут открытым текстом) — только для проверки'),
        kind: z
          .enum(MIS_KINDS)
          .default('softrust')
          .describe('Какая МИС: softrust (REST API «Портал самозаписи») или n3 (N3.Здравоохранение, HubService SOAP)'),
        checkClientApplication: z
          .boolean()
          .default(true)
          .describe('SoftRust: при запуске проверять GUID клиентского приложения (settings/clientApplication) и брать из ответа глубину расписания'),
        endpoints: EndpointsSchema.prefault({}),
        n3: N3Schema.optional(),
      })
      .prefault({})
      .describe('Подключение к МИС'),
    booking: z
      .object({
        reconcilePolls: z
          .number()
          .int()
          .min(1)
          .max(20)
          .default(5)
          .describe('Сколько раз спросить МИС о записях пациента, если ответ на запись потерян'),
        reconcileIntervalMs: z
          .number()
          .int()
          .min(100)
          .max(10000)
          .default(2000)
          .describe('Пауза между такими вопросами, мс (5 × 2000 мс ≈ 10 с)'),
        selfBookingSpecialities: z
          .array(z.string().trim().min(1).max(80))
          .max(100)
          .nullable()
          .default(null)
          .describe(
            'Специальности для записи без направления: код специальности в МИС или её название (без учёта регистра и ё/е). null — все, что открывает МИС; [] — запись без направления выключена',
          ),
      })
      .prefault({})
      .describe('Запись: сверка, когда ответ МИС на запись потерян или непонятен, и запись без направления'),
    clinics: z.array(guid()).default([]).describe('GUID обслуживаемых ЛПУ; пусто — все, куда действует направление'),
    timeZone: z
      .string()
      .default(DEFAULT_CLINIC_TIME_ZONE)
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat('ru-RU', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, `неизвестный часовой пояс (пример: ${DEFAULT_CLINIC_TIME_ZONE})`)
      .describe('Часовой пояс поликлиники (IANA); все времена показываются в нём'),
    idle: z
      .object({
        seconds: z.number().int().min(10).max(3600).default(90).describe('Через сколько секунд без касаний спросить «Вы ещё здесь?»'),
        typingSeconds: z
          .number()
          .int()
          .min(10)
          .max(3600)
          .default(120)
          .describe('То же на экранах, где набирают (полис и дата рождения, номер направления, фамилия, телефон): набор занимает время'),
        // WCAG 2.2.1 asks for at least 20 s to extend; an older config's 15 is raised, not refused.
        countdownSeconds: z
          .number()
          .int()
          .min(5)
          .max(120)
          .default(30)
          .transform((v) => Math.max(v, 20))
          .describe('Сколько секунд ждать ответа перед сбросом (не меньше 20: меньшее значение поднимается до 20)'),
        ticketSeconds: z.number().int().min(10).max(600).default(30).describe('Через сколько секунд после печати талона вернуться к началу (касание экрана продлевает)'),
        ticketUnprintedSeconds: z
          .number()
          .int()
          .min(30)
          .max(600)
          .default(90)
          .describe('То же, если талон не напечатался: время переписать номер'),
      })
      .prefault({})
      .describe('Сброс сеанса при бездействии'),
    touch: z
      .object({
        repeatGuardMs: z
          .number()
          .int()
          .min(0)
          .max(500)
          .default(150)
          .describe('Повторное касание той же клавиши быстрее этого, мс, считается дрожанием руки и не вводится (0 — выключено)'),
        pickerGuardMs: z
          .number()
          .int()
          .min(0)
          .max(2000)
          .default(400)
          .describe('Сколько мс после появления выбора месяца касания не принимаются: палец с клавиатуры не выберет месяц (0 — выключено)'),
        spillGuardMs: z
          .number()
          .int()
          .min(0)
          .max(2000)
          .default(300)
          .describe('Цифра, нажатая быстрее этого, мс, после 16-й цифры полиса, не попадает в день рождения: это соскользнувший палец (0 — выключено)'),
      })
      .prefault({})
      .describe('Защита ввода от дрожания рук'),
    health: z
      .object({
        intervalSeconds: z
          .number()
          .int()
          .min(1)
          .max(600)
          .default(30)
          .describe('Как часто, пока у экрана нет пациента, проверять принтер (бумага, крышка, связь) и связь с МИС, с'),
        misRetryMinutes: z
          .number()
          .int()
          .min(1)
          .max(120)
          .default(5)
          .describe('Когда МИС не отвечает, первый экран предлагает пациенту «попробуйте через N минут»: это N (не меньше интервала проверки). Экран снова открывает запись сам, как только проверка увидит МИС'),
      })
      .prefault({})
      .describe('Проверка готовности перед началом записи: о нехватке бумаги и недоступности МИС экран приветствия предупреждает заранее'),
    printer: PrinterConfigSchema.prefault({}),
    clinic: z
      .object({
        phone: z
          .string()
          .trim()
          .max(40)
          .regex(/^[0-9 +()-]*$/, 'только цифры, пробелы, +, скобки и дефисы')
          .default('')
          .describe('Телефон регистратуры, как его набирать (например 8-495-123-45-67): первый экран показывает его, когда запись через инфомат недоступна (пусто — «обратитесь в регистратуру»)'),
      })
      .prefault({})
      .describe('Поликлиника, в которой стоит инфомат'),
    screen: z
      .object({
        orientation: z.enum(['auto', 'portrait', 'landscape']).default('auto').describe('Ориентация экрана'),
        hideCursor: z.boolean().default(false).describe('Скрывать курсор мыши (сенсорный экран)'),
        reach: ReachConfigSchema.prefault({}),
      })
      .prefault({})
      .describe('Экран'),
    scanner: ScannerConfigSchema.prefault({}),
    language: z
      .enum(LOCALE_IDS)
      .default(DEFAULT_LOCALE)
      .describe(`Язык, с которого начинается сеанс пациента (${LOCALE_IDS.join(', ')}); пациент может переключить его на первом экране`),
    logDir: z.string().optional().describe('Папка журналов; по умолчанию — папка данных программы'),
    retentionDays: z
      .number()
      .int()
      .min(1)
      .max(3650)
      .default(30)
      .describe('Сколько дней хранить журнал печати, демо-талоны и файлы журналов; старше — удаляются при запуске и раз в сутки'),
    telemetry: TelemetryConfigSchema.prefault({}),
    updates: UpdatesConfigSchema.prefault({}),
    service: ServiceConfigSchema.prefault({}),
    voice: VoiceConfigSchema.prefault({}),
    fleet: FleetConfigSchema.prefault({}),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.fleet.url && !LAYER_ID.test(c.kioskId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['kioskId'],
        message: 'с центральной конфигурацией (fleet.url) номер инфомата — латинские буквы, цифры, точка, дефис, подчёркивание: по нему ищется kiosks/<номер>.json',
      });
    }
    if (c.api.kind === 'n3' && !c.api.n3 && !c.demo) {
      ctx.addIssue({ code: 'custom', path: ['api', 'n3'], message: 'для api.kind = "n3" укажите api.n3.guid и api.n3.idLpu' });
    }
    if (!c.demo && !c.api.baseUrl) {
      ctx.addIssue({ code: 'custom', path: ['api', 'baseUrl'], message: 'не указан адрес МИС (или включите demo)' });
    }
    const url = c.api.baseUrl && URL.canParse(c.api.baseUrl) ? new URL(c.api.baseUrl) : null;
    const scheme = url?.protocol ?? null;
    if (scheme && scheme !== 'https:' && scheme !== 'http:') {
      ctx.addIssue({ code: 'custom', path: ['api', 'baseUrl'], message: 'адрес МИС должен начинаться с https://' });
    } else if (scheme === 'http:' && !c.demo && !c.api.allowInsecureHttp && !isLoopbackHost(url!.hostname)) {
      ctx.addIssue({
        code: 'custom',
        path: ['api', 'baseUrl'],
        message:
          'адрес МИС должен начинаться с https:// — по http:// данные пациентов идут без шифрования (если иначе никак, включите api.allowInsecureHttp)',
      });
    }
  });

export type KioskConfig = z.infer<typeof KioskConfigSchema>;
export type KioskConfigInput = z.input<typeof KioskConfigSchema>;
