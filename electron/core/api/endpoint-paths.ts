// Where the PROPOSED SoftRust endpoints live. Kept apart from the HTTP client so the config
// schema can name the defaults without pulling axios in.
import { pathSegment } from './path-segment';

/**
 * Paths of the PROPOSED endpoints (api.endpoints): `{name}` placeholders are filled with
 * checked path segments (misPath rules), so an integrator maps an endpoint to what their MIS
 * really has without a code change.
 */
export interface EndpointPaths {
  referrals: string;
  referral: string;
  referralClinics: string;
  referralSchedule: string;
  visits: string;
  cancel: string;
  /** The patient's clinics with the specialities each opens to self-booking (issue 20). */
  selfBookingSpecialities: string;
  /** A waiting-list request with the patient's token (the vendor's own needs a clinic token). */
  waitingList: string;
}

export const PROPOSED_PATHS: EndpointPaths = {
  referrals: '/api/v2/directions',
  referral: '/api/v2/directions/{directionGuid}',
  referralClinics: '/api/v2/directions/{directionGuid}/lpu',
  referralSchedule: '/api/v2/directions/{directionGuid}/schedule',
  visits: '/visit',
  cancel: '/visit/{lpuGuid}/{ticketGuid}',
  selfBookingSpecialities: '/api/v2/selfbooking/specialities',
  waitingList: '/api/v2/waitinglist/{lpuGuid}',
};

/** Placeholders each path may use; anything else is a config error (see config/schema.ts). */
export const PATH_PLACEHOLDERS: Record<keyof EndpointPaths, readonly string[]> = {
  referrals: [],
  referral: ['directionGuid'],
  referralClinics: ['directionGuid'],
  referralSchedule: ['directionGuid'],
  visits: [],
  cancel: ['lpuGuid', 'ticketGuid'],
  selfBookingSpecialities: [],
  waitingList: ['lpuGuid'],
};

/** Fills `{name}` placeholders with checked, encoded path segments. */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (_m, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`path ${template}: no value for {${name}}`);
    return pathSegment(v);
  });
}

