// What only the shell can do to the kiosk process: start it again, or leave it for the OS
// desktop. Electron relaunches itself (app.relaunch); the browser host exits for its
// supervisor. The core asks through this port and never knows which.
import type { Logger } from '../ports';

export interface KioskLifecycle {
  restart(): void;
  quit(): void;
}

/** For a host that gave none: the technician's tap is logged, nothing happens. */
export function unavailableLifecycle(log: Logger): KioskLifecycle {
  return {
    restart: () => log.warn('service.restart_unavailable', { reason: 'this host passed no lifecycle' }),
    quit: () => log.warn('service.quit_unavailable', { reason: 'this host passed no lifecycle' }),
  };
}
