import { describe, expect, it } from 'vitest';
import { buildSlipLayout, layoutToText, toSlipText, wrapWords, type TextLine } from './slip-layout';
import { longTicket, sampleSlip, sampleTicket } from './sample-slips';

const textLines = (columns: number, slip = sampleSlip()) =>
  buildSlipLayout(slip, columns).blocks.filter((b): b is TextLine => b.kind === 'text');

/** Every word of `source` that fits a line appears whole on one line. */
function expectWordsIntact(source: string, lines: string[], width: number): void {
  const printed = lines.flatMap((l) => l.split(' '));
  for (const word of toSlipText(source).split(/[ \u00a0]/)) {
    if (word.length <= width) expect(printed, `word «${word}» was cut`).toContain(word);
  }
}

describe('wrapWords', () => {
  it('wraps on word boundaries only', () => {
    expect(wrapWords('Константинопольская-Вишневецкая Александра Владимировна', 32)).toEqual([
      'Константинопольская-Вишневецкая',
      'Александра Владимировна',
    ]);
  });

  it('breaks a word longer than the line at its own hyphen first, then by force', () => {
    expect(wrapWords('Константинопольская-Вишневецкая', 24)).toEqual(['Константинопольская-', 'Вишневецкая']);
    const forced = wrapWords('Ааааааааааааааааааааааааааааааааааааааа', 16);
    expect(forced.every((l) => l.length <= 16)).toBe(true);
    expect(forced[0]?.endsWith('-')).toBe(true);
    expect(forced.join('').replaceAll('-', '')).toBe('Ааааааааааааааааааааааааааааааааааааааа');
  });

  it('keeps a dash with the word before it and a no-break space unbroken', () => {
    const lines = wrapWords('Заведующий отделением — врач-оториноларинголог', 22);
    expect(lines.some((l) => l.startsWith('-'))).toBe(false);
    expect(lines[1]).toBe('отделением -');
    expect(wrapWords('Отменить запись: тел.\u00a08-496-416-04-13', 32)).toEqual(['Отменить запись:', 'тел. 8-496-416-04-13']);
  });

  it('replaces characters missing from CP866 before measuring', () => {
    expect(toSlipText('ГБУЗ «ОКДЦ» — приём…')).toBe('ГБУЗ "ОКДЦ"\u00a0- приём...');
    expect(wrapWords('  a\t\tb \n c ', 10)).toEqual(['a b c']);
    // An ESC inside MIS text would be a printer command on the wire.
    expect(wrapWords('Иванов\u001b@И.И.', 32)).toEqual(['Иванов@И.И.']);
  });
});

