import { ChoiceCard } from '../components/ChoiceCard';
import { CyrillicKeyboard } from '../components/CyrillicKeyboard';
import { UpcomingFlag } from '../components/UpcomingFlag';
import { QueryEntry } from '../components/QueryEntry';
import { usePhysicalKeys } from '../components/usePhysicalKeys';
import { Screen } from '../components/Screen';
import { applySurnameKey, SURNAME_MAX, surnameKeyOf, type SurnameKey } from '../logic/referral-query';
import { Mis, useT } from '../i18n';
import { referralTypeLabel } from '../logic/referral-words';
import { useFlow } from '../store/context';
import { heldReferral } from '../store/foresee';

/** The patient's surname on the on-screen ЙЦУКЕН keyboard; «Найти» looks the referral up. */
export function ReferralSurnameScreen() {
  const number = useFlow((s) => s.referralQuery.number);
  const surname = useFlow((s) => s.referralQuery.surname);
  const setSurname = useFlow((s) => s.setSurname);
  const find = useFlow((s) => s.findReferral);
  const problem = useFlow((s) => (s.referralProblem?.on === 'referralSurname' ? s.referralProblem.message : null));
  const held = useFlow(heldReferral);
  const choose = useFlow((s) => s.chooseReferral);
  const t = useT();
  // Physical keys too: a Cyrillic letter as typed, else the ЙЦУКЕН letter on that key.
  usePhysicalKeys(
    (e) => surnameKeyOf(e.key, e.code) ?? null,
    (key) => (key === 'submit' ? void find() : setSurname(applySurnameKey(surname, key))),
  );

  const press = (key: SurnameKey) => setSurname(applySurnameKey(surname, key));

  if (held?.upcoming) {
    return (
      <Screen name="referralSurname" title={t('foresee.found')} lead={t('surname.lead', { number })}>
        <div className="card-group found-referral">
          <ChoiceCard testId={`referral-${held.guid}`} disabled={false} onChoose={() => void choose(held.guid)}>
            <span className="card-kicker">{t('referral.number', { number: held.number })}</span>
            <span className="card-title">{held.title ? <Mis>{held.title}</Mis> : referralTypeLabel(held.type, t)}</span>
          </ChoiceCard>
          <UpcomingFlag ticket={held.upcoming} testId={`foresee-${held.guid}`} />
        </div>
      </Screen>
    );
  }

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
