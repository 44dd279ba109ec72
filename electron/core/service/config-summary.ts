// What the service screen shows of the configuration. Built from an allow-list of fields, never
// by copying the config and deleting secrets: a secret field added later (a token, a password in
// a URL) stays off the screen until someone decides to show it. The PIN hash, the metrics bearer
// token, the N3 client token and the client application GUID are named as set or not, not shown.
// Labels and worded values are catalogue messages: the screen puts them in its language.
import { msg, type Msg } from '../../common/i18n/catalog';
import type { KioskConfig } from '../config/schema';
import type { ConfigOrigin } from '../fleet-config/boot';
import { clinicDateTimeNumeric } from '../../common/clinic-time';

export interface SummaryItem {
  label: Msg;
  /** As configured (an id, an address, a number), or a message the screen words. */
  value: string | Msg;
}

/** An address without user:password, query or fragment (a token may ride in any of them). */
export function safeUrl(raw: string | undefined): string | Msg {
  if (!raw) return msg('value.notSet');
  if (!URL.canParse(raw)) return msg('value.badUrl');
  const u = new URL(raw);
  return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
}

const onOff = (b: boolean): Msg => msg(b ? 'value.yes' : 'value.no');
const isSet = (v: unknown): Msg => msg(v ? 'value.set' : 'value.notSet');

function printerLine(c: KioskConfig): Msg {
  const p = c.printer;
  if (!p.enabled) return msg('value.off');
  const t = p.transport;
  if (t.type === 'tcp') return msg('value.printerNet', { profile: p.profile, host: t.host, port: t.port });
  if (t.type === 'device') return msg('value.printerDevice', { profile: p.profile, path: t.path });
  return msg('value.printerOs', { profile: p.profile, name: t.deviceName });
}

/** Which configuration runs and where it came from (the local file, or the server's version). */
function originLine(o: ConfigOrigin, timeZone: string): Msg {
  if (o.source === 'local') return msg('value.configLocal', { version: o.version });
  if (o.trial || !o.appliedAt) return msg('value.configTrial', { version: o.version });
  return msg('value.configCentral', { version: o.version, at: clinicDateTimeNumeric(o.appliedAt, timeZone) });
}

export function configSummary(c: KioskConfig, version: string, origin?: ConfigOrigin): SummaryItem[] {
  const item = (label: Msg, value: string | Msg): SummaryItem => ({ label, value });
  const updatesUrl = safeUrl(c.updates.url);
  const fleetUrl = safeUrl(c.fleet.url);
  const items: SummaryItem[] = [
    item(msg('config.version'), version),
    item(msg('config.kioskId'), c.kioskId),
    ...(origin ? [item(msg('config.origin'), originLine(origin, c.timeZone))] : []),
    item(
      msg('config.fleet'),
      c.fleet.url && typeof fleetUrl === 'string' ? msg('value.fleet', { url: fleetUrl, clinic: c.fleet.clinic ?? '' }) : c.fleet.url ? fleetUrl : msg('value.off'),
    ),
    item(msg('config.demo'), onOff(c.demo)),
    item(msg('config.mis'), msg(c.api.kind === 'n3' ? 'value.misKind.n3' : 'value.misKind.softrust')),
    item(msg('config.misUrl'), safeUrl(c.api.baseUrl)),
    item(msg('config.clientApp'), isSet(c.api.clientApplication)),
    item(msg('config.timeout'), msg('service.ms', { ms: c.api.timeoutMs })),
  ];
  if (c.api.n3) items.push(item(msg('config.n3Lpu'), String(c.api.n3.idLpu)), item(msg('config.n3Token'), isSet(c.api.n3.guid)));
  items.push(
    item(msg('config.timeZone'), c.timeZone),
    item(msg('config.language'), c.language),
    item(msg('config.clinics'), c.clinics.length ? String(c.clinics.length) : msg('value.allClinics')),
    item(msg('config.printer'), printerLine(c)),
    item(msg('config.reprints'), String(c.printer.reprintLimit)),
    item(msg('config.scanner'), msg(`value.scanner.${c.scanner.type}`)),
    item(msg('config.orientation'), c.screen.orientation),
    item(msg('config.idle'), msg('value.idle', { idle: c.idle.seconds, countdown: c.idle.countdownSeconds })),
    item(
      msg('config.metrics'),
      c.telemetry.metricsPort === undefined
        ? msg('value.off')
        : msg('value.metrics', { where: `${c.telemetry.metricsHost}:${c.telemetry.metricsPort}`, token: Boolean(c.telemetry.bearerToken) }),
    ),
    item(
      msg('config.updates'),
      c.updates.url && typeof updatesUrl === 'string' ? msg('value.updates', { url: updatesUrl, channel: c.updates.channel }) : c.updates.url ? updatesUrl : msg('value.off'),
    ),
    item(msg('config.retention'), msg('value.days', { days: c.retentionDays })),
    item(msg('config.pin'), isSet(c.service.pinHash)),
    item(msg('config.serviceIdle'), msg('value.seconds', { s: c.service.idleSeconds })),
  );
  return items;
}
