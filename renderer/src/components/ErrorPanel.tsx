import { Mis, useT } from '../i18n';
import { useFlow } from '../store/context';
import { HINT_BY_PROBLEM, PLAN } from '../logic/error-plan';
import { BigButton } from './BigButton';
import { Dialog } from './Dialog';
import { VoiceRepeat } from './VoiceButtons';

export function ErrorPanel() {
  const error = useFlow((s) => s.error);
  const resolve = useFlow((s) => s.resolveError);
  const t = useT();
  if (!error) return null;
  const plan = PLAN[error.step];
  const hint = error.hint ? t.msg(error.hint) : t((error.problem && HINT_BY_PROBLEM[error.problem]) || plan.hint);
  return (
    <Dialog
      role="alertdialog"
      overlay="error"
      className="error-panel"
      data-testid="error-panel"
      data-step={error.step}
      data-problem={error.problem ?? undefined}
      mark="!"
      title={t.msg(error.message)}
      titleClassName="error-message"
      titleTestId="error-message"
      actions={
        <>
          {plan.choices.map((c) => (
            <BigButton key={c.choice} variant={c.variant} data-testid={c.testId} onClick={() => void resolve(c.choice)}>
              {t(c.label)}
            </BigButton>
          ))}
          {/* The header is behind the panel: voice guidance's replay is here too, named apart from «Повторить» (retry). */}
          <VoiceRepeat testId="voice-repeat-error" label="voice.again" />
        </>
      }
    >
      {error.shown && (
        <p className="error-shown" data-testid="error-shown">
          <span className="error-shown-label">{t('problem.misSays')}</span> <Mis>{error.shown}</Mis>
        </p>
      )}
      <p className="error-hint" data-testid="error-hint">
        {hint}
      </p>
    </Dialog>
  );
}
