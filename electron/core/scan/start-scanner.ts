// Starts the configured scanner's input. `keyboard` needs nothing here: the renderer reads the
// wedge's keys and sends the digits through the bridge (`scanKeys`).
import type { ScannerConfig } from '../config/scanner-schema';
import type { Logger } from '../ports';
import { loadSerialAccess } from './serial-access';
import type { ScanInbox } from './scan-inbox';
import { startSerialScanner, type SerialAccess } from './serial-scanner';

export interface RunningScanner {
  close(): Promise<void>;
}

const NOTHING: RunningScanner = { close: async () => undefined };

export async function startScanner(
  cfg: ScannerConfig,
  deps: { inbox: ScanInbox; log: Logger; serialAccess?: SerialAccess },
): Promise<RunningScanner> {
  if (cfg.type !== 'serial') return NOTHING;
  let access = deps.serialAccess;
  if (!access) {
    try {
      access = await loadSerialAccess();
    } catch (err) {
      deps.log.error('scanner.driver_missing', { reason: err instanceof Error ? err.message : String(err) });
      return NOTHING;
    }
  }
  return startSerialScanner(cfg, { access, log: deps.log, onFrame: (frame) => deps.inbox.push(frame, 'serial') });
}
