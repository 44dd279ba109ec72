import { useT } from '../i18n';
import { useFlow } from '../store/context';
import { FLOWS, canGoBack as hasWayBack, flowContext } from '../store/flow';
import { DisplayModeButton } from './DisplayModeButton';
import { Icon } from './Icon';
import { StepIndicator } from './StepIndicator';
import { VoiceButtons } from './VoiceButtons';

export function Header() {
  const back = useFlow((s) => s.back);
  const endSession = useFlow((s) => s.endSession);
  const busy = useFlow((s) => s.busy);
  const booking = useFlow((s) => s.bookingUnderWay);
  const t = useT();
  // After booking there is nothing to go back to: the ticket is final.
  const canGoBack = useFlow((s) => hasWayBack(s.screen, flowContext(s), FLOWS[s.intent]));
  return (
    <header className="header">
      <div className="header-side">
        {canGoBack && (
          <button type="button" className="btn btn-secondary nav-btn" data-testid="nav-back" disabled={busy} onClick={back}>
            <Icon name="back" /> {t('action.back')}
          </button>
        )}
      </div>
      <StepIndicator />
      <div className="header-display">
        <DisplayModeButton />
      </div>
      <VoiceButtons />
      <div className="header-side header-side-end">
        <button type="button" className="btn btn-quiet nav-btn" data-testid="nav-restart" disabled={booking} aria-busy={booking || undefined} onClick={endSession}>
          <Icon name="restart" /> {t('action.startOver')}
        </button>
      </div>
    </header>
  );
}
