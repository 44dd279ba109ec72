import { BigButton } from '../components/BigButton';
import { Keypad } from '../components/Keypad';
import { QueryEntry } from '../components/QueryEntry';
import { usePhysicalKeys } from '../components/usePhysicalKeys';
import { Screen } from '../components/Screen';
import type { DraftKey } from '../logic/identify-draft';
import { applyNumberKey, numberKeyOf, REFERRAL_NUMBER_MAX } from '../logic/referral-query';
import { useT } from '../i18n';
import { useFlow } from '../store/context';

/** The referral's number, typed on the keypad (an MIS that finds a referral by its number). */
export function ReferralNumberScreen() {
  const number = useFlow((s) => s.referralQuery.number);
  const setNumber = useFlow((s) => s.setReferralNumber);
  const submit = useFlow((s) => s.submitReferralNumber);
  const problem = useFlow((s) => (s.referralProblem?.on === 'referralNumber' ? s.referralProblem.message : null));
  const patient = useFlow((s) => s.patient);
  const showAppointments = useFlow((s) => s.showAppointments);
  const hasVisits = useFlow((s) => s.info?.mis.visits ?? false);
  const repeatGuardMs = useFlow((s) => s.info?.repeatGuardMs ?? 0);
  const t = useT();
  usePhysicalKeys(
    (e) => numberKeyOf(e.key) ?? null,
    (key) => (key === 'submit' ? submit() : setNumber(applyNumberKey(number, key))),
  );

  const press = (key: DraftKey) => setNumber(applyNumberKey(number, key));

  return (
    <Screen
      name="referralNumber"
      title={t('referralNumber.title')}
      lead={patient ? `${t('referrals.policy', { masked: patient.policyMasked })}. ${t('referralNumber.lead')}` : t('referralNumber.lead')}
      action={
        hasVisits ? (
          <BigButton variant="secondary" data-testid="my-appointments" onClick={() => void showAppointments()}>
            {t('action.myAppointments')}
          </BigButton>
        ) : undefined
      }
      className="query"
    >
      <QueryEntry
        label={t('referralNumber.label')}
        fieldId="field-referral-number"
        value={number}
        maxLength={REFERRAL_NUMBER_MAX}
        problem={problem ? t.msg(problem) : null}
        keys={<Keypad onKey={press} repeatGuardMs={repeatGuardMs} />}
        submit={{ label: t('action.continue'), testId: 'referral-number-submit', onClick: submit }}
      />
    </Screen>
  );
}
