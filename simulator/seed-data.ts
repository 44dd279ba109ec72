// Static seed: clinics, resources, patients, referrals and client applications. Patients P1–P7
// are exactly those of /work/shared/api/simulator-contract.md; every one exists to make one
// rule observable (see `situation`). Dates are stored as offsets from "today" so the data
// stays meaningful whatever clock the simulator starts with.

export const INFOMAT_APP_GUID = '7d3c1e52-0000-0000-0000-00000000ab01';
export const ALL_APPS_GUID = '00000000-0000-0000-0000-000000000000';

export interface ClientApp {
  guid: string;
  name: string;
  /** Russian name for DocumentHistory.client.name. */
  displayName: string;
  access: { VisitDoctor: number; VisitDirection: number; VisitDirectionOtherLpu: number };
  scheduleDays: number;
  /** Numeric `source` written on tickets; the real codes are undocumented (1 = Internet per the seed). */
  sourceCode: number;
}

export const CLIENT_APPS: readonly ClientApp[] = [
  {
    guid: INFOMAT_APP_GUID,
    name: 'Infomat',
    displayName: 'Инфомат',
    access: { VisitDoctor: 32, VisitDirection: 40, VisitDirectionOtherLpu: 40 },
    scheduleDays: 14,
    sourceCode: 2,
  },
  {
    guid: 'cb174067-702f-42d0-b0eb-1d84a514515d',
    name: 'Callcenter',
    displayName: 'Колл-центр',
    access: { VisitDoctor: 64, VisitDirection: 72, VisitDirectionOtherLpu: 72 },
    scheduleDays: 14,
    sourceCode: 3,
  },
  {
    guid: '9f1b7c3e-0000-0000-0000-00000000ab02',
    name: 'Internet',
    displayName: 'Портал самозаписи',
    access: { VisitDoctor: 4, VisitDirection: 12, VisitDirectionOtherLpu: 12 },
    scheduleDays: 14,
    sourceCode: 1,
  },
];

/** Cell rights bits (INFERRED order of the rights page). */
export const RIGHTS = {
  Registry: 1,
  Doctor: 2,
  Internet: 4,
  DoctorOtherLpu: 8,
  Quota: 16,
  Infomat: 32,
  CallCenter: 64,
} as const;

export const LPU1 = '3c1e7b2a-0000-4000-8000-000000000001';
export const LPU2 = '3c1e7b2a-0000-4000-8000-000000000002';
export const LPU3 = '3c1e7b2a-0000-4000-8000-000000000003';

export interface Worktimes {
  monday: string;
  tuesday: string;
  wednesday: string;
  thursday: string;
  friday: string;
  saturday: string;
  sunday: string;
}

export interface Clinic {
  key: string;
  guid: string;
  name: string;
  fullName: string;
  ferName: string;
  address: string;
  addressDetail: { postcode: string; settlement: string; street: string; building: string; house: string };
  phone: string;
  mcod: string;
  fcod: string;
  hostID: number;
  online: boolean;
  /** Shown by the kiosk when the clinic cannot take bookings. */
  statusMessage: string | null;
  worktimes: Worktimes;
  cityId: string;
  inn: string;
  kpp: string;
  ogrn: string;
  okato: string;
  management: string;
  site: string;
  email: string;
  gps: string;
  ratingAvg: number;
  isChildrenPoliclinic: boolean;
}

