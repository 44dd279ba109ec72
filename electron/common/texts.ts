// Every patient-facing sentence that more than one layer uses, in one place: the core's error
// texts, the printer's faults, referral reasons and place wording read the same on screen and
// on paper, and a second language or a large-print wording is a change in this file only.

/**
 * The kiosk's buttons that other sentences name («нажмите «Печать ещё раз»»): one verb per
 * action, the same on the button and in every sentence that mentions it.
 */
export const ACTIONS = {
  printAgain: 'Печать ещё раз',
  startOver: 'Начать заново',
} as const;

/** Appended to every printer fault: the booking stands even when the slip does not come out. */
const SAVED = ' Запись сохранена\u00a0— талон можно получить в регистратуре.';

export const TEXTS = {
  actions: ACTIONS,
  errors: {
    /** The MIS did not answer (timeout, refused connection). */
    misUnreachable: 'Нет связи с медицинской информационной системой.',
    /** The MIS answered 5xx. */
    misDown: 'Медицинская информационная система временно не отвечает.',
    /** The MIS answered something we cannot read. */
    misGarbled: 'Медицинская информационная система ответила непонятно.',
    /** The kiosk's own link between screen and core broke: a local fault, not the MIS's. */
    kioskLink: 'Инфомат не смог выполнить действие. Попробуйте, пожалуйста, ещё раз.',
    session: 'Сеанс завершён. Начните, пожалуйста, заново.',
    internal: 'Внутренняя ошибка инфомата. Обратитесь, пожалуйста, в регистратуру.',
    /** The booking answer was lost and the patient's visits do not show it. */
    bookingNotConfirmed: 'Медицинская информационная система не подтвердила запись, и в ваших записях её нет.',
    unknownCommand: 'Неизвестная команда',
    badInput: 'Неверные данные',
  },
  /** Shown where a date or time cannot be read; the rest of the screen or slip still renders. */
  unknownTime: '—',
  printer: {
    paperEnd: `В принтере закончилась бумага.${SAVED}`,
    coverOpen: `Открыта крышка принтера.${SAVED}`,
    offline: `Принтер не готов к печати.${SAVED}`,
    error: `Принтер неисправен.${SAVED}`,
    unreachable: `Принтер не отвечает.${SAVED}`,
    interrupted: `Печать прервалась.${SAVED}`,
    notConfigured: `Принтер не подключён.${SAVED}`,
    disabled: 'Печать талонов на этом инфомате отключена. Запишите, пожалуйста, номер талона.',
    internal: `Не удалось напечатать талон.${SAVED}`,
    /** The bytes went out but the printer did not confirm: the slip probably came out. */
    uncertain: `Проверьте, вышел ли талон. Если нет\u00a0— нажмите «${ACTIONS.printAgain}».`,
    ticketUnknown: 'Талон для печати не найден. Обратитесь, пожалуйста, в регистратуру.',
    reprintUsed: 'Талон уже напечатан повторно. Обратитесь, пожалуйста, в регистратуру.',
  },
  referral: {
    types: {
      consultation: 'Консультация',
      laboratory: 'Лабораторное исследование',
      diagnostic: 'Инструментальная диагностика',
      duvisit: 'Диспансерное наблюдение',
      hospital: 'Госпитализация',
    } as Record<string, string>,
    fallbackTitle: 'Направление',
    reasons: {
      Booked: 'По этому направлению вы уже записаны',
      Used: 'Направление уже использовано',
      Expired: 'Срок действия направления истёк',
      Cancelled: 'Направление аннулировано',
    } as Record<string, string>,
    notBookable: 'Запись по направлению невозможна',
  },
  clinic: {
    offline: 'Запись в эту поликлинику временно недоступна',
  },
  policy: {
    empty: 'Введите номер полиса ОМС\u00a0— 16\u00a0цифр.',
    tooShort: (n: number) => `В номере полиса должно быть 16\u00a0цифр, а введено ${n}. Проверьте номер.`,
    tooLong: 'В номере полиса должно быть ровно 16\u00a0цифр.',
    contract: 'номер полиса — 16 цифр',
  },
  /** Identification by a scanned policy (paper policy barcode, a QR with the ENP). */
  scan: {
    unreadable: 'Не удалось прочитать код — введите номер полиса вручную',
    enpRead: 'Номер полиса считан. Введите дату рождения.',
    expired: (ddmmyyyy: string) => `Срок действия полиса истёк ${ddmmyyyy}. Обратитесь, пожалуйста, в регистратуру — там оформят действующий полис.`,
    hint: 'Или поднесите полис штрих-кодом к сканеру',
  },
  /** Texts of the MIS adapters (SoftRust, N3) that the patient may read. */
  mis: {
    unsupported: 'Эта операция недоступна на инфомате. Обратитесь в регистратуру.',
    referralNotFound: 'Направление не найдено. Проверьте номер направления и фамилию.',
    tooManyLookups: 'Направление не удаётся найти. Обратитесь, пожалуйста, в регистратуру.',
    referralNumber: 'номер направления — от 1 до 40 букв и цифр',
    surname: 'фамилия — русскими буквами, от 1 до 60 знаков',
    serviceUnavailable: 'Сервис записи не отвечает. Попробуйте позже или обратитесь в регистратуру.',
    slotGone: 'Это время больше недоступно. Выберите другое время.',
  },
  /** Why the bridge refused an input (kind 'input'); only a bug or an attack can trigger these. */
  contract: {
    fields: 'неверный набор полей запроса',
    guid: 'неверный идентификатор',
    date: 'дата в формате ГГГГ-ММ-ДД (настоящая дата с 1900 по 2100 год)',
    time: 'время в формате ЧЧ:ММ (от 00:00 до 23:59)',
    flag: 'ожидается «да» или «нет»',
    birthDate: 'дата рождения в формате ГГГГ-ММ-ДД',
    birthFuture: 'дата рождения не может быть в будущем',
    birthAncient: 'дата рождения не может быть раньше 01.01.1900',
    dateTime: 'дата и время с часовым поясом (ГГГГ-ММ-ДДTЧЧ:ММ:СС+ЧЧ:ММ)',
  },
} as const;

/** «Кабинет 214, этаж 2» with the parts that are known; a room the MIS already named («каб. 12») is kept. */
export function placeText(room: string, floor: number | null): string {
  const r = room.trim();
  // No-break spaces: «кабинет 214» and «этаж 2» never split across lines.
  const cabinet = !r ? '' : /^каб/i.test(r) ? r.replace(/^(каб\.?)\s+/i, '$1\u00a0') : `кабинет\u00a0${r}`;
  const floorText = floor === null ? '' : `этаж\u00a0${floor}`;
  return capitalize([cabinet, floorText].filter(Boolean).join(', '));
}

export function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase('ru-RU') + s.slice(1);
}
