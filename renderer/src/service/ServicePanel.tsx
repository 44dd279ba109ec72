import { useCallback, useEffect, useState } from 'react';
import type { Envelope } from '../../../electron/common/bridge-contract';
import type { ServiceMisCheck, ServiceStatus } from '../../../electron/common/service-contract';
import type { Translate } from '../../../electron/common/i18n/catalog';
import { BigButton } from '../components/BigButton';
import { useT } from '../i18n';
import type { KioskBridge } from '../bridge';
import { whenText } from './format';

export type ServiceTab = 'printer' | 'mis' | 'about' | 'log';

const TABS: ServiceTab[] = ['printer', 'mis', 'about', 'log'];

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
  const t = useT();

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
        <h1 className="svc-title">{t('service.title')}</h1>
        {status && (
          <p className="svc-lead" data-testid="service-kiosk">
            {t('service.kiosk', { id: status.about.kioskId, version: status.about.version })}
          </p>
        )}
      </header>
      <nav className="svc-tabs" role="tablist">
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={`svc-tab${tab === id ? ' svc-tab-on' : ''}`}
            data-testid={`service-tab-${id}`}
            onClick={() => setTab(id)}
          >
            {t(`service.tab.${id}`)}
          </button>
        ))}
      </nav>
      <div className="svc-body" role="tabpanel">
        {tab === 'printer' && status && <PrinterSection status={status} timeZone={timeZone} printing={printing} onPrint={printTest} onPaper={paperReplaced} t={t} />}
        {tab === 'mis' && <MisSection bridge={bridge} settle={settle} timeZone={timeZone} t={t} />}
        {tab === 'about' && status && <AboutSection status={status} t={t} />}
        {tab === 'log' && <LogSection bridge={bridge} settle={settle} t={t} />}
      </div>
      <footer className="svc-actions">
        <BigButton variant="quiet" data-testid="service-restart" onClick={onRestart}>
          {t('service.restart')}
        </BigButton>
        <BigButton variant="quiet" data-testid="service-leave" onClick={onLeave}>
          {t('service.leave')}
        </BigButton>
        <BigButton data-testid="service-return" onClick={onReturn}>
          {t('service.return')}
        </BigButton>
      </footer>
    </section>
  );
}

function PrinterSection({ status, timeZone, printing, onPrint, onPaper, t }: {
  status: ServiceStatus;
  timeZone: string;
  printing: boolean;
  onPrint: () => void;
  onPaper: () => void;
  t: Translate;
}) {
  const p = status.printer;
  const ok = p.state === 'ready' || p.state === 'near-end';
  return (
    <div className="svc-section" data-testid="service-section-printer">
      <div className={`svc-state ${ok ? 'svc-state-ok' : 'svc-state-bad'}`} data-testid="service-printer-state" data-state={p.state}>
        {t(`service.printer.${p.state}`)}
      </div>
      {p.journalFault && <p className="svc-notice svc-notice-error">{t('service.journalFault', { detail: p.journalFault })}</p>}
      <div className="svc-row">
        <BigButton variant="secondary" data-testid="service-print-test" disabled={printing} onClick={onPrint}>
          {t(printing ? 'service.printing' : 'service.printTest')}
        </BigButton>
        {p.lastTest && (
          <p className="svc-result" data-testid="service-print-result" data-state={p.lastTest.state}>
            {t(`service.test.${p.lastTest.state}`)}
            {p.lastTest.fault && p.lastTest.state === 'failed' ? `: ${t(`printer.${p.lastTest.fault}`)}` : ''}
          </p>
        )}
      </div>
      <h2 className="svc-subtitle">{t('service.paper')}</h2>
      <dl className="svc-facts">
        <div>
          <dt>{t('service.paperPrinted')}</dt>
          <dd data-testid="service-paper-printed">{status.paper.printed}</dd>
        </div>
        <div>
          <dt>{t('service.paperLeft')}</dt>
          <dd data-testid="service-paper-left">{t('service.paperLeftValue', { count: status.paper.slipsLeft })}</dd>
        </div>
        <div>
          <dt>{t('service.roll')}</dt>
          <dd>{t('service.rollValue', { meters: status.paper.rollLengthM, mm: status.paper.slipLengthMm })}</dd>
        </div>
        <div>
          <dt>{t('service.paperReplaced')}</dt>
          <dd data-testid="service-paper-reset-at">{whenText(status.paper.resetAt, timeZone, t)}</dd>
        </div>
      </dl>
      <BigButton variant="secondary" data-testid="service-paper-replaced" onClick={onPaper}>
        {t('service.paperReplaced')}
      </BigButton>
    </div>
  );
}

function MisSection({ bridge, settle, timeZone, t }: { bridge: KioskBridge; settle: ServicePanelProps['settle']; timeZone: string; t: Translate }) {
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
            {t(check.reachable ? 'service.misUp' : 'service.misDown')}
          </div>
          <dl className="svc-facts">
            <div>
              <dt>{t('service.latency')}</dt>
              <dd data-testid="service-mis-latency">{check.latencyMs === null ? '—' : t('service.ms', { ms: check.latencyMs })}</dd>
            </div>
            <div>
              <dt>{t('service.clientApp')}</dt>
              <dd data-testid="service-mis-client" data-state={check.clientApplication}>
                {t(`service.client.${check.clientApplication}`)}
              </dd>
            </div>
            {check.note && (
              <div>
                <dt>{t('service.misNote')}</dt>
                <dd lang="ru">{check.note}</dd>
              </div>
            )}
            <div>
              <dt>{t('service.checkedAt')}</dt>
              <dd>{whenText(check.checkedAt, timeZone, t)}</dd>
            </div>
          </dl>
        </>
      )}
      <BigButton variant="secondary" data-testid="service-mis-check" disabled={running} onClick={() => void run()}>
        {t(running ? 'service.checking' : 'service.checkAgain')}
      </BigButton>
    </div>
  );
}

function AboutSection({ status, t }: { status: ServiceStatus; t: Translate }) {
  return (
    <div className="svc-section" data-testid="service-section-about">
      <dl className="svc-facts svc-facts-list">
        {status.about.items.map((i) => (
          <div key={i.label.id}>
            <dt>{t.msg(i.label)}</dt>
            <dd>{typeof i.value === 'string' ? i.value : t.msg(i.value)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function LogSection({ bridge, settle, t }: { bridge: KioskBridge; settle: ServicePanelProps['settle']; t: Translate }) {
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
        <p className="svc-lead">{t('service.logLead', { count: lines?.length ?? 0 })}</p>
        <BigButton variant="secondary" data-testid="service-log-refresh" onClick={() => void load()}>
          {t('service.refresh')}
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