export const CLINICS: readonly Clinic[] = [
  {
    key: 'LPU1',
    guid: LPU1,
    name: 'Городская поликлиника №1',
    fullName: 'ГБУЗ «Городская поликлиника №1»',
    ferName: 'ГБУЗ МО «Красногорская городская поликлиника №1»',
    address: '143401, Московская обл., г. Красногорск, ул. Ленина, д. 5',
    addressDetail: { postcode: '143401', settlement: 'г. Красногорск', street: 'ул. Ленина', building: '', house: '5' },
    phone: '8-495-563-12-40',
    mcod: '500101',
    fcod: '500101',
    hostID: 101,
    online: true,
    statusMessage: null,
    worktimes: {
      monday: '8:00 - 20:00',
      tuesday: '8:00 - 20:00',
      wednesday: '8:00 - 20:00',
      thursday: '8:00 - 20:00',
      friday: '8:00 - 20:00',
      saturday: '9:00 - 15:00',
      sunday: '',
    },
    cityId: '2dr_geo_46223501',
    inn: '5024051234',
    kpp: '502401001',
    ogrn: '1025002867412',
    okato: '46223501000',
    management: 'Главный врач Лебедева Марина Сергеевна',
    site: 'https://kgp1.mosreg.example',
    email: 'kgp1@mosreg.example',
    gps: '55.831284, 37.330127',
    ratingAvg: 4.3,
    isChildrenPoliclinic: false,
  },
  {
    key: 'LPU2',
    guid: LPU2,
    name: 'Областной КДЦ',
    fullName: 'ГБУЗ «Областной консультативно-диагностический центр»',
    ferName: 'ГБУЗ МО «Областной консультативно-диагностический центр»',
    address: '141009, Московская обл., г. Мытищи, Олимпийский пр-т, д. 29, корп. 2',
    addressDetail: {
      postcode: '141009',
      settlement: 'г. Мытищи',
      street: 'Олимпийский пр-т',
      building: '2',
      house: '29',
    },
    phone: '8-495-586-40-17',
    mcod: '500202',
    fcod: '500202',
    hostID: 202,
    online: true,
    statusMessage: null,
    worktimes: {
      monday: '8:00 - 18:00',
      tuesday: '8:00 - 18:00',
      wednesday: '8:00 - 18:00',
      thursday: '8:00 - 18:00',
      friday: '8:00 - 18:00',
      saturday: '9:00 - 14:00',
      sunday: '',
    },
    cityId: '2dr_geo_46246501',
    inn: '5029012345',
    kpp: '502901001',
    ogrn: '1035005512345',
    okato: '46246501000',
    management: 'Главный врач Орлов Виктор Андреевич',
    site: 'https://okdc.mosreg.example',
    email: 'info@okdc.mosreg.example',
    gps: '55.911034, 37.746215',
    ratingAvg: 4.6,
    isChildrenPoliclinic: false,
  },
  {
    key: 'LPU3',
    guid: LPU3,
    name: 'Районная больница',
    fullName: 'ГБУЗ «Районная больница»',
    ferName: 'ГБУЗ МО «Подольская районная больница»',
    address: '142100, Московская обл., г. Подольск, ул. Кирова, д. 38',
    addressDetail: { postcode: '142100', settlement: 'г. Подольск', street: 'ул. Кирова', building: '', house: '38' },
    phone: '8-4967-63-28-11',
    mcod: '500303',
    fcod: '500303',
    hostID: 303,
    online: false,
    statusMessage: 'Запись временно недоступна',
    worktimes: {
      monday: '8:00 - 17:00',
      tuesday: '8:00 - 17:00',
      wednesday: '8:00 - 17:00',
      thursday: '8:00 - 17:00',
      friday: '8:00 - 16:00',
      saturday: '',
      sunday: '',
    },
    cityId: '2dr_geo_46260501',
    inn: '5036004321',
    kpp: '503601001',
    ogrn: '1025004701234',
    okato: '46260501000',
    management: 'Главный врач Гусейнов Рустам Алиевич',
    site: 'https://prb.mosreg.example',
    email: 'prb@mosreg.example',
    gps: '55.424312, 37.544581',
    ratingAvg: 4.1,
    isChildrenPoliclinic: false,
  },
];

export type ResType = 'Doctor' | 'Room' | 'Equipment';

/** Working hours per weekday (0 = Sunday): [first cell start, end of last cell]. */
export type Hours = Partial<Record<0 | 1 | 2 | 3 | 4 | 5 | 6, [string, string]>>;

export interface Resource {
  guid: string;
  lpuGuid: string;
  resType: ResType;
  /** Full name for doctors; "Кабинет N (Этаж F)" for rooms (documented naming rule). */
  name: string;
  doctorRole: string;
  speciality: string;
  room: string;
  flat: number;
  hours: Hours;
  /** First part of ticket numbers («214» → «214.05»). */
  ticketPrefix: string;
  /** Age limit of the resource (4029 below it). */
  minAge?: number;
  /** A weekday whose cells are always all taken, so "days with free cells" is observable. */
  fullyBookedWeekday?: number;
  /** Every cell taken by the registry, whatever the date: a speciality with no time (waiting list). */
  noFreeCells?: boolean;
}

const WEEK = (from: string, to: string): Hours => ({
  1: [from, to],
  2: [from, to],
  3: [from, to],
  4: [from, to],
  5: [from, to],
});

