// The kiosk's use cases, one per bridge method. Plain TypeScript over the MIS client, the
// patient session and the slip printer; no Electron, no transport.
import type { KioskInfo, PrintResult } from '../../common/bridge-contract';
import { clinicYmd } from '../../common/clinic-time';
import { maskPolicy } from '../../common/mask';
import { REFERRAL_STATUSES, SCHEDULE_DAYS, addDays } from '../../common/rules';
import type { MisClient } from '../api/mis-client';
import type { BridgeImpl } from '../bridge/dispatcher';
import { PrinterUnavailableError } from '../bridge/printer-unavailable-error';
import type { KioskConfig } from '../config/schema';
import type { Logger, SlipPrinter } from '../ports';
import type { PatientSession } from '../session/patient-session';
import { reportRendererError } from './report-error';
import { toClinic, toReferral, toResource, toTicket } from './view-models';

export interface KioskServiceDeps {
  config: KioskConfig;
  client: MisClient;
  session: PatientSession;
  log: Logger;
  slipPrinter: SlipPrinter | null;
  now?: () => Date;
}

export function createKioskService(deps: KioskServiceDeps): BridgeImpl {
  const { config, client, session, log } = deps;
  const now = deps.now ?? (() => new Date());
  const tz = config.timeZone;
  const today = () => clinicYmd(now().toISOString(), tz);
  const served = (lpuGuid: string) => config.clinics.length === 0 || config.clinics.includes(lpuGuid);

  return {
    async kioskInfo(): Promise<KioskInfo> {
      return {
        kioskId: config.kioskId,
        demo: config.demo,
        timeZone: tz,
        idleSeconds: config.idle.seconds,
        countdownSeconds: config.idle.countdownSeconds,
        orientation: config.screen.orientation,
        language: config.language,
        printerEnabled: config.printer.enabled && deps.slipPrinter !== null,
        reprintLimit: config.printer.reprintLimit,
      };
    },

    async identify({ policy, birthDate }) {
      await session.identify({ policy, birthDate });
      return { policyMasked: maskPolicy(policy) };
    },

    async listReferrals() {
      const list = await session.withToken((t) => client.listDirections(t, [...REFERRAL_STATUSES]));
      const day = today();
      return list
        .map((d) => toReferral(d, day, tz))
        .sort((a, b) => Number(b.bookable) - Number(a.bookable));
    },

    async listClinics({ referralGuid }) {
      const lpus = await session.withToken((t) => client.listDirectionLpus(t, referralGuid));
      return lpus.filter((l) => served(l.guid)).map(toClinic);
    },

    async listSchedule({ referralGuid, lpuGuid }) {
      const from = today();
      const rows = await session.withToken((t) =>
        client.getDirectionSchedule(t, referralGuid, { lpuGuid, dateFrom: from, dateTo: addDays(from, SCHEDULE_DAYS - 1) }),
      );
      const nowMs = now().getTime();
      return rows
        .filter((r) => r.lpu.guid === lpuGuid)
        .flatMap((r) => r.resources.map((res) => toResource(res, nowMs)));
    },

    async book({ referralGuid, lpuGuid, resourceGuid, date, time }) {
      const t = await session.withToken((token) =>
        client.bookByDirection(token, { date, time, directionGuid: referralGuid, lpuGuid, resourceGuid }),
      );
      session.tickets.set(t.ticketGuid, t);
      // The audit trail is for staff: which cell, which kiosk; no patient data.
      log.audit('booking.created', { ticketGuid: t.ticketGuid, lpuGuid, resourceGuid, date, time, kioskId: config.kioskId });
      return toTicket(t);
    },

    async listAppointments() {
      const list = await session.withToken((t) => client.listVisits(t, { dateFrom: today() }));
      return list.map(toTicket).sort((a, b) => a.beginTime.localeCompare(b.beginTime));
    },

    async cancelAppointment({ lpuGuid, ticketGuid }) {
      const message = await session.withToken((t) => client.cancelVisit(t, lpuGuid, ticketGuid));
      log.audit('booking.cancelled', { ticketGuid, lpuGuid, kioskId: config.kioskId });
      return { message };
    },

    async printTicket({ ticketGuid, again }): Promise<PrintResult> {
      const reprint = again;
      const limit = config.printer.reprintLimit;
      const used = session.reprints.get(ticketGuid) ?? 0;
      if (!deps.slipPrinter || !config.printer.enabled) {
        return { jobId: null, state: 'disabled', message: 'Печать талонов на этом инфомате отключена. Запишите, пожалуйста, номер талона.', reprintsLeft: 0, canPrintAgain: false };
      }
      const ticket = session.tickets.get(ticketGuid);
      if (!ticket) throw new PrinterUnavailableError('Талон для печати не найден. Обратитесь, пожалуйста, в регистратуру.');
      if (reprint && used >= limit) throw new PrinterUnavailableError('Талон уже напечатан повторно. Обратитесь, пожалуйста, в регистратуру.');
      session.touch();
      const outcome = await deps.slipPrinter.printSlip({
        ticket: toTicket(ticket),
        kioskId: config.kioskId,
        printedAt: now().toISOString(),
        timeZone: tz,
        reprint,
      });
      if (reprint && outcome.ok) session.reprints.set(ticketGuid, used + 1);
      const left = limit - (session.reprints.get(ticketGuid) ?? 0);
      log.audit(outcome.ok ? 'print.done' : 'print.failed', { jobId: outcome.jobId, ticketGuid, reprint, kioskId: config.kioskId });
      return {
        jobId: outcome.jobId,
        state: outcome.ok ? 'printed' : 'failed',
        message: outcome.ok ? null : outcome.message,
        reprintsLeft: Math.max(0, left),
        canPrintAgain: left > 0,
      };
    },

    async endSession() {
      session.end('patient');
      return null;
    },

    reportError: reportRendererError(log),
  };
}
