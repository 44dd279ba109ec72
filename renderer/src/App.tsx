import { useEffect, type ReactNode } from 'react';
import { ErrorBoundary } from './components/ErrorBoundary';
import { ErrorPanel } from './components/ErrorPanel';
import { DisplayModeButton, useDisplayAttributes, useLanguageAttributes } from './components/DisplayModeButton';
import { Header } from './components/Header';
import { useReachFrame } from './components/ReachToggle';
import { IdleDialog } from './components/IdleDialog';
import { LoadingOverlay } from './components/LoadingOverlay';
import { ServiceScreen } from './screens/ServiceScreen';
import { LanguageSwitch, WelcomeScreen } from './screens/WelcomeScreen';
import { useT } from './i18n';
import type { FlowScreen as FlowScreenName } from './screens/flow-screens';
import { useFlowScreens } from './screens/screen-loader';
import { TAP_GUARD_MS, useTapGuard } from './components/useTapGuard';
import { useFlow } from './store/context';
import { useOrientation } from './useOrientation';
import { ScanListener } from './scan/ScanListener';
import { ServiceLayer } from './service/ServiceLayer';

/** The screen's own parts; the dialogs on top have their own guard. */
const inScreen = (el: Element) => el.closest('.header, .main') !== null;

export function Shell({ children, settling = false }: { children: ReactNode; settling?: boolean }) {
  const configured = useFlow((s) => s.info?.orientation);
  const orientation = useOrientation(configured);
  useDisplayAttributes(useFlow((s) => s.display));
  const t = useT();
  useLanguageAttributes(useFlow((s) => s.language), t('app.title'));
  const reach = useReachFrame();
  return (
    <div className="app" data-orientation={orientation} data-settling={settling ? 'true' : undefined} {...reach}>
      {children}
    </div>
  );
}

/** Every tap and key anywhere tells the core someone is at the screen (the store throttles it). */
function usePatientInput(): void {
  const note = useFlow((s) => s.notePatientInput);
  useEffect(() => {
    const events = ['pointerdown', 'keydown'] as const;
    for (const e of events) window.addEventListener(e, note, { capture: true, passive: true });
    return () => {
      for (const e of events) window.removeEventListener(e, note, { capture: true });
    };
  }, [note]);
}

export function App() {
  usePatientInput();
  const startup = useFlow((s) => s.startup);
  const screen = useFlow((s) => s.screen);
  const boot = useFlow((s) => s.boot);
  const reportCrash = useFlow((s) => s.reportCrash);
  const t = useT();
  // One tap guard for every screen: a second tap meant for the previous screen is dropped. The
  // first screen of a page load has no previous one.
  const settling = useTapGuard(screen, inScreen, TAP_GUARD_MS, false);

  // Welcome needs nothing from the host, so it paints while kioskInfo is on its way (the demo
  // badge and a configured orientation follow a moment later); only a failed start replaces it.
  if (startup.phase === 'failed') {
    return (
      <Shell>
        <ServiceScreen detail={t(`problem.${startup.problem}`)} onRetry={() => void boot()} />
      </Shell>
    );
  }

  return (
    <Shell settling={settling}>
      {/* Never blank: whatever fails to render, the patient sees a calm screen and starts over. */}
      <ErrorBoundary onCrash={(message, component) => reportCrash(message, component ? `${screen}: ${component}` : screen)}>
        {screen !== 'welcome' && <Header />}
        {screen === 'welcome' && (
          <header className="welcome-bar">
            <LanguageSwitch />
            <DisplayModeButton />
          </header>
        )}
        <main className="main">
          {screen === 'welcome' ? <WelcomeScreen key={screen} /> : <FlowScreen key={screen} screen={screen} />}
          {/* Inside the main area: the header's «Начать заново» stays in reach during a wait. */}
          <LoadingOverlay />
        </main>
        <ErrorPanel />
        <IdleDialog />
        <ScanListener />
      </ErrorBoundary>
      {/* Above everything: the technician's corner gesture, keypad and service panel. */}
      <ServiceLayer />
    </Shell>
  );
}

/** A screen after Welcome; in the rare tap before they have loaded, a calm line instead of nothing. */
function FlowScreen({ screen }: { screen: FlowScreenName }) {
  const screens = useFlowScreens();
  const t = useT();
  if (!screens) {
    return (
      <p className="flow-loading" data-testid="flow-loading" role="status">
        {t('app.loading')}
      </p>
    );
  }
  const Current = screens[screen];
  return <Current />;
}
