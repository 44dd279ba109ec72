// The error catalogue. The twelve codes of the seed document (the booking-by-referral method)
// carry its exact Russian texts, byte for byte: the kiosk shows 4xx messages verbatim, so a
// paraphrase here would hide a real mismatch. The other codes are the PROPOSED ones of
// /work/shared/api/conventions-and-errors.md.

export type ErrorType = 'Error' | 'Validation';

export interface CatalogueEntry {
  http: number;
  message: string;
  type: ErrorType;
}

export const ERROR_CATALOGUE = {
  // --- seed document (authoritative). 5010 without the seed's stray trailing quote. ---
  '5010': { http: 403, message: "Запрос должен содержать 'Authorization: Bearer ...'", type: 'Error' },
  '5008': { http: 403, message: 'Токен некорректен', type: 'Error' },
  '5007': { http: 403, message: 'Время действия токена истекло', type: 'Error' },
  '5009': { http: 403, message: 'Подпись запроса некорректна', type: 'Error' },
  '4001': {
    http: 404,
    message: 'Ваша электронная медицинская карта отсутствует. Обратитесь в регистратуру медицинского учреждения.',
    type: 'Error',
  },
  '5096': {
    http: 403,
    message: 'Ваша электронная медицинская карта закрыта. Обратитесь в регистратуру медицинского учреждения.',
    type: 'Error',
  },
  '5097': { http: 500, message: 'Не удалось получить данные о медицинских картах пациента.', type: 'Error' },
  '4031': {
    http: 400,
    message: 'Направление с таким номером не существует, либо принадлежит другому пациенту',
    type: 'Error',
  },
  '4007': {
    http: 400,
    message:
      'Вам запрещена самостоятельная запись на прием через интернет или инфомат. Для записи на прием обратитесь в регистратуру медицинского учреждения лично или по телефону.',
    type: 'Validation',
  },
  '4008': {
    http: 400,
    message:
      'Вы уже записаны {ФИО} на {Время}. Запрещено иметь более одной активной записи на прием на одну специальность.',
    type: 'Validation',
  },
  '4029': {
    http: 400,
    message:
      'Запись недоступна для данной возрастной группы. Сотрудниками МО было установлено ограничение по возрасту при записи на прием.',
    type: 'Validation',
  },
  '4009': { http: 400, message: 'Это время уже занято. Выберите другое свободное время приема.', type: 'Validation' },

  // --- PROPOSED (placeholders until the real pages are found) ---
  '4000': { http: 400, message: 'Не заполнены обязательные параметры запроса', type: 'Validation' },
  '4002': { http: 404, message: 'Пациент не найден. Проверьте введенные данные', type: 'Error' },
  '4032': { http: 404, message: 'Направление не найдено', type: 'Error' },
  '4033': { http: 400, message: 'Срок действия направления истек', type: 'Validation' },
  '4034': { http: 400, message: 'По направлению уже выполнена запись', type: 'Validation' },
  '4035': { http: 400, message: 'Выбранное время недоступно для записи по направлению', type: 'Validation' },
  '4040': { http: 404, message: 'Запись на прием не найдена', type: 'Error' },
  '4041': { http: 400, message: 'Время приема уже прошло. Нельзя отменить прошедшую запись', type: 'Validation' },
  '4042': { http: 400, message: 'Нельзя отменить неактивную запись', type: 'Validation' },
  '4043': { http: 400, message: 'Отмена записи через данный канал запрещена', type: 'Validation' },
  '4044': { http: 404, message: 'ЛПУ не найдено', type: 'Error' },
  // Issue 20: a reschedule naming a booking it cannot replace; a second waiting-list request.
  '4045': { http: 400, message: 'Переносимая запись не найдена, неактивна или относится к другому врачу', type: 'Validation' },
  '4046': { http: 400, message: 'Вы уже стоите в листе ожидания на прием к врачу этой специальности', type: 'Validation' },
  '4442': { http: 400, message: 'Клиентское приложение {clientApplicationGuid} не найдено.', type: 'Error' },
  '5000': { http: 500, message: 'Внутренняя ошибка сервера', type: 'Error' },
} as const satisfies Record<string, CatalogueEntry>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export interface ErrorBody {
  code: number;
  message: string;
  message_code: string;
  type: ErrorType;
}

/** Thrown by handlers; the router turns it into the standard server response. */
export class SimError extends Error {
  readonly body: ErrorBody;
  constructor(code: ErrorCode | string, params: Record<string, string> = {}) {
    const body = errorBody(code, params);
    super(`${body.message_code}: ${body.message}`);
    this.body = body;
  }
}

/**
 * The ExceptionResponse for a code. Codes outside the catalogue (only reachable through the
 * X-Sim-Fail hook) get an HTTP status from their first digit so a test can force anything.
 */
export function errorBody(code: string, params: Record<string, string> = {}): ErrorBody {
  const entry: CatalogueEntry | undefined = (ERROR_CATALOGUE as Record<string, CatalogueEntry>)[code];
  if (!entry) {
    const http = code.startsWith('5') ? 500 : code.startsWith('4') ? 400 : 500;
    return { code: http, message: `Ошибка ${code} (симулятор)`, message_code: code, type: 'Error' };
  }
  let message = entry.message;
  for (const [key, value] of Object.entries(params)) message = message.split(`{${key}}`).join(value);
  return { code: entry.http, message, message_code: code, type: entry.type };
}
