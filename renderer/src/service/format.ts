// Small wording helpers of the service screens (clinic-zone times, counts).
import { clinicDateTimeNumeric } from '../../../electron/common/clinic-time';

export function whenText(iso: string | null, timeZone: string): string {
  return iso ? clinicDateTimeNumeric(iso, timeZone) : 'не отмечалась';
}

export const PRINT_STATE_TEXT = {
  printed: 'Тестовый талон напечатан',
  uncertain: 'Талон отправлен, но принтер не подтвердил печать',
  failed: 'Тестовый талон не напечатан',
  disabled: 'Печать талонов выключена в настройках',
} as const;

export const CLIENT_APP_TEXT = {
  valid: 'Клиентское приложение действительно',
  refused: 'МИС не принимает клиентское приложение',
  unknown: 'Клиентское приложение не проверено: МИС не ответила',
  'not-supported': 'Эта МИС не проверяет клиентское приложение',
} as const;
