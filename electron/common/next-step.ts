// What the kiosk does after an error: one decision table for every screen, so that the same
// server code always leads the patient to the same next step.
import type { BridgeError } from './bridge-contract';

export type NextStep =
  | 'pickTime' // 4009: the cell was taken; back to Time with fresh cells
  | 'showExisting' // 4008: the patient already has such a booking; show it (also failed cancellations)
  | 'registry' // 4007, 4001, 5096: card problems and self-booking bans; go to the registry and end
  | 'referrals' // 4029, 4031, 4033, 4034: this referral cannot be used; pick another
  | 'identify' // wrong or unknown patient data, or a token we could not heal
  | 'retry' // 5097, 5000, network, protocol: try the same thing again
  | 'startOver'; // the session is gone

const byCode: Record<string, NextStep> = {
  '4009': 'pickTime',
  '4035': 'pickTime',
  '4008': 'showExisting',
  // Cancellation refused (not found, already past, inactive, not via this channel): back to the list.
  '4040': 'showExisting',
  '4041': 'showExisting',
  '4042': 'showExisting',
  '4043': 'showExisting',
  '4007': 'registry',
  '4001': 'registry',
  '5096': 'registry',
  '4029': 'referrals',
  '4031': 'referrals',
  '4032': 'referrals',
  '4033': 'referrals',
  '4034': 'referrals',
  '4002': 'identify',
  '4000': 'identify',
  '5007': 'identify',
  '5008': 'identify',
  '5009': 'identify',
  '5010': 'identify',
  '5097': 'retry',
  '5000': 'retry',
};

export function nextStepFor(error: BridgeError): NextStep {
  if (error.code && byCode[error.code]) return byCode[error.code]!;
  switch (error.kind) {
    case 'session':
      return 'startOver';
    case 'auth':
      return 'identify';
    case 'input':
    case 'validation':
      return 'identify';
    default:
      return 'retry';
  }
}
