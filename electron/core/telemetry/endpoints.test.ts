// The issue-20 endpoints have labels of their own; a path the client does not know stays "other".
import { describe, expect, it } from 'vitest';
import { ENDPOINT_LABELS, endpointLabel } from './endpoints';

const G = '3c1e7b2a-0000-4000-8000-000000000001';

describe('MIS endpoint labels', () => {
  it.each([
    ['GET', '/api/v2/selfbooking/specialities', 'self_booking_specialities'],
    ['GET', `/lpu/${G}/speciality/76/schedule/2026-11-26/2026-12-09`, 'speciality_schedule'],
    ['GET', `lpu/${G}/doctor/${G}/schedule/2026-11-26/2026-12-09`, 'doctor_schedule'],
    ['POST', `/api/v2/visit/${G}`, 'book_slot'],
    ['POST', `/api/v2/waitinglist/${G}`, 'waiting_list'],
    ['POST', `/api/v2/directions/visit/${G}`, 'book'],
    ['GET', `/api/v2/visit/${G}`, 'other'],
  ])('%s %s → %s', (method, path, label) => {
    expect(endpointLabel(method, path)).toBe(label);
    expect(ENDPOINT_LABELS).toContain(label);
  });
});
