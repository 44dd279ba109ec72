import { CyrillicKeyboard } from '../components/CyrillicKeyboard';
import { QueryEntry } from '../components/QueryEntry';
import { usePhysicalKeys } from '../components/usePhysicalKeys';
import { Screen } from '../components/Screen';
import { applySurnameKey, SURNAME_MAX, surnameKeyOf, type SurnameKey } from '../logic/referral-query';
import { useT } from '../i18n';
import { useFlow } from '../store/context';

/** The patient's surname on the on-screen ЙЦУКЕН keyboard; «Найти» looks the referral up. */
export function ReferralSurnameScreen() {
  const number = useFlow((s) => s.referralQuery.number);
  const surname = useFlow((s) => s.referralQuery.surname);
  const setSurname = useFlow((s) => s.setSurname);
  const find = useFlow((s) => s.findReferral);
  const problem = useFlow((s) => (s.referralProblem?.on === 'referralSurname' ? s.referralProblem.message : null));
  const t = useT();
  // Physical keys too: a Cyrillic letter as typed, else the ЙЦУКЕН letter on that key.
  usePhysicalKeys(
    (e) => surnameKeyOf(e.key, e.code) ?? null,
    (key) => (key === 'submit' ? void find() : setSurname(applySurnameKey(surname, key))),
  );

  const press = (key: SurnameKey) => setSurname(applySurnameKey(surname, key));

  return (
    <Screen
      name="referralSurname"
      title={t('surname.title')}
      lead={t('surname.lead', { number })}
      className="query"
    >
      <QueryEntry
        label={t('surname.label')}
        fieldId="field-surname"
        value={surname}
        maxLength={SURNAME_MAX}
        lang="ru"
        problem={problem ? t.msg(problem) : null}
        layoutClass="query-layout-letters"
        keys={<CyrillicKeyboard onKey={press} />}
        submit={{ label: t('action.find'), testId: 'referral-find', onClick: () => void find() }}
      />
    </Screen>
  );
}
