import { useEffect } from 'react';
import { LOCALE_IDS, t as translatorFor } from '../../../electron/common/i18n/locales';
import { useBootHandover } from '../boot-handover';
import { BigButton } from '../components/BigButton';
import { Icon } from '../components/Icon';
import { ScanPicture } from '../components/ScanPicture';
import { ReachToggle } from '../components/ReachToggle';
import { VoiceToggle } from '../components/VoiceButtons';
import { useT } from '../i18n';
import { healthNotice } from '../logic/health-notice';
import { scanFirst } from '../logic/scan-first';
import { HEALTH_POLL_MS } from '../logic/polling';
import { useFlow } from '../store/context';
import { loadFlowScreensAfterPaint } from './screen-loader';


export function WelcomeScreen() {
  const start = useFlow((s) => s.start);
  const refreshHealth = useFlow((s) => s.refreshHealth);
  const demo = useFlow((s) => s.info?.demo ?? false);
  // «Мои записи» only where the MIS lets the kiosk list a patient's visits.
  const canListVisits = useFlow((s) => s.info?.mis.visits ?? true);
  // «Записаться к врачу» without a referral only where the MIS (and the clinic's list) allows it.
  const selfBooking = useFlow((s) => s.info?.mis.selfBooking ?? false);
  const health = useFlow((s) => s.health);
  const info = useFlow((s) => s.info);
  const infoKnown = info != null;
  const t = useT();
  const notice = healthNotice(health, info);
  const blocked = notice?.blocksStart ?? false;
  // With a scanner, holding the policy to it is the main way in (5 taps to a ticket instead of
  // 30); typing is the alternative.
  const scan = scanFirst(info, notice);

  // The next screens load once Welcome is on the glass (again after a failed load).
  useEffect(loadFlowScreensAfterPaint, []);
  // A tap made on the prerendered Welcome is replayed once this one knows the MIS state and
  // which buttons it has (a «Записаться» while the MIS is down stays untapped).
  // «Unknown» right after a cold start is not an answer: a kept «Записаться» waits for the first
  // real check (bounded by the hand-over's cap) rather than open a flow the MIS may refuse.
  useBootHandover(health !== null && health.checkedAt !== null && infoKnown);
  useEffect(() => {
    void refreshHealth();
    const timer = setInterval(() => void refreshHealth(), HEALTH_POLL_MS);
    return () => clearInterval(timer);
  }, [refreshHealth]);

  return (
    <section className="screen screen-welcome" data-testid="screen-welcome">
      {demo && <div className="demo-badge">{t('app.demo')}</div>}
      <div className="welcome-main">
        <h1 className="welcome-title">{t(selfBooking ? 'welcome.titleAny' : 'welcome.title')}</h1>
        {notice ? (
          <p className={`welcome-notice welcome-notice-${notice.kind}`} data-testid="welcome-notice" data-kind={notice.kind} role={blocked ? 'alert' : 'status'}>
            <Icon name={notice.kind === 'mis-down' ? 'alert' : 'printer'} size={48} />
            <span>
              {t.msg(notice.text)}
              {notice.phone && (
                <>
                  {' '}
                  <strong className="welcome-phone" data-testid="welcome-phone">
                    {notice.phone}
                  </strong>
                </>
              )}
            </span>
          </p>
        ) : (
          !scan && <p className="welcome-need">{t('welcome.need')}</p>
        )}
        {scan && (
          <section className="welcome-scan" data-testid="welcome-scan" data-reads={scan.reads} aria-labelledby="welcome-scan-title">
            <ScanPicture place={scan.place} reads={scan.reads} labelledBy="welcome-scan-what" />
            <div className="welcome-scan-text">
              <h2 id="welcome-scan-title" className="welcome-scan-title">
                {t(`welcome.scanTitle.${scan.place}`)}
              </h2>
              <p id="welcome-scan-what" className="welcome-scan-what">
                {t(`welcome.scanWhat.${scan.reads}`)}
              </p>
            </div>
          </section>
        )}
        {/* Not while the MIS is down (steps the patient cannot take would push the phone off the
            screen), nor with a scanner (its picture is the way in). */}
        {!blocked && !scan && (
          <ol className="welcome-steps">
            <li>
              <span className="welcome-num">1</span>
              {t('welcome.step1')}
            </li>
            <li>
              <span className="welcome-num">2</span>
              {t(selfBooking ? 'welcome.step2Any' : 'welcome.step2')}
            </li>
            <li>
              <span className="welcome-num">3</span>
              {t('welcome.step3')}
            </li>
          </ol>
        )}
        {/* Right above the buttons it points to. */}
        {scan && (
          <p className="welcome-type-hint" data-testid="welcome-type-hint">
            {t(`welcome.typeHint.${scan.reads}`)}
          </p>
        )}
        <div className="welcome-menu">
          <BigButton
            variant={scan ? 'secondary' : 'primary'}
            className="welcome-start"
            data-testid="start"
            disabled={blocked}
            onClick={() => start('book')}
          >
            {/* Next to «без направления» the button must still say what it books. */}
            {t(scan && !selfBooking ? 'welcome.typeInstead' : 'welcome.start')}
          </BigButton>
          <VoiceToggle className="welcome-voice" testId="voice-toggle-welcome" />
          {selfBooking && (
            <BigButton variant="secondary" className="welcome-self" data-testid="start-self" disabled={blocked} onClick={() => start('self')}>
              {t('action.selfBooking')}
            </BigButton>
          )}
          {canListVisits && (
            <BigButton variant="secondary" className="welcome-more" data-testid="start-appointments" disabled={blocked} onClick={() => start('appointments')}>
              {t('action.myAppointments')}
            </BigButton>
          )}
        </div>
      </div>
      {/* Low on the screen whatever the mode: a seated patient must reach the button that brings the rest down. */}
      <div className="welcome-foot">
        <ReachToggle />
      </div>
    </section>
  );
}

/**
 * The session's language, in each language's own name: a patient who cannot read the current
 * one still finds theirs. Resets with the session, like large print.
 */
export function LanguageSwitch() {
  const language = useFlow((s) => s.language);
  const setLanguage = useFlow((s) => s.setLanguage);
  const t = useT();
  return (
    <div className="lang-switch" role="group" aria-label={t('language.switch')}>
      {LOCALE_IDS.map((id) => (
        <button
          key={id}
          type="button"
          lang={id}
          className={`btn btn-quiet nav-btn lang-btn${language === id ? ' lang-btn-on' : ''}`}
          data-testid={`lang-${id}`}
          aria-pressed={language === id}
          onClick={() => setLanguage(id)}
        >
          {translatorFor(id)('language.name')}
        </button>
      ))}
    </div>
  );
}