export const RES = {
  cardioPetrov: 'a1f0c6d2-0000-4000-8000-0000000000d1',
  cardioKonst: 'a1f0c6d2-0000-4000-8000-0000000000d2',
  neuroLpu2: 'a1f0c6d2-0000-4000-8000-0000000000d3',
  endoLpu2: 'a1f0c6d2-0000-4000-8000-0000000000d4',
  gastroLpu2: 'a1f0c6d2-0000-4000-8000-0000000000d5',
  ultrasound: 'a1f0c6d2-0000-4000-8000-0000000000e1',
  neuroLpu1: 'a1f0c6d2-0000-4000-8000-0000000001d6',
  labLpu1: 'a1f0c6d2-0000-4000-8000-0000000001e2',
  endoLpu3: 'a1f0c6d2-0000-4000-8000-0000000003d7',
  // First-level doctors a patient books without a referral (self-booking).
  therapistLpu1: 'a1f0c6d2-0000-4000-8000-0000000001d8',
  therapistLpu1Evening: 'a1f0c6d2-0000-4000-8000-0000000001d9',
  surgeonLpu1: 'a1f0c6d2-0000-4000-8000-0000000001da',
  ophthalmologistLpu1: 'a1f0c6d2-0000-4000-8000-0000000001db',
  entLpu1: 'a1f0c6d2-0000-4000-8000-0000000001dc',
  therapistLpu2: 'a1f0c6d2-0000-4000-8000-0000000000dd',
} as const;

