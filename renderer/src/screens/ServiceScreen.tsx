import { BigButton } from '../components/BigButton';
import { LABELS } from '../texts';

// Shown instead of the flow when the kiosk cannot work at all (no bridge, no configuration).
export function ServiceScreen({ detail, onRetry }: { detail?: string; onRetry?: () => void }) {
  return (
    <section className="screen screen-service" data-testid="screen-service">
      <div className="welcome-main">
        <h1 className="welcome-title">Инфомат временно не работает</h1>
        <p className="welcome-need">Для записи к врачу обратитесь, пожалуйста, в регистратуру.</p>
        {detail && <p className="screen-lead">{detail}</p>}
        {onRetry && (
          <BigButton variant="secondary" data-testid="service-retry" onClick={onRetry}>
            {LABELS.retry}
          </BigButton>
        )}
      </div>
    </section>
  );
}