describe('buildSlipLayout', () => {
  for (const columns of [32, 48]) {
    it(`fits ${columns} columns with the longest realistic names and cuts no word`, () => {
      const slip = sampleSlip({ ticket: longTicket, reprint: true });
      const lines = textLines(columns, slip);
      for (const l of lines) expect(l.text.length * l.size, l.text).toBeLessThanOrEqual(columns);
      const plain = lines.map((l) => l.text);
      const t = longTicket;
      for (const source of [t.doctorName, t.clinic.name, t.clinic.address, t.doctorRole]) {
        expectWordsIntact(source, plain, columns);
      }
      const text = layoutToText(buildSlipLayout(slip, columns));
      expect(text).toContain('Константинопольская-Вишневецкая');
      expect(text).toContain('консультативно-диагностический');
    });
  }

  it('has the ticket number, the time and the room in double size, the doctor and the QR of the guid', () => {
    const layout = buildSlipLayout(sampleSlip(), 48);
    const big = layout.blocks.filter((b): b is TextLine => b.kind === 'text' && b.size === 2);
    // The day in words, the time and the room, in that order, read at a glance; the number after, smaller.
    expect(big.map((b) => b.text)).toEqual(['Пятница, 27 ноября', '09:15', 'Кабинет 214, этаж 2']);
    const text = layoutToText(layout);
    expect(text).toContain('Талон на приём');
    expect(text).toContain('Кабинет 214, этаж 2');
    expect(text).toContain('Врач: Иванов И. И.');
    expect(text).toContain('Врач-терапевт участковый');
    // The position already says the speciality: not twice.
    expect(text).not.toContain('Специальность');
    expect(text).toContain('Талон № 037.91');
    expect(text).toContain('ГБУЗ МО "Дубненская больница"');
    expect(text).toContain('г. Дубна');
    expect(text).toContain('Приходите за 10-15 минут до приёма');
    expect(text).toMatch(/QR-код талона для регистратуры\n\n\[QR:/);
    expect(text).toContain('Отменить запись: на инфомате - "Мои записи" -');
    expect(text).toContain('или по телефону 8-496-416-04-13');
    expect(text).toContain('Инфомат: KIOSK-01');
    expect(layout.blocks).toContainEqual({ kind: 'qr', data: sampleTicket.ticketGuid });
    expect(text).not.toContain('ПОВТОРНАЯ ПЕЧАТЬ');
  });

  it('shows times in the clinic zone, not the OS zone (tests run in America/New_York)', () => {
    expect(process.env.TZ).toBe('America/New_York');
    const text = layoutToText(buildSlipLayout(sampleSlip(), 48));
    expect(text).toContain('Пятница, 27 ноября');
    expect(text).toContain('27.11.2026');
    expect(text).toMatch(/^\s*09:15$/m);
    expect(text).toContain('Напечатано: 20.11.2026 08:41');
    // The same instants in Yekaterinburg (+05:00).
    const ekb = layoutToText(buildSlipLayout(sampleSlip({ timeZone: 'Asia/Yekaterinburg' }), 48));
    expect(ekb).toMatch(/^\s*11:15$/m);
    expect(ekb).toContain('Напечатано: 20.11.2026 10:41');
  });

  it('uses the clinic calendar date when the visit is just after midnight there', () => {
    const ticket = { ...sampleTicket, beginTime: '2026-11-28T00:10:00+03:00' };
    const text = layoutToText(buildSlipLayout(sampleSlip({ ticket }), 48));
    expect(text).toContain('Суббота, 28 ноября');
    expect(text).toContain('28.11.2026');
    expect(text).toMatch(/^\s*00:10$/m);
  });

  it('marks reprints', () => {
    const text = layoutToText(buildSlipLayout(sampleSlip({ reprint: true }), 32));
    expect(text.split('\n')[0]).toContain('*** ПОВТОРНАЯ ПЕЧАТЬ ***');
  });

  it('never carries patient data', () => {
    const slip = sampleSlip() as ReturnType<typeof sampleSlip> & Record<string, unknown>;
    // Even if a caller leaks extra fields into the slip, the layout only reads known ones.
    const leaky = { ...slip, patientName: 'Петров Пётр Петрович', policy: '1234567890123456' };
    const text = layoutToText(buildSlipLayout(leaky, 48));
    expect(text).not.toMatch(/Петров|\d{16}|полис/i);
  });

  it('names rooms the MIS already labelled and a missing floor sensibly', () => {
    const room = (r: string, floor: number | null) =>
      layoutToText(buildSlipLayout(sampleSlip({ ticket: { ...sampleTicket, room: r, floor } }), 48));
    expect(room('каб. 12', 1)).toContain('Каб. 12, этаж 1');
    expect(room('5', null)).toContain('Кабинет 5\n');
    expect(room('5', null)).not.toContain('этаж');
  });

  it('boxes the address when the appointment is in another building than the kiosk\'s, and only then', () => {
    const here = layoutToText(buildSlipLayout(sampleSlip({ homeClinicGuid: sampleTicket.clinic.guid }), 48));
    expect(here).not.toContain('другом здании');
    const there = layoutToText(buildSlipLayout(sampleSlip({ homeClinicGuid: '00000000-0000-4000-8000-000000000000' }), 48));
    expect(there).toMatch(/-{48}\nПриём в другом здании:\nГБУЗ МО "Дубненская больница"\n141980/);
    // Unknown home clinic: the address as usual, no box.
    expect(layoutToText(buildSlipLayout(sampleSlip(), 48))).not.toContain('другом здании');
  });

  it('gives the registry as the way to cancel when the clinic has no phone', () => {
    const ticket = { ...sampleTicket, clinic: { ...sampleTicket.clinic, phone: '' } };
    const text = layoutToText(buildSlipLayout(sampleSlip({ ticket }), 32));
    expect(text).toMatch(/или в\s+регистратуре/);
    expect(text).not.toContain('телефону');
  });

  it('prints its own words in the session\'s language, the MIS\'s data as the MIS wrote it', () => {
    const text = layoutToText(buildSlipLayout(sampleSlip({ locale: 'en' }), 48));
    for (const word of ['Appointment ticket', 'Friday 27 November', 'Ticket No. 037.91', 'Room 214', 'Doctor: ', 'Please come 10-15 minutes early', 'Ticket QR code', 'Printed: ', 'Kiosk: KIOSK-01']) {
      expect(text).toContain(word);
    }
    expect(text).toContain(sampleTicket.clinic.name.replace(/[«»]/g, '"'));
    // Every Cyrillic line is MIS data: the clinic, its address, the doctor, their position.
    const misData = [sampleTicket.clinic.name, sampleTicket.clinic.address, sampleTicket.doctorName, sampleTicket.doctorRole, sampleTicket.speciality].join(' ');
    for (const line of text.split('\n').filter((l) => /[А-Яа-яЁё]/.test(l))) {
      const words = line.replace(/^\s*(Doctor|Position|Speciality):\s*/, '').split(/\s+/).filter(Boolean);
      for (const w of words.filter((x) => /[А-Яа-яЁё]/.test(x))) expect(misData.replace(/[«»]/g, '"')).toContain(w.replace(/[,.]$/, ''));
    }
  });

  it('prints «», the en dash and no-break spaces where the code page has them, plain marks where it has not', () => {
    const w1251 = layoutToText(buildSlipLayout(sampleSlip(), 48, 'wpc1251'));
    expect(w1251).toContain('ГБУЗ МО «Дубненская больница»');
    expect(w1251).toContain('Приходите за 10–15 минут до приёма');
    expect(w1251).toContain('на инфомате — «Мои записи» —');
    const cp866 = layoutToText(buildSlipLayout(sampleSlip(), 48, 'cp866'));
    expect(cp866).not.toMatch(/[«»–—]/);
  });

  it('gives the clinic hours of the visit’s weekday when the MIS sent them', () => {
    const hours = ['8:00 - 20:00', '8:00 - 20:00', '8:00 - 20:00', '8:00 - 20:00', '8:00 - 19:00', '9:00 - 15:00', null];
    const ticket = { ...sampleTicket, clinic: { ...sampleTicket.clinic, hours } };
    // 27.11.2026 is a Friday.
    expect(layoutToText(buildSlipLayout(sampleSlip({ ticket }), 48, 'wpc1251'))).toContain('Часы работы в пятницу: 08:00–19:00');
  });

  for (const charset of ['cp866', 'wpc1251'] as const) {
    it(`keeps every line within the columns on both widths in ${charset}`, () => {
      for (const columns of [32, 48]) {
        const layout = buildSlipLayout(sampleSlip({ ticket: longTicket, reprint: true }), columns, charset);
        for (const b of layout.blocks) if (b.kind === 'text') expect(b.text.length * b.size, b.text).toBeLessThanOrEqual(columns);
      }
    });
  }
});

describe('test slip from service mode', () => {
  it('says ТЕСТОВАЯ ПЕЧАТЬ at both ends, on 58 and 80 mm paper', () => {
    for (const columns of [32, 48]) {
      const text = layoutToText(buildSlipLayout(sampleSlip({ test: true }), columns));
      const lines = text.split('\n').map((l) => l.trim());
      expect(lines[0]).toBe('*** ТЕСТОВАЯ ПЕЧАТЬ ***');
      expect(lines.at(-1)).toBe('*** ТЕСТОВАЯ ПЕЧАТЬ ***');
    }
    expect(layoutToText(buildSlipLayout(sampleSlip(), 48))).not.toContain('ТЕСТОВАЯ');
  });
});
