// Bookings and prints are counted from the audit trail the kiosk service already writes, so the
// metrics and the clinic's audit log can never disagree and the service needs no second hook.
import type { Logger } from '../ports';
import type { MetricsSink } from './sink';

export function countingLogger(log: Logger, metrics: Pick<MetricsSink, 'audit'>): Logger {
  return {
    info: (e, d) => log.info(e, d),
    warn: (e, d) => log.warn(e, d),
    error: (e, d) => log.error(e, d),
    audit(event, data) {
      log.audit(event, data);
      metrics.audit(event, data);
    },
  };
}
