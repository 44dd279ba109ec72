import { useT } from '../i18n';
import { useFlow } from '../store/context';
import { FLOWS, canGoBack as hasWayBack, flowContext } from '../store/flow';
import { BigButton } from './BigButton';
import { Dialog } from './Dialog';
import { DisplayModeButton } from './DisplayModeButton';
import { Icon } from './Icon';
import { useReachLayout } from './ReachToggle';
import { StepIndicator } from './StepIndicator';
import { VoiceButtons } from './VoiceButtons';

export function Header() {
  const back = useFlow((s) => s.back);
  const askRestart = useFlow((s) => s.askRestart);
  const busy = useFlow((s) => s.busy);
  const booking = useFlow((s) => s.bookingUnderWay);
  const t = useT();
  // After booking there is nothing to go back to: the ticket is final.
  const canGoBack = useFlow((s) => hasWayBack(s.screen, flowContext(s), FLOWS[s.intent]));
  // In reach mode the header's buttons sit at the bottom of the screen; the steps, which take no
  // tap, stay at the top with the screen's heading (Screen).
  const reach = useReachLayout();
  return (
    <header className="header">
      <div className="header-side">
        {canGoBack && (
          <button type="button" className="btn btn-secondary nav-btn" data-testid="nav-back" disabled={busy} onClick={back}>
            <Icon name="back" /> {t('action.back')}
          </button>
        )}
      </div>
      {!reach && <StepIndicator />}
      <div className="header-display">
        <DisplayModeButton />
      </div>
      <VoiceButtons />
      <div className="header-side header-side-end">
        <button type="button" className="btn btn-quiet nav-btn" data-testid="nav-restart" disabled={booking} aria-busy={booking || undefined} onClick={askRestart}>
          <Icon name="restart" /> {t('action.startOver')}
        </button>
      </div>
      <RestartDialog />
    </header>
  );
}

/** Everything typed would be lost: the patient says so first (a slip of the finger is common here). */
function RestartDialog() {
  const asked = useFlow((s) => s.restartAsked);
  const endSession = useFlow((s) => s.endSession);
  const dismiss = useFlow((s) => s.dismissRestart);
  const t = useT();
  if (!asked) return null;
  return (
    <Dialog
      role="alertdialog"
      overlay="restart"
      data-testid="restart-dialog"
      title={t('restart.title')}
      actions={
        <>
          <BigButton variant="secondary" data-testid="restart-dismiss" onClick={dismiss} autoFocus>
            {t('restart.keep')}
          </BigButton>
          <BigButton variant="danger" data-testid="restart-confirm" onClick={endSession}>
            {t('restart.confirm')}
          </BigButton>
        </>
      }
    >
      <p className="dialog-text">{t('restart.text')}</p>
    </Dialog>
  );
}
