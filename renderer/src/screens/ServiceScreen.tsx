import { BigButton } from '../components/BigButton';
import { useT } from '../i18n';

// Shown instead of the flow when the kiosk cannot work at all (no bridge, no configuration).
export function ServiceScreen({ detail, onRetry }: { detail?: string; onRetry?: () => void }) {
  const t = useT();
  return (
    <section className="screen screen-service" data-testid="screen-service">
      <div className="welcome-main">
        <h1 className="welcome-title">{t('app.outOfOrder')}</h1>
        <p className="welcome-need">{t('app.outOfOrderLead')}</p>
        {detail && <p className="screen-lead">{detail}</p>}
        {onRetry && (
          <BigButton variant="secondary" data-testid="service-retry" onClick={onRetry}>
            {t('action.retry')}
          </BigButton>
        )}
      </div>
    </section>
  );
}
