// Slips for tests, the sample images and the demo: realistic data at the length extremes the
// MIS actually sends (long double surnames, full official clinic names).
import type { SlipData, SlipMeta } from '../core/ports';
import type { Ticket } from '../common/bridge-contract';
import { DEFAULT_CLINIC_TIME_ZONE } from '../common/clinic-time';

export const sampleTicket: Ticket = {
  ticketGuid: '5f0c1a2b-7d3e-4c11-9a8b-0123456789ab',
  number: '037.91',
  room: '214',
  floor: 2,
  beginTime: '2026-11-27T09:15:00+03:00',
  endTime: '2026-11-27T09:30:00+03:00',
  doctorName: 'Иванов И.И.',
  doctorRole: 'Врач-терапевт участковый',
  speciality: 'Терапия',
  resType: 'Doctor',
  clinic: {
    guid: '9a1b2c3d-0000-4000-8000-000000000001',
    name: 'ГБУЗ МО «Дубненская больница»',
    fullName: 'Государственное бюджетное учреждение здравоохранения Московской области «Дубненская больница»',
    address: '141980, Московская обл., г. Дубна, ул. Карла Маркса, д. 30',
    phone: '8-496-416-04-13',
    // As the view model sets them: Monday first, typeset, Sunday closed.
    hours: ['08:00–20:00', '08:00–20:00', '08:00–20:00', '08:00–20:00', '08:00–19:00', '09:00–15:00', null],
  },
  bookedAt: '2026-11-20T08:40:00+03:00',
};

export const longTicket: Ticket = {
  ...sampleTicket,
  ticketGuid: 'c2d4e6f8-1a3b-4c5d-8e9f-a0b1c2d3e4f5',
  number: '1204.117',
  doctorName: 'Константинопольская-Вишневецкая Александра Владимировна',
  doctorRole: 'Заведующий отделением — врач-оториноларинголог высшей квалификационной категории',
  speciality: 'Оториноларингология (сурдология-оториноларингология)',
  room: '1117',
  floor: 11,
  clinic: {
    ...sampleTicket.clinic,
    name: 'ГБУЗ «Областной консультативно-диагностический центр»',
    address: '143005, Московская область, Одинцовский городской округ, г. Одинцово, ул. Неизвестная, д. 1042, корп. 3, стр. 1',
  },
};

export function sampleSlip(overrides: Partial<SlipMeta> & { ticket?: Ticket } = {}): SlipData {
  return {
    ticket: sampleTicket,
    kioskId: 'KIOSK-01',
    printedAt: '2026-11-20T05:41:00Z',
    timeZone: DEFAULT_CLINIC_TIME_ZONE,
    locale: 'ru',
    reprint: false,
    ...overrides,
  };
}

/** «Распечатать все записи» with three appointments, one of them with the long names. */
export function sampleAppointmentsSlip(overrides: Partial<SlipMeta> = {}): SlipData {
  const { ticket: _t, ...meta } = sampleSlip(overrides);
  return {
    ...meta,
    summary: {
      kind: 'appointments',
      id: '9a1e2d3c-4b5a-4f6e-8d7c-0b1a2c3d4e5f',
      tickets: [
        sampleTicket,
        { ...sampleTicket, ticketGuid: '6a0c1a2b-7d3e-4c11-9a8b-0123456789ac', number: '041.07', beginTime: '2026-11-30T14:40:00+03:00', endTime: '2026-11-30T15:00:00+03:00', room: '305', floor: 3, doctorName: 'Смирнова О. В.', doctorRole: 'офтальмолог', speciality: 'Офтальмология' },
        { ...longTicket, ticketGuid: '7a0c1a2b-7d3e-4c11-9a8b-0123456789ad', beginTime: '2026-12-02T08:00:00+03:00', endTime: '2026-12-02T08:20:00+03:00' },
      ],
    },
  };
}

/** A waiting-list request for a speciality with no free time. */
export function sampleWaitingListSlip(overrides: Partial<SlipMeta> = {}): SlipData {
  const { ticket, ...meta } = sampleSlip(overrides);
  return {
    ...meta,
    summary: {
      kind: 'waitingList',
      id: '8b2f3e4d-5c6b-4a7f-9e8d-1c2b3d4e5f60',
      clinic: ticket!.clinic,
      what: 'Эндокринолог',
      reason: 'noSlots',
      reference: 'ЛО-2026-004512',
      phoneTail: '67',
    },
  };
}
