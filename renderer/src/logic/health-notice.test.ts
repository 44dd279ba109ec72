import { describe, expect, it } from 'vitest';
import { t } from '../../../electron/common/i18n/locales';
import { healthNotice, phoneForSpeech } from './health-notice';

const info = { clinicPhone: '8-495-123-45-67', misRetryMinutes: 5 };

describe('Welcome health notice', () => {
  it('MIS down blocks the start, outranks the printer, says when to try again and whom to call', () => {
    const notice = healthNotice({ printer: 'paper-end', mis: 'down', checkedAt: null }, info)!;
    expect(notice).toMatchObject({ kind: 'mis-down', blocksStart: true, phone: '8-495-123-45-67' });
    expect(t('ru').msg(notice.text)).toBe('Запись через инфомат временно недоступна. Попробуйте через 5\u00a0минут или позвоните в регистратуру:');
    expect(t('en').msg(notice.text)).toBe('Booking at the kiosk is not available just now. Please try again in 5\u00a0minutes or call reception:');
  });

  it('with no phone configured, sends the patient to the registry; the minutes agree in number', () => {
    const notice = healthNotice({ printer: 'ready', mis: 'down', checkedAt: null }, { clinicPhone: ' ', misRetryMinutes: 1 })!;
    expect(notice.phone).toBeNull();
    expect(t('ru').msg(notice.text)).toBe('Запись через инфомат временно недоступна. Попробуйте через 1\u00a0минуту или обратитесь в регистратуру');
    const two = healthNotice({ printer: 'ready', mis: 'down', checkedAt: null }, { clinicPhone: '', misRetryMinutes: 2 })!;
    expect(t('ru').msg(two.text)).toContain('через 2\u00a0минуты');
  });

  it('a printer that cannot print warns but lets the patient book', () => {
    for (const printer of ['paper-end', 'cover-open', 'offline', 'error', 'disabled'] as const) {
      expect(healthNotice({ printer, mis: 'ok', checkedAt: null }, info)).toMatchObject({ kind: 'no-slip', blocksStart: false, phone: null });
    }
  });

  it('nothing to say when ready, low on paper, or not checked yet', () => {
    expect(healthNotice(null)).toBeNull();
    for (const printer of ['ready', 'near-end', 'unknown'] as const) {
      expect(healthNotice({ printer, mis: 'ok', checkedAt: null })).toBeNull();
    }
    expect(healthNotice({ printer: 'ready', mis: 'unknown', checkedAt: null })).toBeNull();
  });

  it('reads a phone as digit groups', () => {
    expect(phoneForSpeech('8-495-123-45-67')).toBe('8 495 123 45 67');
    expect(phoneForSpeech('+7 (495) 123-45-67')).toBe('+7 495 123 45 67');
  });
});
