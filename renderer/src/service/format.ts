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

/** Under the label «Клиентское приложение». */
export const CLIENT_APP_TEXT = {
  valid: 'действительно',
  refused: 'МИС его не принимает',
  unknown: 'не проверено: МИС не ответила',
  'not-supported': 'эта МИС его не проверяет',
} as const;
