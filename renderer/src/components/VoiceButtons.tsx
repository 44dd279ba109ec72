import type { MessageId } from '../../../electron/common/i18n/catalog';
import { useT } from '../i18n';
import { useFlow } from '../store/context';
import { canSpeak } from '../voice/speaker';
import { Icon } from './Icon';

/** Whether this kiosk can be heard in the session's language (its engine, or an OS voice it may use). */
function useVoiceAvailable(): boolean {
  return useFlow((s) => canSpeak(s.info?.voice, s.language, s.osVoices));
}

/**
 * «Озвучить»: voice guidance on or off for this session (it goes off when the session ends).
 * On Welcome next to the main button, in the header on every other screen.
 */
export function VoiceToggle({ className = '', testId = 'voice-toggle' }: { className?: string; testId?: string }) {
  const on = useFlow((s) => s.voice);
  const toggle = useFlow((s) => s.toggleVoice);
  const t = useT();
  if (!useVoiceAvailable()) return null;
  return (
    <button
      type="button"
      className={`btn btn-quiet nav-btn voice-btn${on ? ' voice-btn-on' : ''}${className ? ` ${className}` : ''}`}
      data-testid={testId}
      aria-pressed={on}
      onClick={toggle}
    >
      <Icon name="speaker" /> {t('voice.on')}
    </button>
  );
}

/** «Повторить»: the screen (or the error on it) said again; there while voice guidance is on. */
export function VoiceRepeat({ testId = 'voice-repeat', label = 'voice.repeat' }: { testId?: string; label?: Extract<MessageId, `voice.${string}`> }) {
  const on = useFlow((s) => s.voice);
  const repeat = useFlow((s) => s.repeatVoice);
  const t = useT();
  if (!on) return null;
  return (
    <button type="button" className="btn btn-quiet nav-btn voice-btn" data-testid={testId} onClick={repeat}>
      <Icon name="speaker" /> {t(label)}
    </button>
  );
}

/** The header's pair: «Озвучить» and, while it is on, «Повторить». */
export function VoiceButtons() {
  return (
    <div className="voice-buttons">
      <VoiceToggle />
      <VoiceRepeat />
    </div>
  );
}