export const RESOURCES: readonly Resource[] = [
  {
    guid: RES.cardioPetrov,
    lpuGuid: LPU2,
    resType: 'Doctor',
    name: 'Петров Петр Петрович',
    doctorRole: 'Врач-кардиолог',
    speciality: 'Кардиология',
    room: '214',
    flat: 2,
    hours: { ...WEEK('09:00', '12:00'), 6: ['09:00', '11:00'] },
    ticketPrefix: '214',
    fullyBookedWeekday: 3,
  },
  {
    guid: RES.cardioKonst,
    lpuGuid: LPU2,
    resType: 'Doctor',
    name: 'Константинопольская-Вишневецкая Александра Владимировна',
    doctorRole: 'Врач-кардиолог высшей квалификационной категории',
    speciality: 'Кардиология',
    room: '216',
    flat: 2,
    hours: WEEK('08:00', '14:00'),
    ticketPrefix: '216',
  },
  {
    guid: RES.ultrasound,
    lpuGuid: LPU2,
    resType: 'Room',
    name: 'Кабинет 105 (Этаж 1)',
    doctorRole: 'Кабинет ультразвуковой диагностики',
    speciality: 'Ультразвуковая диагностика',
    room: '105',
    flat: 1,
    hours: { ...WEEK('08:00', '13:00'), 6: ['09:00', '12:00'] },
    ticketPrefix: '105',
  },
  {
    guid: RES.neuroLpu2,
    lpuGuid: LPU2,
    resType: 'Doctor',
    name: 'Белокопытова Ирина Сергеевна',
    doctorRole: 'Врач-невролог',
    speciality: 'Неврология',
    room: '309',
    flat: 3,
    hours: { 1: ['14:00', '17:00'], 3: ['14:00', '17:00'], 5: ['09:00', '12:00'] },
    ticketPrefix: '309',
  },
  {
    guid: RES.endoLpu2,
    lpuGuid: LPU2,
    resType: 'Doctor',
    name: 'Черноголовкин Святослав Игоревич',
    doctorRole: 'Врач-эндокринолог',
    speciality: 'Эндокринология',
    room: '118',
    flat: 1,
    hours: { 2: ['09:00', '12:00'], 4: ['09:00', '12:00'] },
    ticketPrefix: '118',
  },
  {
    guid: RES.gastroLpu2,
    lpuGuid: LPU2,
    resType: 'Doctor',
    name: 'Салтыкова-Щедрина Евгения Михайловна',
    doctorRole: 'Врач-гастроэнтеролог (прием взрослых)',
    speciality: 'Гастроэнтерология',
    room: '221',
    flat: 2,
    hours: WEEK('10:00', '13:00'),
    ticketPrefix: '221',
    minAge: 18,
  },
  {
    guid: RES.neuroLpu1,
    lpuGuid: LPU1,
    resType: 'Doctor',
    name: 'Оганесян Армен Ашотович',
    doctorRole: 'Врач-невролог',
    speciality: 'Неврология',
    room: '12',
    flat: 1,
    hours: { ...WEEK('08:00', '12:00'), 6: ['09:00', '12:00'] },
    ticketPrefix: '012',
  },
  {
    guid: RES.labLpu1,
    lpuGuid: LPU1,
    resType: 'Room',
    name: 'Кабинет 7 (Этаж 1)',
    doctorRole: 'Процедурный кабинет',
    speciality: 'Клиническая лабораторная диагностика',
    room: '7',
    flat: 1,
    hours: WEEK('07:30', '10:00'),
    ticketPrefix: '007',
  },
  {
    guid: RES.endoLpu3,
    lpuGuid: LPU3,
    resType: 'Doctor',
    name: 'Ярошевская Людмила Павловна',
    doctorRole: 'Врач-эндокринолог',
    speciality: 'Эндокринология',
    room: '5',
    flat: 1,
    hours: WEEK('09:00', '12:00'),
    ticketPrefix: '005',
  },
  {
    guid: RES.therapistLpu1,
    lpuGuid: LPU1,
    resType: 'Doctor',
    name: 'Кузьмина Валентина Николаевна',
    doctorRole: 'Врач-терапевт участковый',
    speciality: 'Терапия',
    room: '21',
    flat: 2,
    hours: { ...WEEK('08:00', '13:00'), 6: ['09:00', '12:00'] },
    ticketPrefix: '021',
  },
  {
    guid: RES.therapistLpu1Evening,
    lpuGuid: LPU1,
    resType: 'Doctor',
    name: 'Абдуллаев Руслан Тимурович',
    doctorRole: 'Врач-терапевт',
    speciality: 'Терапия',
    room: '23',
    flat: 2,
    hours: WEEK('14:00', '19:00'),
    ticketPrefix: '023',
  },
  {
    guid: RES.surgeonLpu1,
    lpuGuid: LPU1,
    resType: 'Doctor',
    name: 'Григорьев Олег Валентинович',
    doctorRole: 'Врач-хирург',
    speciality: 'Хирургия',
    room: '31',
    flat: 3,
    hours: { 1: ['09:00', '13:00'], 3: ['09:00', '13:00'], 5: ['09:00', '13:00'] },
    ticketPrefix: '031',
  },
  {
    guid: RES.ophthalmologistLpu1,
    lpuGuid: LPU1,
    resType: 'Doctor',
    name: 'Лаптева Светлана Юрьевна',
    doctorRole: 'Врач-офтальмолог',
    speciality: 'Офтальмология',
    room: '15',
    flat: 1,
    hours: WEEK('08:00', '12:00'),
    ticketPrefix: '015',
    noFreeCells: true,
  },
  {
    guid: RES.entLpu1,
    lpuGuid: LPU1,
    resType: 'Doctor',
    name: 'Никифоров Павел Андреевич',
    doctorRole: 'Врач-оториноларинголог',
    speciality: 'Оториноларингология',
    room: '17',
    flat: 1,
    hours: { 2: ['10:00', '14:00'], 4: ['10:00', '14:00'], 6: ['09:00', '12:00'] },
    ticketPrefix: '017',
  },
  {
    guid: RES.therapistLpu2,
    lpuGuid: LPU2,
    resType: 'Doctor',
    name: 'Ефремова Анастасия Олеговна',
    doctorRole: 'Врач-терапевт (прием взрослых)',
    speciality: 'Терапия',
    room: '102',
    flat: 1,
    hours: WEEK('09:00', '15:00'),
    ticketPrefix: '102',
    minAge: 18,
  },
];

/**
 * Speciality codes as the speciality schedule takes them (`specId`) and the referrals carry
 * them. The simulator's own numbering: a real MIS has its own.
 */
export const SPECIALITIES: readonly { code: string; name: string }[] = [
  { code: '109', name: 'Кардиология' },
  { code: '53', name: 'Неврология' },
  { code: '122', name: 'Эндокринология' },
  { code: '20', name: 'Гастроэнтерология' },
  { code: '76', name: 'Терапия' },
  { code: '112', name: 'Хирургия' },
  { code: '65', name: 'Офтальмология' },
  { code: '64', name: 'Оториноларингология' },
];

