// COD token issue (GET /auth/cod/token) and the token check every patient method runs first.
import { isYmd, toClinicIso } from './clock';
import { SimError } from './errors';
import { header, ok, q1, type Ctx, type Reply } from './http-util';
import { ALL_APPS_GUID, CLIENT_APPS, INFOMAT_APP_GUID, PERSONS, type Person } from './seed-data';
import { appByGuid, clinicByGuid, personByGuid, type SimState, type TokenRecord } from './state';

const digits = (s: string): string => s.replace(/\D/g, '');
const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** `Birthday` may arrive as a date or as a midnight DateTime; anything else is a bad request. */
function birthday(ctx: Ctx): string | undefined {
  const raw = q1(ctx, 'Birthday');
  if (!raw) return undefined;
  const ymd = raw.slice(0, 10);
  if (!isYmd(ymd)) throw new SimError('4000');
  return ymd;
}

/** Finds the person by one of the accepted data sets; an incomplete set is a 4000. */
function findPerson(ctx: Ctx): Person | undefined {
  const bd = birthday(ctx);
  if (/^true$/i.test(q1(ctx, 'epgu') ?? '')) {
    const snils = q1(ctx, 'snils');
    const f = q1(ctx, 'f');
    const n = q1(ctx, 'n');
    const p = q1(ctx, 'p');
    if (!snils || !f || !n || !p) throw new SimError('4000');
    return PERSONS.find(
      (x) =>
        digits(x.snils) === digits(snils) &&
        same(x.lastName, f) &&
        same(x.firstName, n) &&
        same(x.middleName, p) &&
        (!bd || x.birthday === bd),
    );
  }
  const nPol = q1(ctx, 'n_pol');
  if (nPol) {
    if (!bd) throw new SimError('4000');
    const sPol = q1(ctx, 's_pol') ?? '';
    return PERSONS.find(
      (x) => digits(x.nPol) === digits(nPol) && (!sPol || same(x.sPol, sPol)) && x.birthday === bd,
    );
  }
  const sDoc = q1(ctx, 's_doc');
  const nDoc = q1(ctx, 'n_doc');
  if (sDoc || nDoc) {
    if (!sDoc || !nDoc || !bd) throw new SimError('4000');
    return PERSONS.find((x) => digits(x.sDoc) === digits(sDoc) && digits(x.nDoc) === digits(nDoc) && x.birthday === bd);
  }
  const personGuid = q1(ctx, 'personguid');
  if (personGuid) return PERSONS.find((x) => same(x.guid, personGuid));
  const mkab = q1(ctx, 'mkab');
  if (mkab) return PERSONS.find((x) => x.mkabs.some((m) => same(m.guid, mkab)));
  throw new SimError('4000');
}

export function issueToken(ctx: Ctx, state: SimState, ttlSeconds: number): Reply {
  const appGuid = header(ctx, 'ClientApplication')?.trim() || INFOMAT_APP_GUID;
  const app = appGuid === ALL_APPS_GUID ? undefined : appByGuid(appGuid);
  if (!app) throw new SimError('4442', { clientApplicationGuid: appGuid });
  const person = findPerson(ctx);
  if (!person) throw new SimError('4002');
  if (!person.mkabs.length) throw new SimError('4001');
  if (person.mkabs.every((m) => m.closed)) throw new SimError('5096');
  const rec = state.issueToken(person.guid, app, ttlSeconds);
  return ok({
    token: rec.token,
    expiresIn: ttlSeconds,
    expires: toClinicIso(rec.expiresAt),
    personGuid: person.guid,
    mkabs: person.mkabs.map((m) => ({
      mkabGuid: m.guid,
      lpuGuid: m.lpuGuid,
      lpuName: clinicByGuid(m.lpuGuid)?.fullName ?? '',
      num: m.num,
      isClosed: m.closed,
    })),
  });
}

export interface Session {
  token: TokenRecord;
  person: Person;
}

/** 5010 → 5009 → 5008 → 5007, the order of the booking method's table. */
export function authenticate(ctx: Ctx, state: SimState): Session {
  const auth = header(ctx, 'Authorization') ?? '';
  const m = /^\s*Bearer\s+(\S+)\s*$/i.exec(auth);
  if (!m) throw new SimError('5010');
  if (header(ctx, 'X-Sim-Bad-Signature') === '1') throw new SimError('5009');
  const rec = state.tokens.get(m[1]!);
  if (!rec) throw new SimError('5008');
  if (rec.forcedExpired || state.now() >= rec.expiresAt) throw new SimError('5007');
  const person = personByGuid(rec.personGuid);
  if (!person) throw new SimError('5008');
  return { token: rec, person };
}

/** Best-effort session for filling 4008 placeholders of a forced failure. */
export function trySession(ctx: Ctx, state: SimState): Session | undefined {
  try {
    return authenticate(ctx, state);
  } catch {
    return undefined;
  }
}

export function clientApplications(appGuid: string): Reply {
  const apps = appGuid === ALL_APPS_GUID ? CLIENT_APPS : CLIENT_APPS.filter((a) => same(a.guid, appGuid));
  if (!apps.length) throw new SimError('4442', { clientApplicationGuid: appGuid });
  return ok(
    apps.flatMap((a) =>
      (['VisitDoctor', 'VisitDirection', 'VisitDirectionOtherLpu'] as const).map((fn) => ({
        clientApplicationName: a.name,
        clientApplicationGuid: a.guid,
        function: fn,
        access: a.access[fn],
        scheduleDays: a.scheduleDays,
      })),
    ),
  );
}
