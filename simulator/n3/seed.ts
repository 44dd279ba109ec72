// Seed of the N3 HubService simulator: two clinics, patients, referrals (number + surname as
// printed on the referral), the specialities the kiosk's clinic opens to self-booking, doctors
// with restrictions that reproduce the documented IdErrors. Listed in simulator/n3/README.md.

export const HUB_GUID = '11111111-2222-3333-4444-555555555555';
export const KIOSK_LPU = 101;

export interface N3Clinic {
  idLpu: number;
  shortName: string;
  fullName: string;
  address: string;
  phone: string;
  workTime: string;
}

export const N3_CLINICS: readonly N3Clinic[] = [
  {
    idLpu: 101,
    shortName: 'СПб ГБУЗ «Городская поликлиника №17»',
    fullName: 'Санкт-Петербургское государственное бюджетное учреждение здравоохранения «Городская поликлиника №17»',
    address: 'г. Санкт-Петербург, ул. Примерная, д. 1, корп. 2',
    phone: '+7 (812) 246-00-17',
    workTime: 'Пн–Пт 08:00–20:00, Сб 09:00–15:00',
  },
  {
    idLpu: 102,
    shortName: 'СПб ГБУЗ «Консультативно-диагностический центр №85»',
    fullName: 'Санкт-Петербургское государственное бюджетное учреждение здравоохранения «Консультативно-диагностический центр №85»',
    address: 'г. Санкт-Петербург, Ленинский пр., д. 168',
    phone: '+7 (812) 246-00-85',
    workTime: 'Пн–Пт 08:00–20:00',
  },
];

export interface N3Patient {
  key: string;
  surname: string;
  name: string;
  secondName: string;
  birthday: string;
  polisN: string;
  sex: 'M' | 'F';
  /** Area (участок) number, null when the patient has none. */
  area: string | null;
  /** IdPat per clinic. */
  ids: Record<number, string>;
}

export const N3_PATIENTS: readonly N3Patient[] = [
  { key: 'N1', surname: 'Петров', name: 'Иван', secondName: 'Сергеевич', birthday: '1979-04-12', polisN: '7800000000000001', sex: 'M', area: '12', ids: { 101: '574213', 102: '880011' } },
  { key: 'N2', surname: 'Смирнова', name: 'Анна', secondName: 'Павловна', birthday: '1988-10-30', polisN: '7800000000000002', sex: 'F', area: '7', ids: { 101: '574214', 102: '880012' } },
  // Two cards share one policy (a duplicate registration): CheckPatient → 21.
  { key: 'N3a', surname: 'Ким', name: 'Олег', secondName: 'Викторович', birthday: '1990-01-01', polisN: '7800000000000003', sex: 'M', area: '3', ids: { 101: '574215' } },
  { key: 'N3b', surname: 'Ким', name: 'Олег', secondName: 'Викторович', birthday: '1990-01-01', polisN: '7800000000000003', sex: 'M', area: '3', ids: { 101: '574216' } },
  { key: 'N4', surname: 'Соколова', name: 'Мария', secondName: 'Андреевна', birthday: '2026-06-01', polisN: '7800000000000004', sex: 'F', area: null, ids: { 101: '574217' } },
  // Already sees a cardiologist and holds a cardiology referral: the kiosk says so on the card.
  { key: 'N5', surname: 'Зайцева', name: 'Вера', secondName: 'Николаевна', birthday: '1965-06-20', polisN: '7800000000000005', sex: 'F', area: '7', ids: { 101: '574218', 102: '880015' } },
];

export interface N3Doctor {
  idDoc: string;
  idLpu: number;
  name: string;
  snils: string;
  room: string;
  /** Patients of this sex only (22). */
  sexOnly?: 'M' | 'F';
  /** Patients of at least this age in years (34 «только с 1 года»). */
  minAge?: number;
  /** Patients of at most this age in years: a children's doctor (33, the doctor's profile). */
  maxAge?: number;
  /** Only patients of this area (36). */
  area?: string;
  /** Every cell is the registry's: nothing free for the hub (a speciality for the waiting list). */
  registryOnly?: boolean;
  hours: [string, string];
}

export interface N3Speciality {
  idSpeciality: string;
  ferIdSpeciality: string;
  name: string;
  /** Listed by GetSpesialityList: patients book it themselves, without a referral. */
  selfBooking?: boolean;
  doctors: readonly N3Doctor[];
}