/**
 * The specialities each clinic opens to self-booking (без направления), in the order the MIS
 * lists them: which ones is the clinic's choice. LPU2 lets patients book its cardiologists
 * themselves (repeat visits), so one booking per speciality (4008) shows there for P6;
 * Офтальмология has no free time at all (the waiting list); LPU2's Терапия takes adults only.
 */
export const SELF_BOOKING: Readonly<Record<string, readonly string[]>> = {
  [LPU1]: ['76', '112', '65', '64'],
  [LPU2]: ['76', '109'],
  [LPU3]: [],
};

export interface Mkab {
  guid: string;
  lpuGuid: string;
  num: string;
  closed: boolean;
  /** «запрет самозаписи» flag on the card → 4007. */
  selfBookingBan: boolean;
}

export interface Person {
  key: string;
  guid: string;
  lastName: string;
  firstName: string;
  middleName: string;
  birthday: string;
  sex: 'M' | 'F';
  sPol: string;
  nPol: string;
  snils: string;
  sDoc: string;
  nDoc: string;
  mkabs: Mkab[];
  situation: string;
}

const mkab = (person: number, lpu: 1 | 2 | 3, extra: Partial<Mkab> = {}): Mkab => ({
  guid: `0f2c9d1e-0000-4000-8000-0000000000${person}${lpu}`,
  lpuGuid: lpu === 1 ? LPU1 : lpu === 2 ? LPU2 : LPU3,
  num: `${lpu}0${person}-2019-${String(1000 + person * 17)}`,
  closed: false,
  selfBookingBan: false,
  ...extra,
});

export const PERSONS: readonly Person[] = [
  {
    key: 'P1',
    guid: '8a7e3f0c-0000-4000-8000-000000000001',
    lastName: 'Смирнов',
    firstName: 'Андрей',
    middleName: 'Викторович',
    birthday: '1980-01-15',
    sex: 'M',
    sPol: '',
    nPol: '5000000000000001',
    snils: '112-233-445 95',
    sDoc: '4510',
    nDoc: '123456',
    mkabs: [mkab(1, 1), mkab(1, 2)],
    situation: 'happy path; D2 expired → 4033',
  },
  {
    key: 'P2',
    guid: '8a7e3f0c-0000-4000-8000-000000000002',
    lastName: 'Кузнецова',
    firstName: 'Ольга',
    middleName: 'Петровна',
    birthday: '1975-03-03',
    sex: 'F',
    sPol: '',
    nPol: '5000000000000002',
    snils: '123-456-789 64',
    sDoc: '4602',
    nDoc: '234567',
    mkabs: [mkab(2, 1, { closed: true })],
    situation: 'only card closed → token 5096',
  },
  {
    key: 'P3',
    guid: '8a7e3f0c-0000-4000-8000-000000000003',
    lastName: 'Попов',
    firstName: 'Сергей',
    middleName: 'Александрович',
    birthday: '1990-07-07',
    sex: 'M',
    sPol: '',
    nPol: '5000000000000003',
    snils: '134-567-890 12',
    sDoc: '4611',
    nDoc: '345678',
    mkabs: [],
    situation: 'no card → token 4001',
  },
  {
    key: 'P4',
    guid: '8a7e3f0c-0000-4000-8000-000000000004',
    lastName: 'Васильева',
    firstName: 'Наталья',
    middleName: 'Игоревна',
    birthday: '1985-05-05',
    sex: 'F',
    sPol: '',
    nPol: '5000000000000004',
    snils: '145-678-901 23',
    sDoc: '4605',
    nDoc: '456789',
    mkabs: [mkab(4, 1), mkab(4, 2, { selfBookingBan: true })],
    situation: 'card in LPU2 flagged «запрет самозаписи» → booking 4007 (referral D4 and self-booking at LPU2)',
  },
  {
    key: 'P5',
    guid: '8a7e3f0c-0000-4000-8000-000000000005',
    lastName: 'Соколов',
    firstName: 'Матвей',
    middleName: 'Денисович',
    birthday: '2015-09-09',
    sex: 'M',
    sPol: '',
    nPol: '5000000000000005',
    snils: '156-789-012 34',
    sDoc: '',
    nDoc: '',
    mkabs: [mkab(5, 2)],
    situation: 'child, referral to an adults-only doctor, or self-booking LPU2 Терапия → booking 4029',
  },
  {
    key: 'P6',
    guid: '8a7e3f0c-0000-4000-8000-000000000006',
    lastName: 'Сидоров',
    firstName: 'Алексей',
    middleName: 'Николаевич',
    birthday: '1970-12-12',
    sex: 'M',
    sPol: '',
    nPol: '5000000000000006',
    snils: '167-890-123 45',
    sDoc: '4603',
    nDoc: '567890',
    mkabs: [mkab(6, 1), mkab(6, 2)],
    situation: 'already booked to Кардиология → booking D6, or self-booking a cardiologist, 4008',
  },
  {
    key: 'P7',
    guid: '8a7e3f0c-0000-4000-8000-000000000007',
    lastName: 'Морозова',
    firstName: 'Екатерина',
    middleName: 'Андреевна',
    birthday: '1982-02-02',
    sex: 'F',
    sPol: '',
    nPol: '5000000000000007',
    snils: '178-901-234 56',
    sDoc: '4608',
    nDoc: '678901',
    mkabs: [mkab(7, 1)],
    situation: 'card in LPU1 only, referral to LPU2 → booking 4001',
  },
];

