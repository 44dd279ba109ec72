import { describe, expect, it } from 'vitest';
import { buildSlipLayout, layoutToText, toSlipText, wrapSized, type SlipCharset, type TextLine } from './slip-layout';
import { longTicket, sampleAppointmentsSlip, sampleSlip, sampleTicket, sampleWaitingListSlip } from './sample-slips';
import type { SlipData } from '../core/ports';

const HOME = sampleTicket.clinic.guid;
const elsewhere = { ticket: { ...longTicket, clinic: { ...longTicket.clinic, guid: '00000000-0000-4000-8000-0000000000aa' } }, homeClinicGuid: HOME };
const text = (slip: SlipData, columns: number, charset: SlipCharset = 'cp866') =>
  buildSlipLayout(slip, columns, charset).blocks.filter((b): b is TextLine => b.kind === 'text');
/** The printed line that holds `part`, as the patient sees it. */
const lineWith = (lines: TextLine[], part: string) => lines.find((l) => l.text.includes(part));

describe('wrapSized', () => {
  it('keeps a word too long for double size whole, on its own normal line, and the rest double', () => {
    expect(wrapSized('Врач: Константинопольская-Вишневецкая Александра Владимировна', 32, 2)).toEqual([
      { text: 'Врач:', size: 2 },
      { text: 'Константинопольская-Вишневецкая', size: 1 },
      { text: 'Александра', size: 2 },
      { text: 'Владимировна', size: 2 },
    ]);
  });

  it('breaks at a word\'s own hyphen when both halves fit double, and never hyphenates by force', () => {
    // 80 mm: 24 columns at double size; «Константинопольская-» is 20.
    expect(wrapSized('Константинопольская-Вишневецкая', 48, 2)).toEqual([
      { text: 'Константинопольская-', size: 2 },
      { text: 'Вишневецкая', size: 2 },
    ]);
    const lines = wrapSized('Заведующий отделением — врач-оториноларинголог высшей квалификационной категории', 32, 2);
    for (const l of lines) expect(l.text.length * l.size).toBeLessThanOrEqual(32);
    expect(lines.map((l) => l.text).join(' ')).toBe(toSlipText('Заведующий отделением — врач-оториноларинголог высшей квалификационной категории').replaceAll('\u00a0', ' '));
  });

  it('steps a triple-size word down one size at a time', () => {
    expect(wrapSized('09:15', 32, 3)).toEqual([{ text: '09:15', size: 3 }]);
    // 10 columns at triple, 16 at double.
    expect(wrapSized('Понедельник', 32, 3)).toEqual([{ text: 'Понедельник', size: 2 }]);
  });
});

describe('the large-print slip', () => {
  const cases = [
    ['same building', sampleSlip({ homeClinicGuid: HOME, largePrint: true })],
    ['other building, longest names', sampleSlip({ ...elsewhere, largePrint: true })],
  ] as const;
  for (const columns of [32, 48]) {
    for (const [name, slip] of cases) {
      for (const charset of ['cp866', 'wpc1251'] as const) {
        it(`fits ${columns} columns (${name}, ${charset}) and cuts no word`, () => {
          const lines = text(slip, columns, charset);
          for (const l of lines) expect(l.text.length * l.size, l.text).toBeLessThanOrEqual(columns);
          // A forced hyphen would end a line with «-» that is not in the source.
          const t = slip.ticket!;
          const source = toSlipText([t.doctorName, t.doctorRole, t.clinic.name, t.clinic.address].join(' '), charset);
          for (const l of lines.filter((x) => x.text.endsWith('-'))) expect(source).toContain(l.text.split(' ').at(-1));
        });
      }
    }
  }

  it('prints at double size what the patient acts on, the time triple, the registry\'s lines small (58 mm)', () => {
    const lines = text(sampleSlip({ ...elsewhere, largePrint: true }), 32);
    expect(lineWith(lines, '09:15')?.size).toBe(3);
    for (const part of ['Пятница,', '27.11.2026', 'Кабинет 1117,', 'Врач:', 'Александра', 'Талон № 1204.117', 'Приём в другом', 'Московская', 'Приходите за', '8-496-416-04-13']) {
      expect(lineWith(lines, part)?.size, part).toBe(2);
    }
    expect(lineWith(lines, 'Напечатано:')?.size).toBe(1);
    expect(lineWith(lines, 'Инфомат:')?.size).toBe(1);
  });

  it('leaves the ordinary slip as it was: the number, the doctor and the date in numbers small', () => {
    const lines = text(sampleSlip(), 48);
    for (const part of ['27.11.2026', 'Врач:', 'Талон №', 'Приходите']) expect(lineWith(lines, part)?.size, part).toBe(1);
    expect(lineWith(lines, '09:15')?.size).toBe(2);
  });

  it('enlarges the list of appointments and the waiting-list request too, within 58 mm', () => {
    for (const slip of [sampleAppointmentsSlip({ largePrint: true }), sampleWaitingListSlip({ largePrint: true })]) {
      const lines = text(slip, 32);
      for (const l of lines) expect(l.text.length * l.size, l.text).toBeLessThanOrEqual(32);
      expect(lines.some((l) => l.size === 2)).toBe(true);
    }
    expect(layoutToText(buildSlipLayout(sampleAppointmentsSlip({ largePrint: true }), 32))).toContain('Кабинет 305,');
  });
});
