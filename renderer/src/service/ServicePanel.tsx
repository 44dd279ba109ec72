import { useCallback, useEffect, useState } from 'react';
import type { Envelope } from '../../../electron/common/bridge-contract';
import type { ServiceMisCheck, ServiceStatus } from '../../../electron/common/service-contract';
import { SERVICE_TEXTS } from '../../../electron/common/service-texts';
import { BigButton } from '../components/BigButton';
import type { KioskBridge } from '../bridge';
import { CLIENT_APP_TEXT, PRINT_STATE_TEXT, whenText } from './format';

export type ServiceTab = 'printer' | 'mis' | 'about' | 'log';

const TABS: Array<{ id: ServiceTab; label: string }> = [
  { id: 'printer', label: 'Принтер' },
  { id: 'mis', label: 'Связь с МИС' },
  { id: 'about', label: 'Сведения' },
  { id: 'log', label: 'Журнал' },
];

export interface ServicePanelProps {
  bridge: KioskBridge;
  timeZone: string;
  /** Every answer goes through here: a refusal (service mode closed) ends the panel. */
  settle: <T>(answer: Envelope<T>) => T | null;
  onRestart: () => void;
  onLeave: () => void;
  onReturn: () => void;
}

export function ServicePanel({ bridge, timeZone, settle, onRestart, onLeave, onReturn }: ServicePanelProps) {
  const [tab, setTab] = useState<ServiceTab>('printer');
  const [status, setStatus] = useState<ServiceStatus | null>(null);
  const [printing, setPrinting] = useState(false);

  const loadStatus = useCallback(async () => {
    const s = settle(await bridge.serviceStatus({}));
    if (s) setStatus(s);
  }, [bridge, settle]);

  // Each tab shown reads the state afresh (and tells the core the technician is still there).
  useEffect(() => {
    let live = true;
    void bridge.serviceStatus({}).then((a) => {
      const s = settle(a);
      if (live && s) setStatus(s);
    });
    return () => {
      live = false;
    };
  }, [bridge, settle, tab]);

  const printTest = async () => {
    setPrinting(true);
    const r = settle(await bridge.servicePrintTest({}));
    setPrinting(false);
    if (r) await loadStatus();
  };
  const paperReplaced = async () => {
    const paper = settle(await bridge.servicePaperReplaced({}));
    if (paper) setStatus((s) => (s ? { ...s, paper } : s));
  };

  return (
    <section className="svc-panel" data-testid="service-panel" data-tab={tab}>
      <header className="svc-panel-head">
        <h1 className="svc-title">{SERVICE_TEXTS.title}</h1>
        {status && (
          <p className="svc-lead" data-testid="service-kiosk">
            Инфомат {status.about.kioskId} · версия {status.about.version}
          </p>
        )}
      </header>
      <nav className="svc-tabs" role="tablist">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            className={`svc-tab${tab === t.id ? ' svc-tab-on' : ''}`}
            data-testid={`service-tab-${t.id}`}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </nav>
      <div className="svc-body" role="tabpanel">
        {tab === 'printer' && status && <PrinterSection status={status} timeZone={timeZone} printing={printing} onPrint={printTest} onPaper={paperReplaced} />}
        {tab === 'mis' && <MisSection bridge={bridge} settle={settle} timeZone={timeZone} />}
        {tab === 'about' && status && <AboutSection status={status} />}
        {tab === 'log' && <LogSection bridge={bridge} settle={settle} />}
      </div>
      <footer className="svc-actions">
        <BigButton variant="quiet" data-testid="service-restart" onClick={onRestart}>
          Перезапустить
        </BigButton>
        <BigButton variant="quiet" data-testid="service-leave" onClick={onLeave}>
          Выйти в систему
        </BigButton>
        <BigButton data-testid="service-return" onClick={onReturn}>
          Вернуться
        </BigButton>
      </footer>
    </section>
  );
}

