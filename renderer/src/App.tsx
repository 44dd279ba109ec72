import type { ReactElement, ReactNode } from 'react';
import { ErrorBoundary } from './components/ErrorBoundary';
import { ErrorPanel } from './components/ErrorPanel';
import { DisplayModeButton, useDisplayAttributes } from './components/DisplayModeButton';
import { Header } from './components/Header';
import { IdleDialog } from './components/IdleDialog';
import { LoadingOverlay } from './components/LoadingOverlay';
import { AppointmentsScreen } from './screens/AppointmentsScreen';
import { ClinicsScreen } from './screens/ClinicsScreen';
import { ConfirmScreen } from './screens/ConfirmScreen';
import { DaysScreen } from './screens/DaysScreen';
import { IdentifyScreen } from './screens/IdentifyScreen';
import { ReferralsScreen } from './screens/ReferralsScreen';
import { ResourcesScreen } from './screens/ResourcesScreen';
import { ServiceScreen } from './screens/ServiceScreen';
import { TicketScreen } from './screens/TicketScreen';
import { TimesScreen } from './screens/TimesScreen';
import { WelcomeScreen } from './screens/WelcomeScreen';
import { useFlow } from './store/context';
import type { Screen } from './store/types';
import { useOrientation } from './useOrientation';

const SCREENS: Record<Screen, () => ReactElement | null> = {
  welcome: WelcomeScreen,
  identify: IdentifyScreen,
  referrals: ReferralsScreen,
  clinics: ClinicsScreen,
  resources: ResourcesScreen,
  days: DaysScreen,
  times: TimesScreen,
  confirm: ConfirmScreen,
  ticket: TicketScreen,
  appointments: AppointmentsScreen,
};

export function Shell({ children }: { children: ReactNode }) {
  const configured = useFlow((s) => s.info?.orientation);
  const orientation = useOrientation(configured);
  useDisplayAttributes(useFlow((s) => s.display));
  return (
    <div className="app" data-orientation={orientation}>
      {children}
    </div>
  );
}

export function App() {
  const startup = useFlow((s) => s.startup);
  const screen = useFlow((s) => s.screen);
  const boot = useFlow((s) => s.boot);
  const reportCrash = useFlow((s) => s.reportCrash);

  if (startup.phase !== 'ready') {
    return (
      <Shell>
        {startup.phase === 'failed' ? (
          <ServiceScreen detail={startup.message} onRetry={() => void boot()} />
        ) : (
          <LoadingOverlay />
        )}
      </Shell>
    );
  }

  const Current = SCREENS[screen];
  return (
    <Shell>
      {/* Never blank: whatever fails to render, the patient sees a calm screen and starts over. */}
      <ErrorBoundary onCrash={(message, component) => reportCrash(message, component ? `${screen}: ${component}` : screen)}>
        {screen !== 'welcome' && <Header />}
        {screen === 'welcome' && (
          <div className="welcome-bar">
            <DisplayModeButton />
          </div>
        )}
        <main className="main">
          <Current key={screen} />
        </main>
        <ErrorPanel />
        <LoadingOverlay />
        <IdleDialog />
      </ErrorBoundary>
    </Shell>
  );
}
