// What the screens call a referral's type: the catalogue's name for the types the MIS documents,
// else the MIS's own word for it.
import type { MessageId, Translate } from '../../../electron/common/i18n/catalog';

const TYPES: Record<string, MessageId> = {
  consultation: 'referral.type.consultation',
  laboratory: 'referral.type.laboratory',
  diagnostic: 'referral.type.diagnostic',
  duvisit: 'referral.type.duvisit',
  hospital: 'referral.type.hospital',
};

export function referralTypeLabel(type: string, t: Translate): string {
  const id = TYPES[type.trim().toLowerCase()];
  return id ? t(id) : type.trim() || t('referral.type.other');
}