export type DirectionType = 'Consultation' | 'Laboratory' | 'Diagnostic' | 'Duvisit' | 'Hospital';
export type DirectionStatus = 'Active' | 'Booked' | 'Used' | 'Expired' | 'Cancelled';

export interface ReferralSeed {
  key: string;
  guid: string;
  personGuid: string;
  number: string;
  type: DirectionType;
  speciality: { code: string; name: string } | null;
  service: { code: string; name: string } | null;
  /** Resource speciality that serves the referral (also the 4008 "same speciality" key). */
  targetSpeciality: string;
  lpuFrom: string;
  lpuTo: string[];
  issuedDaysAgo: number;
  validDays: number;
  /** Stored status; Expired is derived from dateEnd, Booked from a seeded ticket. */
  status: 'Active' | 'Used' | 'Cancelled';
  senderDoctorFio: string;
  mkbCode: string;
  mkbName: string;
  urgent: boolean;
  comment: string;
}

const P = (n: number): string => `8a7e3f0c-0000-4000-8000-00000000000${n}`;
const D = (suffix: string): string => `5b0c8f0e-0000-4000-8000-000000000${suffix}`;

export const DIR = {
  D1: D('101'),
  D2: D('102'),
  D1booked: D('103'),
  D1used: D('104'),
  D1twoClinics: D('105'),
  D1withOffline: D('106'),
  D4: D('401'),
  D5: D('501'),
  D6: D('601'),
  D7: D('701'),
} as const;

const CARDIO = { code: '109', name: 'Кардиология' };
const baseReferral = {
  lpuFrom: LPU1,
  senderDoctorFio: 'Иванова Мария Петровна',
  urgent: false,
  comment: '',
  status: 'Active' as const,
  issuedDaysAgo: 5,
  validDays: 30,
  service: null,
};

