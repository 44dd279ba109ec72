// The fixed label set of MIS endpoints. A label made from the raw path would carry patients'
// referral and ticket GUIDs into the time series database (and one series per GUID), so a path
// is matched against the endpoints the client knows and anything else is "other".
const GUIDISH = '[^/?]+';

const ENDPOINTS: ReadonlyArray<readonly [method: string, pattern: RegExp, label: string]> = [
  ['GET', /^\/?auth\/cod\/token$/, 'token'],
  ['GET', /^\/?api\/v2\/directions$/, 'directions'],
  ['GET', new RegExp(`^/?api/v2/directions/${GUIDISH}/lpu$`), 'direction_lpus'],
  ['GET', new RegExp(`^/?api/v2/directions/${GUIDISH}/schedule$`), 'direction_schedule'],
  ['POST', new RegExp(`^/?api/v2/directions/visit/${GUIDISH}$`), 'book'],
  ['GET', new RegExp(`^/?api/v2/directions/${GUIDISH}$`), 'direction'],
  ['GET', /^\/?visit$/, 'visits'],
  ['DELETE', new RegExp(`^/?visit/${GUIDISH}/${GUIDISH}$`), 'cancel'],
  ['GET', new RegExp(`^/?api/v2/settings/clientApplication/${GUIDISH}$`), 'client_application'],
  ['GET', /^\/?api\/v2\/selfbooking\/specialities$/, 'self_booking_specialities'],
  ['GET', new RegExp(`^/?lpu/${GUIDISH}/speciality/${GUIDISH}/schedule/${GUIDISH}/${GUIDISH}$`), 'speciality_schedule'],
  ['GET', new RegExp(`^/?lpu/${GUIDISH}/doctor/${GUIDISH}/schedule/${GUIDISH}/${GUIDISH}$`), 'doctor_schedule'],
  ['POST', new RegExp(`^/?api/v2/visit/${GUIDISH}$`), 'book_slot'],
  ['POST', new RegExp(`^/?api/v2/waitinglist/${GUIDISH}$`), 'waiting_list'],
];

export const ENDPOINT_LABELS = [...ENDPOINTS.map(([, , l]) => l), 'other'] as const;

export function endpointLabel(method: string, path: string): string {
  const bare = path.split('?')[0] ?? '';
  for (const [m, re, label] of ENDPOINTS) if (m === method && re.test(bare)) return label;
  return 'other';
}
