import { useEffect } from 'react';
import { useBootHandover } from '../boot-handover';
import { BigButton } from '../components/BigButton';
import { Icon } from '../components/Icon';
import { healthNotice } from '../logic/health-notice';
import { useFlow } from '../store/context';
import { LABELS } from '../texts';
import { loadFlowScreensAfterPaint } from './screen-loader';

/** How often Welcome re-reads the main process's last health check (a local call, no MIS). */
export const HEALTH_POLL_MS = 2000;

export function WelcomeScreen() {
  const start = useFlow((s) => s.start);
  const refreshHealth = useFlow((s) => s.refreshHealth);
  const demo = useFlow((s) => s.info?.demo ?? false);
  const scanner = useFlow((s) => s.info?.scanner ?? 'none');
  // «Мои записи» only where the MIS lets the kiosk list a patient's visits.
  const canListVisits = useFlow((s) => s.info?.mis.visits ?? true);
  const health = useFlow((s) => s.health);
  const infoKnown = useFlow((s) => s.info != null);
  const notice = healthNotice(health);
  const blocked = notice?.blocksStart ?? false;

  // The next screens load once Welcome is on the glass (again after a failed load).
  useEffect(loadFlowScreensAfterPaint, []);
  // A tap made on the prerendered Welcome is replayed once this one knows the MIS state and
  // which buttons it has (a «Записаться» while the MIS is down stays untapped).
  useBootHandover(health !== null && infoKnown);
  useEffect(() => {
    void refreshHealth();
    const t = setInterval(() => void refreshHealth(), HEALTH_POLL_MS);
    return () => clearInterval(t);
  }, [refreshHealth]);

  return (
    <section className="screen screen-welcome" data-testid="screen-welcome">
      {demo && <div className="demo-badge">Демонстрационный режим</div>}
      <div className="welcome-main">
        <h1 className="welcome-title">Запись к врачу по{'\u00a0'}направлению</h1>
        {notice ? (
          <p className={`welcome-notice welcome-notice-${notice.kind}`} data-testid="welcome-notice" data-kind={notice.kind} role={blocked ? 'alert' : 'status'}>
            <Icon name={notice.kind === 'mis-down' ? 'alert' : 'printer'} size={48} />
            <span>{notice.text}</span>
          </p>
        ) : (
          <p className="welcome-need">Понадобится полис ОМС</p>
        )}
        <ol className="welcome-steps">
          <li>
            <span className="welcome-num">1</span>Введите номер полиса и дату рождения
          </li>
          <li>
            <span className="welcome-num">2</span>Выберите направление, врача, день и время
          </li>
          <li>
            <span className="welcome-num">3</span>Возьмите талон на приём
          </li>
        </ol>
        <div className="welcome-menu">
          <BigButton className="welcome-start" data-testid="start" disabled={blocked} onClick={() => start('book')}>
            Записаться по{'\u00a0'}направлению
          </BigButton>
          {canListVisits && (
            <BigButton variant="secondary" className="welcome-more" data-testid="start-appointments" disabled={blocked} onClick={() => start('appointments')}>
              {LABELS.myAppointments}
            </BigButton>
          )}
        </div>
        {scanner !== 'none' && (
          <p className="welcome-scan" data-testid="welcome-scan">
            Есть бумажный полис со штрих-кодом? Поднесите его к сканеру — вводить номер не нужно.
          </p>
        )}
      </div>
    </section>
  );
}