function PrinterSection({ status, timeZone, printing, onPrint, onPaper }: {
  status: ServiceStatus;
  timeZone: string;
  printing: boolean;
  onPrint: () => void;
  onPaper: () => void;
}) {
  const p = status.printer;
  const ok = p.state === 'ready' || p.state === 'near-end';
  return (
    <div className="svc-section" data-testid="service-section-printer">
      <div className={`svc-state ${ok ? 'svc-state-ok' : 'svc-state-bad'}`} data-testid="service-printer-state" data-state={p.state}>
        {p.text}
      </div>
      {p.journalFault && <p className="svc-notice svc-notice-error">Журнал печати не записывается: {p.journalFault}</p>}
      <div className="svc-row">
        <BigButton variant="secondary" data-testid="service-print-test" disabled={printing} onClick={onPrint}>
          {printing ? 'Печатаю…' : 'Напечатать тестовый талон'}
        </BigButton>
        {p.lastTest && (
          <p className="svc-result" data-testid="service-print-result" data-state={p.lastTest.state}>
            {PRINT_STATE_TEXT[p.lastTest.state]}
            {p.lastTest.message ? `: ${p.lastTest.message}` : ''}
          </p>
        )}
      </div>
      <h2 className="svc-subtitle">Бумага</h2>
      <dl className="svc-facts">
        <div>
          <dt>Напечатано с замены рулона</dt>
          <dd data-testid="service-paper-printed">{status.paper.printed}</dd>
        </div>
        <div>
          <dt>Осталось примерно</dt>
          <dd data-testid="service-paper-left">{status.paper.slipsLeft} талонов</dd>
        </div>
        <div>
          <dt>Рулон</dt>
          <dd>
            {status.paper.rollLengthM} м, талон ≈ {status.paper.slipLengthMm} мм
          </dd>
        </div>
        <div>
          <dt>Бумага заменена</dt>
          <dd data-testid="service-paper-reset-at">{whenText(status.paper.resetAt, timeZone)}</dd>
        </div>
      </dl>
      <BigButton variant="secondary" data-testid="service-paper-replaced" onClick={onPaper}>
        Бумага заменена
      </BigButton>
    </div>
  );
}

function MisSection({ bridge, settle, timeZone }: { bridge: KioskBridge; settle: ServicePanelProps['settle']; timeZone: string }) {
  const [check, setCheck] = useState<ServiceMisCheck | null>(null);
  const [running, setRunning] = useState(false);
  const run = useCallback(async () => {
    setRunning(true);
    const r = settle(await bridge.serviceMisCheck({}));
    setRunning(false);
    if (r) setCheck(r);
  }, [bridge, settle]);
  useEffect(() => {
    let live = true;
    void bridge.serviceMisCheck({}).then((a) => {
      const r = settle(a);
      if (live && r) setCheck(r);
    });
    return () => {
      live = false;
    };
  }, [bridge, settle]);
  return (
    <div className="svc-section" data-testid="service-section-mis">
      {check && (
        <>
          <div className={`svc-state ${check.reachable ? 'svc-state-ok' : 'svc-state-bad'}`} data-testid="service-mis-state" data-reachable={check.reachable}>
            {check.reachable ? 'МИС отвечает' : 'МИС не отвечает'}
          </div>
          <dl className="svc-facts">
            <div>
              <dt>Время ответа</dt>
              <dd data-testid="service-mis-latency">{check.latencyMs === null ? '—' : `${check.latencyMs} мс`}</dd>
            </div>
            <div>
              <dt>Клиентское приложение</dt>
              <dd data-testid="service-mis-client" data-state={check.clientApplication}>
                {CLIENT_APP_TEXT[check.clientApplication]}
              </dd>
            </div>
            {check.note && (
              <div>
                <dt>Ответ МИС</dt>
                <dd>{check.note}</dd>
              </div>
            )}
            <div>
              <dt>Проверено</dt>
              <dd>{whenText(check.checkedAt, timeZone)}</dd>
            </div>
          </dl>
        </>
      )}
      <BigButton variant="secondary" data-testid="service-mis-check" disabled={running} onClick={() => void run()}>
        {running ? 'Проверяю…' : 'Проверить ещё раз'}
      </BigButton>
    </div>
  );
}

function AboutSection({ status }: { status: ServiceStatus }) {
  return (
    <div className="svc-section" data-testid="service-section-about">
      <dl className="svc-facts svc-facts-list">
        {status.about.items.map((i) => (
          <div key={i.label}>
            <dt>{i.label}</dt>
            <dd>{i.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function LogSection({ bridge, settle }: { bridge: KioskBridge; settle: ServicePanelProps['settle'] }) {
  const [lines, setLines] = useState<string[] | null>(null);
  const load = useCallback(async () => {
    const r = settle(await bridge.serviceLog({}));
    if (r) setLines(r.lines);
  }, [bridge, settle]);
  useEffect(() => {
    let live = true;
    void bridge.serviceLog({}).then((a) => {
      const r = settle(a);
      if (live && r) setLines(r.lines);
    });
    return () => {
      live = false;
    };
  }, [bridge, settle]);
  return (
    <div className="svc-section svc-section-log" data-testid="service-section-log">
      <div className="svc-row">
        <p className="svc-lead">Последние {lines?.length ?? 0} записей журнала, новые сверху. Номера полисов и токены скрыты.</p>
        <BigButton variant="secondary" data-testid="service-log-refresh" onClick={() => void load()}>
          Обновить
        </BigButton>
      </div>
      <ol className="svc-log" data-testid="service-log">
        {[...(lines ?? [])].reverse().map((l, i) => (
          <li key={`${i}-${l}`}>{l}</li>
        ))}
      </ol>
    </div>
  );
}
