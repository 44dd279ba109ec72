import { useFlow } from './context';

/** The clinic's IANA zone; every time on screen is shown in it, never in the OS zone. */
export function useTimeZone(): string {
  const tz = useFlow((s) => s.info?.timeZone);
  if (!tz) throw new Error('kioskInfo is not loaded');
  return tz;
}
