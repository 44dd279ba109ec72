// Shared helpers for the simulator's own tests: everything goes through real HTTP.
import { startSimulator, type RunningSimulator } from './server';

export const NOW = '2026-11-26T10:00:00+03:00';

// Keys of the seed document's TicketVisitWithLpu and LpuWithStatus examples.
export const TICKET_KEYS = [
  'lpu', 'num', 'room', 'flat', 'busyType', 'ticketGuid', 'timeTableGuid', 'docFio', 'docGuid', 'resType',
  'doctorRole', 'speciality', 'beginTime', 'endTime', 'dateOfAppointment', 'source', 'login', 'sourceName', 'history',
];
export const LPU_KEYS = [
  'status', 'guid', 'name', 'ferName', 'address', 'type', 'phone', 'mcod', 'fullName', 'fcod', 'stLpu', 'hostID',
  'isChildrenPoliclinic', 'isCallDoctor', 'isWaitingList', 'isDisp', 'isActive', 'haveSchedule', 'parent', 'postIndex',
  'ratings', 'addressDetail', 'worktimes', 'cityId', 'inn', 'kpp', 'ogrn', 'okato', 'management', 'photo', 'site',
  'email', 'gps',
];

export const P = {
  P1: { n_pol: '5000000000000001', Birthday: '1980-01-15' },
  P2: { n_pol: '5000000000000002', Birthday: '1975-03-03' },
  P3: { n_pol: '5000000000000003', Birthday: '1990-07-07' },
  P4: { n_pol: '5000000000000004', Birthday: '1985-05-05' },
  P5: { n_pol: '5000000000000005', Birthday: '2015-09-09' },
  P6: { n_pol: '5000000000000006', Birthday: '1970-12-12' },
  P7: { n_pol: '5000000000000007', Birthday: '1982-02-02' },
} as const;

export function startTestSim(extra: { tokenTtlSeconds?: number } = {}): Promise<RunningSimulator> {
  return startSimulator({ port: 0, now: NOW, quiet: true, ...extra });
}

export interface ApiResult {
  status: number;
  // Tests inspect arbitrary JSON shapes; `any` keeps the assertions readable.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export async function api(
  sim: RunningSimulator,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string>; json?: boolean } = {},
): Promise<ApiResult> {
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined || opts.json) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

export async function tokenFor(sim: RunningSimulator, who: { n_pol: string; Birthday: string }): Promise<string> {
  const r = await api(sim, 'GET', `/auth/cod/token?n_pol=${who.n_pol}&Birthday=${who.Birthday}`);
  if (r.status !== 200) throw new Error(`token: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token as string;
}

export interface FreeSlot {
  lpuGuid: string;
  resourceGuid: string;
  date: string;
  time: string;
  timeTableGuid: string;
}

/** Every Available cell the referral's schedule offers, in order. */
export async function freeSlots(sim: RunningSimulator, token: string, directionGuid: string, lpuGuid?: string): Promise<FreeSlot[]> {
  const q = lpuGuid ? `?lpuGuid=${lpuGuid}` : '';
  const r = await api(sim, 'GET', `/api/v2/directions/${directionGuid}/schedule${q}`, { token });
  if (r.status !== 200) throw new Error(`schedule: ${r.status} ${JSON.stringify(r.body)}`);
  const out: FreeSlot[] = [];
  for (const l of r.body) {
    for (const res of l.resources) {
      for (const day of res.days) {
        for (const s of day.slots) {
          out.push({ lpuGuid: l.lpu.guid, resourceGuid: res.resourceGuid, date: day.date, time: s.time, timeTableGuid: s.timeTableGuid });
        }
      }
    }
  }
  return out;
}

export function bookingBody(directionGuid: string, s: FreeSlot) {
  return { date: s.date, time: s.time, directionGuid, lpuGuid: s.lpuGuid, resourceGuid: s.resourceGuid };
}

// Copied from the seed document's error table (5010 without its stray trailing quote).
export const SEED_TABLE: [number, string, string, 'Error' | 'Validation'][] = [
  [403, '5010', "Запрос должен содержать 'Authorization: Bearer ...'", 'Error'],
  [403, '5008', 'Токен некорректен', 'Error'],
  [403, '5007', 'Время действия токена истекло', 'Error'],
  [403, '5009', 'Подпись запроса некорректна', 'Error'],
  [404, '4001', 'Ваша электронная медицинская карта отсутствует. Обратитесь в регистратуру медицинского учреждения.', 'Error'],
  [403, '5096', 'Ваша электронная медицинская карта закрыта. Обратитесь в регистратуру медицинского учреждения.', 'Error'],
  [500, '5097', 'Не удалось получить данные о медицинских картах пациента.', 'Error'],
  [400, '4031', 'Направление с таким номером не существует, либо принадлежит другому пациенту', 'Error'],
  [
    400,
    '4007',
    'Вам запрещена самостоятельная запись на прием через интернет или инфомат. Для записи на прием обратитесь в регистратуру медицинского учреждения лично или по телефону.',
    'Validation',
  ],
  [
    400,
    '4008',
    'Вы уже записаны {ФИО} на {Время}. Запрещено иметь более одной активной записи на прием на одну специальность.',
    'Validation',
  ],
  [
    400,
    '4029',
    'Запись недоступна для данной возрастной группы. Сотрудниками МО было установлено ограничение по возрасту при записи на прием.',
    'Validation',
  ],
  [400, '4009', 'Это время уже занято. Выберите другое свободное время приема.', 'Validation'],
];

export const SEED_TEXT = new Map(SEED_TABLE.map(([, code, text]) => [code, text]));

/** One cell of the documented speciality schedule, with its resource and date. */
export interface SpecialityCell extends FreeSlot {
  status: string;
}

/** Cells of a speciality at a clinic over the whole window (documented G3), of one status or all. */
export async function specialityCells(
  sim: RunningSimulator,
  token: string,
  lpuGuid: string,
  code: string,
  status: string | null = 'Available',
): Promise<SpecialityCell[]> {
  const r = await api(sim, 'GET', `/lpu/${lpuGuid}/speciality/${code}/schedule/2026-11-26/2026-12-09`, { token });
  if (r.status !== 200) throw new Error(`speciality schedule: ${r.status} ${JSON.stringify(r.body)}`);
  const out: SpecialityCell[] = [];
  for (const res of r.body) {
    for (const day of res.days) {
      for (const s of day.slots) {
        if (status === null || s.status === status) {
          out.push({ lpuGuid, resourceGuid: res.resourceGuid, date: day.date, time: s.time, timeTableGuid: s.timeTableGuid, status: s.status });
        }
      }
    }
  }
  return out;
}

/** `POST /api/v2/visit/{lpuGuid}`: a cell booked by itself (self-booking, reschedule). */
export function bookCell(sim: RunningSimulator, token: string, lpuGuid: string, body: Record<string, unknown>): Promise<ApiResult> {
  return api(sim, 'POST', `/api/v2/visit/${lpuGuid}`, { token, body });
}
