// Simulator-only endpoints under /__sim/. The kiosk cannot add test headers to its own calls,
// so every header hook also has a persistent, counted variant set from outside.
import { SimError } from './errors';
import { bodyString, jsonBody, ok, type Ctx, type Reply } from './http-util';
import { takeCell } from './booking';
import type { Clock } from './clock';
import { toClinicIso } from './clock';
import type { SimState } from './state';

function optionalBody(ctx: Ctx): Map<string, unknown> {
  return ctx.rawBody.trim() ? jsonBody(ctx) : new Map();
}

function times(body: Map<string, unknown>): number {
  const t = Number(body.get('times') ?? 1);
  if (!Number.isInteger(t) || t < 1) throw new SimError('4000');
  return t;
}

function rulePath(body: Map<string, unknown>): string | null {
  const p = bodyString(body, 'path');
  return p ? p.replace(/\/{2,}/g, '/') : null;
}

export function handleHook(ctx: Ctx, name: string, state: SimState, clock: Clock): Reply {
  if (ctx.method === 'GET' && name === 'now') return ok({ now: toClinicIso(clock.now()) });
  if (ctx.method === 'GET' && name === 'waitinglist') {
    return ok(state.waitingList.map((w) => ({ ...w, createdAt: toClinicIso(w.createdAt) })));
  }
  if (ctx.method === 'GET' && name === 'tickets') {
    // Every ticket the simulator holds, cancelled ones too: what the MIS holds, for a test's
    // ledger (the soak reads it after each session). Guids and times only, no personal data.
    return ok(
      [...state.tickets.values()].map((t) => ({
        ticketGuid: t.ticketGuid,
        personGuid: t.personGuid,
        lpuGuid: t.lpuGuid,
        resourceGuid: t.resourceGuid,
        date: t.cell.date,
        time: t.cell.time,
        num: t.num,
        status: t.status,
        directionGuid: t.directionGuid,
        source: t.sourceName,
        createdAt: toClinicIso(t.createdAt),
      })),
    );
  }
  if (ctx.method !== 'POST') throw new SimError('4000');
  const body = optionalBody(ctx);
  switch (name) {
    case 'reset': {
      const now = bodyString(body, 'now');
      if (now) setClock(clock, now);
      else clock.restart();
      state.reset();
      return ok({ ok: true, now: toClinicIso(clock.now()) });
    }
    case 'now': {
      const now = bodyString(body, 'now');
      if (!now) throw new SimError('4000');
      setClock(clock, now);
      return ok({ ok: true, now: toClinicIso(clock.now()) });
    }
    case 'fail': {
      const code = bodyString(body, 'code');
      if (!code) throw new SimError('4000');
      const method = bodyString(body, 'method')?.toUpperCase() ?? null;
      state.failRules.push({ code, path: rulePath(body), method, times: times(body) });
      return ok({ ok: true, pending: state.failRules.length });
    }
    case 'delay': {
      const ms = Number(body.get('ms'));
      if (!Number.isFinite(ms) || ms < 0) throw new SimError('4000');
      const method = bodyString(body, 'method')?.toUpperCase() ?? null;
      state.delayRules.push({ ms, path: rulePath(body), method, times: times(body) });
      return ok({ ok: true, pending: state.delayRules.length });
    }
    case 'clear-hooks':
      state.failRules = [];
      state.delayRules = [];
      state.cancelBan = false;
      return ok({ ok: true });
    case 'expire-tokens':
      return ok({ ok: true, expired: state.expireAllTokens() });
    case 'take': {
      const resourceGuid = bodyString(body, 'resourceGuid');
      const date = bodyString(body, 'date')?.slice(0, 10);
      const time = bodyString(body, 'time');
      if (!resourceGuid || !date || !time) throw new SimError('4000');
      const timeTableGuid = takeCell(resourceGuid, date, time, state);
      if (!timeTableGuid) throw new SimError('4035');
      return ok({ ok: true, timeTableGuid });
    }
    case 'unavailable': {
      // Closes a resource's day with a message (a doctor's sick leave): its cells answer
      // UnavailableWithMessage in every schedule method.
      const resourceGuid = bodyString(body, 'resourceGuid');
      const date = bodyString(body, 'date')?.slice(0, 10);
      const message = bodyString(body, 'message') ?? 'Приём отменён';
      if (!resourceGuid || !date) throw new SimError('4000');
      state.unavailableDays.set(`${resourceGuid.toLowerCase()}|${date}`, message);
      return ok({ ok: true });
    }
    case 'casing': {
      const c = bodyString(body, 'casing')?.toLowerCase();
      if (c !== 'pascal' && c !== 'camel') throw new SimError('4000');
      state.pascalCase = c === 'pascal';
      return ok({ ok: true, casing: c });
    }
    case 'cancel-ban': {
      const on = body.get('on');
      state.cancelBan = on === undefined ? true : on === true || on === 'true' || on === 1;
      return ok({ ok: true, cancelBan: state.cancelBan });
    }
    default:
      return { status: 404, body: { code: 404, message: `Нет такого хука: ${name}`, message_code: '404', type: 'Error' } };
  }
}

function setClock(clock: Clock, iso: string): void {
  try {
    clock.set(iso);
  } catch {
    throw new SimError('4000');
  }
}
