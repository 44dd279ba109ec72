// The last lines the kiosk logged, kept in memory for the service screen: a technician at the
// kiosk reads what just happened without a keyboard or a file manager. The lines go through the
// same redaction as the log files (policy numbers masked, tokens dropped), so the screen shows
// nothing the files would not.
import type { Logger } from '../ports';
import type { LogLevel } from './file-logger';
import { redact, redactString } from './redact';

export interface TailLogger extends Logger {
  /** Oldest first, at most the configured number of lines. */
  tail(): string[];
}

export function tailLogger(log: Logger, opts: { size?: number; now?: () => Date } = {}): TailLogger {
  const size = opts.size ?? 100;
  const now = opts.now ?? (() => new Date());
  const lines: string[] = [];
  const keep = (level: LogLevel, event: string, data?: Record<string, unknown>): void => {
    let detail = '';
    if (data !== undefined && Object.keys(data).length > 0) {
      try {
        detail = ` ${JSON.stringify(redact(data))}`;
      } catch {
        detail = ' {…}';
      }
    }
    lines.push(`${now().toISOString()} ${level.toUpperCase()} ${redactString(String(event))}${detail}`.slice(0, 2000));
    if (lines.length > size) lines.splice(0, lines.length - size);
  };
  return {
    info: (e, d) => (keep('info', e, d), log.info(e, d)),
    warn: (e, d) => (keep('warn', e, d), log.warn(e, d)),
    error: (e, d) => (keep('error', e, d), log.error(e, d)),
    audit: (e, d) => (keep('audit', e, d), log.audit(e, d)),
    tail: () => [...lines],
  };
}