export const SPECIALITIES: Record<string, N3Speciality> = {
  cardio: {
    idSpeciality: '109',
    ferIdSpeciality: '29',
    name: 'Кардиология',
    doctors: [
      { idDoc: '5521', idLpu: 102, name: 'Иванова Мария Петровна', snils: '000-000-000 00', room: '214', hours: ['09:00', '12:00'] },
      { idDoc: '5522', idLpu: 102, name: 'Константинопольская-Вишневецкая Александра Владимировна', snils: '000-000-001 01', room: '216', hours: ['13:00', '16:00'] },
    ],
  },
  neuro: {
    idSpeciality: '53',
    ferIdSpeciality: '53',
    name: 'Неврология',
    doctors: [{ idDoc: '3107', idLpu: 101, name: 'Орлов Дмитрий Игоревич', snils: '000-000-002 02', room: '305', hours: ['08:00', '11:00'] }],
  },
  gyn: {
    idSpeciality: '2',
    ferIdSpeciality: '2',
    name: 'Акушерство и гинекология',
    doctors: [{ idDoc: '4410', idLpu: 101, name: 'Белова Елена Сергеевна', snils: '000-000-003 03', room: '112', sexOnly: 'F', hours: ['09:00', '12:00'] }],
  },
  allergo: {
    idSpeciality: '4',
    ferIdSpeciality: '4',
    name: 'Аллергология и иммунология',
    doctors: [{ idDoc: '4520', idLpu: 101, name: 'Гусева Ольга Николаевна', snils: '000-000-004 04', room: '118', minAge: 1, hours: ['09:00', '12:00'] }],
  },
  endo: {
    idSpeciality: '122',
    ferIdSpeciality: '122',
    name: 'Эндокринология',
    doctors: [{ idDoc: '5531', idLpu: 102, name: 'Черноголовкин Сергей Игоревич', snils: '000-000-006 06', room: '118', hours: ['08:00', '12:00'] }],
  },
  therapist: {
    idSpeciality: '76',
    ferIdSpeciality: '76',
    name: 'Терапия',
    doctors: [{ idDoc: '2001', idLpu: 101, name: 'Захарова Татьяна Ивановна', snils: '000-000-005 05', room: '201', area: '5', hours: ['09:00', '12:00'] }],
  },
  // Open to self-booking at the kiosk's clinic (GetSpesialityList → GetDoctorList →
  // GetAvaibleAppointments → SetAppointment without a referral).
  districtTherapist: {
    idSpeciality: '210',
    ferIdSpeciality: '122',
    name: 'Терапевт участковый',
    selfBooking: true,
    doctors: [
      { idDoc: '2101', idLpu: 101, name: 'Никитина Светлана Олеговна', snils: '000-000-010 10', room: '204', area: '12', hours: ['08:00', '12:00'] },
      { idDoc: '2102', idLpu: 101, name: 'Фролов Андрей Викторович', snils: '000-000-011 11', room: '206', area: '7', hours: ['14:00', '18:00'] },
    ],
  },
  generalPractice: {
    idSpeciality: '211',
    ferIdSpeciality: '16',
    name: 'Врач общей практики',
    selfBooking: true,
    doctors: [{ idDoc: '2201', idLpu: 101, name: 'Лебедева Ирина Александровна', snils: '000-000-012 12', room: '210', hours: ['09:00', '13:00'] }],
  },
  paediatrician: {
    idSpeciality: '212',
    ferIdSpeciality: '68',
    name: 'Педиатр',
    selfBooking: true,
    doctors: [
      { idDoc: '2301', idLpu: 101, name: 'Медведева Наталья Юрьевна', snils: '000-000-013 13', room: '101', maxAge: 17, hours: ['08:00', '12:00'] },
      { idDoc: '2302', idLpu: 101, name: 'Андреев Павел Константинович', snils: '000-000-014 14', room: '103', maxAge: 17, hours: ['13:00', '17:00'] },
    ],
  },
  dentist: {
    idSpeciality: '213',
    ferIdSpeciality: '87',
    name: 'Стоматолог-терапевт',
    selfBooking: true,
    doctors: [
      { idDoc: '2401', idLpu: 101, name: 'Тихонов Роман Евгеньевич', snils: '000-000-015 15', room: '301', hours: ['08:00', '11:00'] },
      { idDoc: '2402', idLpu: 101, name: 'Кузнецова Дарья Михайловна', snils: '000-000-016 16', room: '302', hours: ['11:00', '14:00'] },
      { idDoc: '2403', idLpu: 101, name: 'Попов Игорь Николаевич', snils: '000-000-017 17', room: '303', hours: ['15:00', '19:00'] },
    ],
  },
  surgeon: {
    idSpeciality: '214',
    ferIdSpeciality: '95',
    name: 'Хирург',
    selfBooking: true,
    doctors: [
      { idDoc: '2501', idLpu: 101, name: 'Волков Сергей Анатольевич', snils: '000-000-018 18', room: '215', hours: ['09:00', '13:00'] },
      { idDoc: '2502', idLpu: 101, name: 'Морозова Елена Викторовна', snils: '000-000-019 19', room: '217', hours: ['14:00', '17:00'] },
    ],
  },
  ophthalmologist: {
    idSpeciality: '215',
    ferIdSpeciality: '65',
    name: 'Офтальмолог',
    selfBooking: true,
    doctors: [{ idDoc: '2601', idLpu: 101, name: 'Соловьёв Виктор Петрович', snils: '000-000-020 20', room: '119', registryOnly: true, hours: ['09:00', '12:00'] }],
  },
  gynaecologist: {
    idSpeciality: '216',
    ferIdSpeciality: '2',
    name: 'Акушер-гинеколог',
    selfBooking: true,
    doctors: [
      { idDoc: '2701', idLpu: 101, name: 'Белоусова Ольга Игоревна', snils: '000-000-021 21', room: '114', sexOnly: 'F', hours: ['09:00', '13:00'] },
      { idDoc: '2702', idLpu: 101, name: 'Романова Алла Сергеевна', snils: '000-000-022 22', room: '116', sexOnly: 'F', hours: ['14:00', '18:00'] },
    ],
  },
};

