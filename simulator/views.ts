// Response shapes. LpuWithStatus and TicketVisitWithLpu follow the seed document's example
// field by field (with its blanked Russian strings filled in); Direction and the schedule
// shapes are the PROPOSED ones of directions.md / schedule.md R2.
import { addDays, clinicInstant, toClinicIso, ymdToClinicIso } from './clock';
import { cellsOf, rightsNames, type Cell } from './schedule';
import { BUSY_TYPE, CLINICS, RESOURCES, type ClientApp, type Clinic, type Resource } from './seed-data';
import { clinicByGuid, resourceByGuid, type ReferralRecord, type SimState, type TicketRecord } from './state';

function rating(avg: number, votes: number, shift: number) {
  // Five-star histogram roughly consistent with the average; only has to look plausible.
  const d1 = Math.round(votes * Math.min(0.9, Math.max(0.3, (avg - 3) / 2 - shift / 10)));
  const rest = votes - d1;
  const d2 = Math.round(rest * 0.55);
  const d3 = Math.round(rest * 0.3);
  const d4 = Math.round(rest * 0.1);
  const d5 = rest - d2 - d3 - d4;
  const summa = d1 * 5 + d2 * 4 + d3 * 3 + d4 * 2 + d5;
  return {
    avg: Math.round((summa / votes) * 100) / 100,
    vote_count: votes,
    summa,
    detail_1: d1,
    detail_2: d2,
    detail_3: d3,
    detail_4: d4,
    detail_5: d5,
  };
}

export function lpuWithStatus(clinic: Clinic, state: SimState) {
  const today = state.today();
  return {
    status: clinic.online
      ? { name: 'Online', lastChangeTime: `${today}T07:58:12+03:00`, ping: 9, message: null }
      : {
          name: 'Offline',
          lastChangeTime: `${addDays(today, -1)}T16:42:05+03:00`,
          ping: 0,
          message: clinic.statusMessage,
        },
    guid: clinic.guid,
    name: clinic.name,
    ferName: clinic.ferName,
    address: clinic.address,
    type: ['lpu'],
    phone: clinic.phone,
    mcod: clinic.mcod,
    fullName: clinic.fullName,
    fcod: clinic.fcod,
    stLpu: true,
    hostID: clinic.hostID,
    isChildrenPoliclinic: clinic.isChildrenPoliclinic,
    isCallDoctor: clinic.key === 'LPU1',
    isWaitingList: true,
    isDisp: true,
    isActive: true,
    haveSchedule: clinic.online,
    parent: { guid: clinic.guid, name: clinic.fullName },
    postIndex: clinic.addressDetail.postcode,
    ratings: {
      mcod: clinic.mcod.padEnd(10, ' '),
      avg: clinic.ratingAvg,
      item: {
        queue: rating(clinic.ratingAvg, 214 + clinic.hostID, 2),
        result: rating(clinic.ratingAvg, 214 + clinic.hostID, 0),
        attitude: rating(clinic.ratingAvg, 214 + clinic.hostID, -1),
        cleanliness: rating(clinic.ratingAvg, 214 + clinic.hostID, 1),
      },
    },
    addressDetail: { ...clinic.addressDetail },
    worktimes: { ...clinic.worktimes },
    cityId: clinic.cityId,
    inn: clinic.inn,
    kpp: clinic.kpp,
    ogrn: clinic.ogrn,
    okato: clinic.okato,
    management: clinic.management,
    photo: `${clinic.site}/images/building.jpg`,
    site: clinic.site,
    email: clinic.email,
    gps: clinic.gps,
  };
}

/** «Петров П.П.»; rooms and equipment keep their own name. */
export function shortFio(resource: Resource): string {
  if (resource.resType !== 'Doctor') return resource.name;
  const [last, first, middle] = resource.name.split(' ');
  return `${last} ${first ? `${first[0]}.` : ''}${middle ? `${middle[0]}.` : ''}`;
}

export function ticketView(ticket: TicketRecord, state: SimState) {
  const clinic = clinicByGuid(ticket.lpuGuid)!;
  const resource = resourceByGuid(ticket.resourceGuid)!;
  return {
    lpu: lpuWithStatus(clinic, state),
    num: ticket.num,
    room: resource.room,
    flat: resource.flat,
    busyType: { ...BUSY_TYPE },
    ticketGuid: ticket.ticketGuid,
    timeTableGuid: ticket.cell.timeTableGuid,
    docFio: shortFio(resource),
    docGuid: resource.guid,
    resType: resource.resType,
    doctorRole: resource.doctorRole,
    speciality: resource.speciality,
    beginTime: `${ticket.cell.date}T${ticket.cell.time}:00+03:00`,
    endTime: `${ticket.cell.date}T${ticket.cell.endTime}:00+03:00`,
    dateOfAppointment: toClinicIso(ticket.createdAt),
    source: ticket.sourceCode,
    login: ticket.login,
    sourceName: ticket.sourceName,
    history: ticket.history.map((h) => ({ ...h, client: { ...h.client }, date: toClinicIso(h.date) })),
  };
}

