// The two slips that are not one ticket, as a patient holds them: every appointment of the list
// with its time and room, the waiting-list request with what happens next, never the phone
// number, within the columns of both rolls.
import { describe, expect, it } from 'vitest';
import { buildSlipLayout, layoutToText } from './slip-layout';
import { sampleAppointmentsSlip, sampleWaitingListSlip } from './sample-slips';

describe('«Распечатать все записи»', () => {
  it('lists each appointment in the clinic zone with the doctor, the room and the clinic; no QR', () => {
    const slip = sampleAppointmentsSlip();
    const text = layoutToText(buildSlipLayout(slip, 48));
    expect(text).toContain('Ваши записи к врачам');
    expect(text).toContain('3 записи');
    expect(text).toMatch(/27\.11\.2026, пятница, 09:15/);
    expect(text).toMatch(/30\.11\.2026, понедельник, 14:40/);
    expect(text).toMatch(/02\.12\.2026, среда, 08:00/);
    expect(text).toContain('Смирнова О. В.');
    expect(text).toContain('Кабинет 305, этаж 3');
    expect(text).not.toContain('[QR');
    expect(text).toContain('Напечатано: 20.11.2026');
  });

  it('speaks the session language for its own words', () => {
    const text = layoutToText(buildSlipLayout(sampleAppointmentsSlip({ locale: 'en' }), 48));
    expect(text).toContain('Your appointments');
    expect(text).toContain('3 appointments');
    expect(text).toMatch(/Friday, 09:15/);
  });
});

describe('waiting-list slip', () => {
  it('says what for, why, the reference and what happens next, with only the last two digits of the phone', () => {
    const slip = sampleWaitingListSlip();
    const text = layoutToText(buildSlipLayout(slip, 48));
    expect(text).toContain('Лист ожидания');
    expect(text).toContain('Запись: Эндокринолог');
    expect(text).toContain('Причина: нет свободного времени');
    expect(text).toContain('Номер заявки: ЛО-2026-004512');
    expect(text.replace(/\s+/g, ' ')).toContain('оканчивается на 67');
    expect(slip.summary && 'phone' in slip.summary).toBe(false);
    expect(slip.summary).toMatchObject({ phoneTail: '67' });
  });
});

describe('both summaries', () => {
  for (const [name, slip] of [['appointments', sampleAppointmentsSlip()], ['waiting list', sampleWaitingListSlip()]] as const) {
    for (const columns of [32, 48]) {
      it(`${name}: every line fits ${columns} columns`, () => {
        for (const b of buildSlipLayout(slip, columns).blocks) {
          if (b.kind === 'text') expect(b.text.length * b.size, b.text).toBeLessThanOrEqual(columns);
        }
      });
    }
  }
});