export const REFERRALS: readonly ReferralSeed[] = [
  {
    ...baseReferral,
    key: 'D1',
    guid: DIR.D1,
    personGuid: P(1),
    number: '500101/000101',
    type: 'Consultation',
    speciality: CARDIO,
    targetSpeciality: 'Кардиология',
    lpuTo: [LPU2],
    mkbCode: 'I10',
    mkbName: 'Эссенциальная (первичная) гипертензия',
  },
  {
    ...baseReferral,
    key: 'D2',
    guid: DIR.D2,
    personGuid: P(1),
    number: '500101/000102',
    type: 'Laboratory',
    speciality: null,
    service: { code: 'B03.016.003', name: 'Общий (клинический) анализ крови развернутый' },
    targetSpeciality: 'Клиническая лабораторная диагностика',
    lpuTo: [LPU1],
    issuedDaysAgo: 40,
    validDays: 30,
    mkbCode: 'Z00.0',
    mkbName: 'Общий медицинский осмотр',
  },
  {
    ...baseReferral,
    key: 'D1booked',
    guid: DIR.D1booked,
    personGuid: P(1),
    number: '500101/000103',
    type: 'Diagnostic',
    speciality: null,
    service: { code: 'A04.16.001', name: 'Ультразвуковое исследование органов брюшной полости (комплексное)' },
    targetSpeciality: 'Ультразвуковая диагностика',
    lpuTo: [LPU2],
    mkbCode: 'K80.2',
    mkbName: 'Камни желчного пузыря без холецистита',
  },
  {
    ...baseReferral,
    key: 'D1used',
    guid: DIR.D1used,
    personGuid: P(1),
    number: '500101/000104',
    type: 'Consultation',
    speciality: { code: '53', name: 'Неврология' },
    targetSpeciality: 'Неврология',
    lpuTo: [LPU1],
    status: 'Used',
    issuedDaysAgo: 20,
    mkbCode: 'M54.5',
    mkbName: 'Боль внизу спины',
  },
  {
    ...baseReferral,
    key: 'D1twoClinics',
    guid: DIR.D1twoClinics,
    personGuid: P(1),
    number: '500101/000105',
    type: 'Consultation',
    speciality: { code: '53', name: 'Неврология' },
    targetSpeciality: 'Неврология',
    lpuTo: [LPU1, LPU2],
    issuedDaysAgo: 2,
    mkbCode: 'G43.0',
    mkbName: 'Мигрень без ауры [простая мигрень]',
  },
  {
    ...baseReferral,
    key: 'D1withOffline',
    guid: DIR.D1withOffline,
    personGuid: P(1),
    number: '500101/000106',
    type: 'Consultation',
    speciality: { code: '122', name: 'Эндокринология' },
    targetSpeciality: 'Эндокринология',
    lpuTo: [LPU2, LPU3],
    issuedDaysAgo: 3,
    mkbCode: 'E11.9',
    mkbName: 'Инсулиннезависимый сахарный диабет без осложнений',
    urgent: true,
    comment: 'Контроль гликированного гемоглобина',
  },
  {
    ...baseReferral,
    key: 'D4',
    guid: DIR.D4,
    personGuid: P(4),
    number: '500101/000401',
    type: 'Consultation',
    speciality: CARDIO,
    targetSpeciality: 'Кардиология',
    lpuTo: [LPU2],
    mkbCode: 'I49.9',
    mkbName: 'Нарушение сердечного ритма неуточненное',
  },
  {
    ...baseReferral,
    key: 'D5',
    guid: DIR.D5,
    personGuid: P(5),
    number: '500101/000501',
    type: 'Consultation',
    speciality: { code: '20', name: 'Гастроэнтерология' },
    targetSpeciality: 'Гастроэнтерология',
    lpuFrom: LPU2,
    lpuTo: [LPU2],
    senderDoctorFio: 'Ковалева Анна Сергеевна',
    mkbCode: 'K29.5',
    mkbName: 'Хронический гастрит неуточненный',
  },
  {
    ...baseReferral,
    key: 'D6',
    guid: DIR.D6,
    personGuid: P(6),
    number: '500101/000601',
    type: 'Consultation',
    speciality: CARDIO,
    targetSpeciality: 'Кардиология',
    lpuTo: [LPU2],
    mkbCode: 'I25.1',
    mkbName: 'Атеросклеротическая болезнь сердца',
  },
  {
    ...baseReferral,
    key: 'D7',
    guid: DIR.D7,
    personGuid: P(7),
    number: '500101/000701',
    type: 'Consultation',
    speciality: CARDIO,
    targetSpeciality: 'Кардиология',
    lpuTo: [LPU2],
    mkbCode: 'I10',
    mkbName: 'Эссенциальная (первичная) гипертензия',
  },
];

/**
 * Appointments that exist before any kiosk activity. Placed on the first suitable free cell of
 * the first working day after "today", not before `notBefore`.
 */
export interface SeedTicket {
  personGuid: string;
  resourceGuid: string;
  directionGuid: string | null;
  notBefore: string;
  sourceApp: 'Registry' | 'Internet';
}

export const SEED_TICKETS: readonly SeedTicket[] = [
  // P1's booked ultrasound (referral D1booked shows as Booked with its ticket).
  { personGuid: P(1), resourceGuid: RES.ultrasound, directionGuid: DIR.D1booked, notBefore: '10:00', sourceApp: 'Internet' },
  // P6's cardiology appointment: the reason D6 is refused with 4008.
  { personGuid: P(6), resourceGuid: RES.cardioKonst, directionGuid: null, notBefore: '09:15', sourceApp: 'Registry' },
];

export const BUSY_TYPE = { name: 'Прием по направлению', type: 4, code: null } as const;