export interface N3Referral {
  number: string;
  /** The surname as written on the referral. */
  surname: string;
  patient: string;
  idLpu: number;
  speciality: keyof typeof SPECIALITIES;
}

export const N3_REFERRALS: readonly N3Referral[] = [
  { number: '4700000012345', surname: 'Петров', patient: 'N1', idLpu: 102, speciality: 'cardio' },
  { number: '4700000012346', surname: 'Петров', patient: 'N1', idLpu: 101, speciality: 'neuro' },
  { number: '4700000012347', surname: 'Петров', patient: 'N1', idLpu: 101, speciality: 'gyn' },
  { number: '4700000012348', surname: 'Петров', patient: 'N1', idLpu: 101, speciality: 'therapist' },
  // A second referral N1 can book in the same visit («Записаться ещё»).
  { number: '4700000012349', surname: 'Петров', patient: 'N1', idLpu: 102, speciality: 'endo' },
  { number: '4700000022345', surname: 'Смирнова', patient: 'N2', idLpu: 102, speciality: 'cardio' },
  { number: '4700000042345', surname: 'Соколова', patient: 'N4', idLpu: 101, speciality: 'allergo' },
  { number: '4700000052345', surname: 'Зайцева', patient: 'N5', idLpu: 102, speciality: 'cardio' },
];

/**
 * Bookings that exist at start: N1 already sees the neurologist (→ 35 on referral …346) and the
 * surgeon Волков (self-booked; the booking to move to another time).
 */
export const SEED_BOOKINGS: readonly { patient: string; idDoc: string; daysAhead: number; time: string }[] = [
  { patient: 'N1', idDoc: '3107', daysAhead: 3, time: '09:00' },
  { patient: 'N1', idDoc: '2501', daysAhead: 5, time: '10:00' },
  // N5's cardiologist: the reason a second cardiology booking (referral …052345) gets 35.
  { patient: 'N5', idDoc: '5522', daysAhead: 4, time: '13:00' },
];

/** SetWaitingList's reasons (ClaimToWaitingListType, WSDL literals). */
export const WAITING_LIST_CLAIMS = ['отсутствуют_свободные_талоны', 'нет_удобного_времени', 'отсутствует_специалист'] as const;

/** §4.2 of n3-hubservice.md: the texts as sent. */
export const ERROR_TEXTS: Record<number, string> = {
  4: 'Получен не полный набор данных.',
  20: 'Пациент с заданными параметрами не найден',
  21: 'Данные пациента не являются уникальными',
  22: 'Несоответствие записи акта гражданского состояния',
  33: 'Врач не соответствует профилю пациента',
  34: 'Запись запрещена (только с 1 года)',
  35: 'Пациент имеет предстоящую запись к данному врачу/врачу этой специальности',
  36: 'Пациент не имеет прикрепления к данному врачебному участку',
  38: 'Указан недопустимый идентификатор талона на запись',
  39: 'Талон к врачу занят/заблокирован',
  41: 'Отсутствует информация о врачебных участках по пациенту',
  75: 'Талон с указанным номером не существует или уже отменен',
  99: 'Непредвиденная ошибка',
};
