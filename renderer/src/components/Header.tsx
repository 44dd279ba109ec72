import { useFlow } from '../store/context';
import { canGoBack as hasWayBack } from '../store/flow';
import { DisplayModeButton } from './DisplayModeButton';
import { Icon } from './Icon';
import { StepIndicator } from './StepIndicator';
import { LABELS } from '../texts';

export function Header() {
  const screen = useFlow((s) => s.screen);
  const back = useFlow((s) => s.back);
  const endSession = useFlow((s) => s.endSession);
  const busy = useFlow((s) => s.busy);
  // After booking there is nothing to go back to: the ticket is final.
  const canGoBack = hasWayBack(screen);
  return (
    <header className="header">
      <div className="header-side">
        {canGoBack && (
          <button type="button" className="btn btn-secondary nav-btn" data-testid="nav-back" disabled={busy} onClick={back}>
            <Icon name="back" /> Назад
          </button>
        )}
      </div>
      <StepIndicator />
      <div className="header-display">
        <DisplayModeButton />
      </div>
      <div className="header-side header-side-end">
        <button type="button" className="btn btn-quiet nav-btn" data-testid="nav-restart" onClick={endSession}>
          <Icon name="restart" /> {LABELS.startOver}
        </button>
      </div>
    </header>
  );
}
