// The technician's words in service mode, shared by the core (refusals, printer states) and the
// service screens. Patient texts stay in texts.ts; nothing here is shown to a patient.

export const SERVICE_TEXTS = {
  title: 'Служебный режим',
  enterPin: 'Введите PIN-код техника',
  wrongPin: (left: number) => `Неверный PIN-код. Осталось попыток: ${left}`,
  locked: (minutes: number) =>
    `Вход заблокирован после 5 неверных попыток. Попробуйте снова через ${minutes}\u00a0${minutesWord(minutes)}.`,
  notConfigured: 'Служебный режим на этом инфомате не настроен. Обратитесь к администратору: нужен PIN-код в настройках.',
  /** A service call after the service session ended (idle, «Вернуться», a reload). */
  notInService: 'Служебный режим закрыт. Чтобы продолжить, войдите снова.',
  printer: {
    ready: 'Готов к печати',
    'near-end': 'Бумага скоро закончится',
    'paper-end': 'Закончилась бумага',
    'cover-open': 'Открыта крышка',
    offline: 'Нет связи с принтером',
    error: 'Ошибка принтера',
    unknown: 'Принтер не сообщает состояние',
    disabled: 'Печать талонов выключена в настройках',
  },
  testPrintMark: 'ТЕСТОВАЯ ПЕЧАТЬ',
  testPrintDisabled: 'Печать талонов выключена в настройках',
} as const;

export function minutesWord(n: number): string {
  const d = n % 10;
  const dd = n % 100;
  if (d === 1 && dd !== 11) return 'минуту';
  if (d >= 2 && d <= 4 && (dd < 12 || dd > 14)) return 'минуты';
  return 'минут';
}
