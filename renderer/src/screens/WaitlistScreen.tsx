import { groupMobile } from '../../../electron/common/rules';
import { BigButton } from '../components/BigButton';
import { Keypad } from '../components/Keypad';
import { useReachLayout } from '../components/ReachToggle';
import { Screen } from '../components/Screen';
import { Mis, useT } from '../i18n';
import type { DraftKey } from '../logic/identify-draft';
import { useFlow } from '../store/context';
import type { WaitingReason } from '../store/types';

const REASONS: readonly WaitingReason[] = ['noSlots', 'noConvenientTime'];
const REASON_WORDS = { noSlots: 'waitlist.reasonNoSlots', noConvenientTime: 'waitlist.reasonNoConvenientTime' } as const;

/**
 * The waiting list: why, and a mobile number typed on the keypad (shown back grouped), then a
 * check of the number before the request goes out. No name, no other data: the clinic calls.
 */
export function WaitlistScreen() {
  const w = useFlow((s) => s.waitlist);
  const what = useFlow((s) => (s.intent === 'self' ? s.speciality?.name : (s.referral?.title ?? s.resource?.speciality)) ?? null);
  const clinic = useFlow((s) => s.clinic?.name ?? s.speciality?.clinic.name ?? null);
  const setReason = useFlow((s) => s.setWaitlistReason);
  const setPhone = useFlow((s) => s.setWaitlistPhone);
  const review = useFlow((s) => s.reviewWaitlist);
  const edit = useFlow((s) => s.editWaitlist);
  const submit = useFlow((s) => s.submitWaitlist);
  const busy = useFlow((s) => s.busy);
  const repeatGuardMs = useFlow((s) => s.info?.repeatGuardMs ?? 0);
  const t = useT();
  const reach = useReachLayout();
  if (!w) return null;

  const press = (key: DraftKey) => {
    if (key === 'clear') setPhone('');
    else if (key === 'back') setPhone(w.phone.slice(0, -1));
    else setPhone(w.phone + key.digit);
  };
  const forWhat = (what || clinic) && (
    <div className="summary-row">
      <dt>{t('waitlist.for')}</dt>
      <dd data-testid="waitlist-for">
        {what && <Mis>{what}</Mis>}
        {clinic && <Mis className="summary-sub">{clinic}</Mis>}
      </dd>
    </div>
  );

  if (w.confirming) {
    return (
      <Screen name="waitlist" title={t('waitlist.checkTitle')} lead={t('waitlist.lead')}>
        <dl className="summary">
          <div className="summary-row summary-key">
            <dt>{t('waitlist.checkText')}</dt>
            <dd className="waitlist-phone-shown" data-testid="waitlist-phone-shown">
              {groupMobile(w.phone)}
            </dd>
          </div>
          {forWhat}
          <div className="summary-row">
            <dt>{t('waitlist.reason')}</dt>
            <dd>{t(REASON_WORDS[w.reason])}</dd>
          </div>
        </dl>
        <p className="waitlist-privacy">{t('waitlist.privacy')}</p>
        <div className="screen-footer waitlist-actions">
          <BigButton variant="secondary" data-testid="waitlist-edit" onClick={edit}>
            {t('waitlist.edit')}
          </BigButton>
          <BigButton data-testid="waitlist-submit" disabled={busy} onClick={() => void submit()}>
            {t('waitlist.submit')}
          </BigButton>
        </div>
      </Screen>
    );
  }

  return (
    <Screen
      name="waitlist"
      title={t('waitlist.title')}
      lead={t('waitlist.lead')}
      className="waitlist"
      // Reach mode: what the request is for is read above the line; the box and keys stay under it.
      info={reach && forWhat ? <dl className="summary waitlist-what">{forWhat}</dl> : undefined}
    >
      <div className="waitlist-layout">
        <div className="waitlist-fields">
          {!reach && forWhat && <dl className="summary waitlist-what">{forWhat}</dl>}
          {/* No free time at all: the reason is known, there is nothing to choose. */}
          {w.offered === 'noConvenientTime' && (
          <div className="waitlist-reasons-box">
          <span className="field-label" id="waitlist-reason-ask">{t('waitlist.reasonAsk')}</span>
          <div className="waitlist-reasons" role="radiogroup" aria-labelledby="waitlist-reason-ask">
            {REASONS.map((r) => (
              <button
                key={r}
                type="button"
                role="radio"
                aria-checked={w.reason === r}
                className={`btn btn-secondary waitlist-reason${w.reason === r ? ' waitlist-reason-on' : ''}`}
                data-testid={`waitlist-reason-${r}`}
                onClick={() => setReason(r)}
              >
                {t(REASON_WORDS[r])}
              </button>
            ))}
          </div>
          </div>
          )}
          <label className={`field field-phone field-active${w.problem ? ' field-bad' : ''}`}>
            <span className="field-label">{t('waitlist.phone')}</span>
            <input
              data-testid="waitlist-phone"
              className="field-input"
              type="text"
              inputMode="none"
              autoComplete="off"
              spellCheck={false}
              value={groupMobile(w.phone)}
              aria-invalid={w.problem ? 'true' : undefined}
              aria-describedby="waitlist-hint"
              onChange={(e) => setPhone(e.target.value.replace(/^\+7\s?/, ''))}
              onKeyDown={(e) => {
                if (e.key === 'Enter') review();
              }}
            />
          </label>
          <div id="waitlist-hint" className={w.problem ? 'identify-problem' : 'policy-count'} role={w.problem ? 'alert' : undefined} data-testid="waitlist-problem">
            {w.problem ? t.msg(w.problem) : t('waitlist.phoneHint')}
          </div>
        </div>
        <div className="waitlist-keypad">
          <Keypad onKey={press} repeatGuardMs={repeatGuardMs} />
        </div>
        <BigButton className="waitlist-continue" data-testid="waitlist-continue" onClick={review}>
          {t('action.continue')}
        </BigButton>
      </div>
    </Screen>
  );
}
