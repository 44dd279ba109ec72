// Every screen after Welcome, in one chunk of its own: Welcome paints without parsing them, and
// they arrive while the patient is still reading it (screen-loader.ts).
import type { ReactElement } from 'react';
import type { Screen } from '../store/types';
import { AppointmentsScreen } from './AppointmentsScreen';
import { ClinicsScreen } from './ClinicsScreen';
import { ConfirmScreen } from './ConfirmScreen';
import { DaysScreen } from './DaysScreen';
import { IdentifyScreen } from './IdentifyScreen';
import { ReferralNumberScreen } from './ReferralNumberScreen';
import { ReferralSurnameScreen } from './ReferralSurnameScreen';
import { ReferralsScreen } from './ReferralsScreen';
import { ResourcesScreen } from './ResourcesScreen';
import { SpecialitiesScreen } from './SpecialitiesScreen';
import { TicketScreen } from './TicketScreen';
import { TimesScreen } from './TimesScreen';
import { WaitlistDoneScreen } from './WaitlistDoneScreen';
import { WaitlistScreen } from './WaitlistScreen';

export type FlowScreen = Exclude<Screen, 'welcome'>;

export const FLOW_SCREENS: Record<FlowScreen, () => ReactElement | null> = {
  identify: IdentifyScreen,
  referrals: ReferralsScreen,
  referralNumber: ReferralNumberScreen,
  referralSurname: ReferralSurnameScreen,
  clinics: ClinicsScreen,
  resources: ResourcesScreen,
  days: DaysScreen,
  times: TimesScreen,
  confirm: ConfirmScreen,
  ticket: TicketScreen,
  appointments: AppointmentsScreen,
  specialities: SpecialitiesScreen,
  waitlist: WaitlistScreen,
  waitlistDone: WaitlistDoneScreen,
};