const lpuRef = (guid: string) => {
  const c = clinicByGuid(guid)!;
  return { lpuGuid: c.guid, name: c.fullName, mcod: c.mcod };
};

/** Clinics where a referral may be used: its lpuTo, or every clinic with a suitable resource. */
export function allowedClinics(ref: ReferralRecord): Clinic[] {
  if (ref.seed.lpuTo.length) return ref.seed.lpuTo.map((g) => clinicByGuid(g)!);
  return CLINICS.filter((c) =>
    RESOURCES.some((r) => r.lpuGuid === c.guid && r.speciality === ref.seed.targetSpeciality),
  );
}

export function resourcesFor(ref: ReferralRecord, clinic: Clinic): Resource[] {
  return RESOURCES.filter((r) => r.lpuGuid === clinic.guid && r.speciality === ref.seed.targetSpeciality);
}

/** The app's rights mask for booking this referral in this clinic. */
export function referralAccess(ref: ReferralRecord, clinicGuid: string, app: ClientApp): number {
  return clinicGuid.toLowerCase() === ref.seed.lpuFrom.toLowerCase()
    ? app.access.VisitDirection
    : app.access.VisitDirectionOtherLpu;
}

function hasFreeCell(ref: ReferralRecord, app: ClientApp, state: SimState): boolean {
  const last = state.lastDay(app);
  for (const clinic of allowedClinics(ref)) {
    if (!clinic.online) continue;
    const access = referralAccess(ref, clinic.guid, app);
    for (const res of resourcesFor(ref, clinic)) {
      for (let d = state.today(); d <= last; d = addDays(d, 1)) {
        if (cellsOf(res, d).some((c) => state.cellStatus(c, access).status === 'Available')) return true;
      }
    }
  }
  return false;
}

export function directionView(ref: ReferralRecord, app: ClientApp, state: SimState) {
  const status = state.referralStatus(ref);
  const ticket = ref.ticketGuid ? state.tickets.get(ref.ticketGuid) : undefined;
  return {
    guid: ref.seed.guid,
    number: ref.seed.number,
    type: ref.seed.type,
    date: ymdToClinicIso(ref.date),
    dateEnd: ymdToClinicIso(ref.dateEnd),
    status,
    lpuFrom: lpuRef(ref.seed.lpuFrom),
    lpuTo: ref.seed.lpuTo.map(lpuRef),
    speciality: ref.seed.speciality ? { ...ref.seed.speciality } : null,
    service: ref.seed.service ? { ...ref.seed.service } : null,
    senderDoctorFio: ref.seed.senderDoctorFio,
    mkbCode: ref.seed.mkbCode,
    mkbName: ref.seed.mkbName,
    urgent: ref.seed.urgent,
    comment: ref.seed.comment,
    hasSchedule: status === 'Active' && hasFreeCell(ref, app, state),
    ticket: status === 'Booked' && ticket && ticket.status === 'Active' ? ticketView(ticket, state) : null,
  };
}

export function slotView(cell: Cell, status: string, bookingSource: string | null, message: string | null = null) {
  return {
    time: cell.time,
    beginTime: `${cell.date}T${cell.time}:00+03:00`,
    endTime: `${cell.date}T${cell.endTime}:00+03:00`,
    timeTableGuid: cell.timeTableGuid,
    busyType: { ...BUSY_TYPE },
    status,
    message,
    flagAccess: rightsNames(cell.rights),
    bookingSource,
    count: 1,
  };
}

export interface ScheduleQuery {
  from: string;
  to: string;
  onlyFree: boolean;
  restypes: string[] | null;
}

export function scheduleView(ref: ReferralRecord, clinic: Clinic, app: ClientApp, q: ScheduleQuery, state: SimState) {
  const access = referralAccess(ref, clinic.guid, app);
  // An offline clinic's schedule cannot be fetched at all; the kiosk sees it by the status.
  const resources = clinic.online
    ? resourcesFor(ref, clinic).filter((r) => !q.restypes || q.restypes.includes(r.resType.toLowerCase()))
    : [];
  return {
    lpu: lpuWithStatus(clinic, state),
    resources: resources.map((res) => {
      const days: { date: string; slots: ReturnType<typeof slotView>[] }[] = [];
      for (let d = q.from; d <= q.to; d = addDays(d, 1)) {
        const cells = cellsOf(res, d);
        // Non-working days are omitted; working days stay even when nothing is free, so the
        // kiosk has to do the "only days with free cells" filtering itself.
        if (!cells.length) continue;
        const slots = cells
          .map((c) => ({ c, s: state.cellStatus(c, access) }))
          .filter(({ s }) => !q.onlyFree || s.status === 'Available')
          .map(({ c, s }) => slotView(c, s.status, s.bookingSource, s.message ?? null));
        days.push({ date: d, slots });
      }
      return {
        resourceGuid: res.guid,
        resType: res.resType,
        docFio: res.name,
        doctorRole: res.doctorRole,
        speciality: res.speciality,
        room: res.room,
        flat: res.flat,
        days,
      };
    }),
  };
}

export function isFuture(ticket: TicketRecord, now: number): boolean {
  return clinicInstant(ticket.cell.date, ticket.cell.time) > now;
}
