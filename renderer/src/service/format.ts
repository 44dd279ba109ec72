// Small wording helpers of the service screens (clinic-zone times).
import { clinicDateTimeNumeric } from '../../../electron/common/clinic-time';
import type { Translate } from '../../../electron/common/i18n/catalog';

export function whenText(iso: string | null, timeZone: string, t: Translate): string {
  return iso ? clinicDateTimeNumeric(iso, timeZone) : t('service.never');
}
