// How often the screen asks the kiosk's own core while nobody touches it (local calls, no MIS).
// The update installer must see through this traffic (electron/compose/patient-idle.test.ts).

/** Welcome re-reads the main process's last health check. */
export const HEALTH_POLL_MS = 2000;
/** Welcome and Identify ask for a scan. */
export const SCAN_POLL_MS = 300;
