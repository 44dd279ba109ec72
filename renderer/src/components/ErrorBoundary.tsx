import { Component, useEffect, useState, type ErrorInfo, type ReactNode } from 'react';
import { useT } from '../i18n';
import { BigButton } from './BigButton';

/** How long the calm screen stays before the kiosk opens Welcome by itself. */
export const RESTART_SECONDS = 5;

/**
 * What is reported to the main side: the error's kind and text with every digit masked, so a
 * policy number, a birth date or a time that slipped into a message never reaches the log.
 */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : `Thrown: ${String(error)}`;
  return text.replace(/\d/g, '#').slice(0, 500);
}

/** The component that threw, from React's component stack («at TicketScreen (…)»). */
export function componentOf(stack: string | null | undefined): string {
  const m = /at (\w+)/.exec(stack ?? '') ?? /^\s*(\w+)/m.exec(stack ?? '');
  return m ? m[1]! : '';
}

type Props = {
  children: ReactNode;
  /** Told once per render error: report it and wipe the session. */
  onCrash: (message: string, component: string) => void;
  seconds?: number;
};

/**
 * Never a blank screen: a render error anywhere below shows a calm «Что-то пошло не так»
 * with a countdown and «Начать заново»; the session is wiped at once (onCrash) and the
 * children are rendered again, from Welcome, when the countdown ends or the button is pressed.
 */
export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.props.onCrash(describeError(error), componentOf(info.componentStack));
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return <SomethingWentWrong seconds={this.props.seconds ?? RESTART_SECONDS} onDone={() => this.setState({ failed: false })} />;
  }
}

function SomethingWentWrong({ seconds, onDone }: { seconds: number; onDone: () => void }) {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    const timer = setInterval(() => setLeft((n) => n - 1), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (left <= 0) onDone();
  }, [left, onDone]);
  const n = Math.max(left, 0);
  const t = useT();
  return (
    <section className="screen screen-service screen-crash" data-testid="screen-crash" role="alert">
      <div className="welcome-main">
        <h1 className="welcome-title">{t('app.crashTitle')}</h1>
        <p className="welcome-need">{t('next.startOver')}</p>
        <p className="screen-lead" data-testid="crash-countdown">
          {t('app.crashCountdown', { n })}
        </p>
        <BigButton className="welcome-start" data-testid="crash-restart" onClick={onDone}>
          {t('action.startOver')}
        </BigButton>
      </div>
    </section>
  );
}
