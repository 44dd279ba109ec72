// Voice guidance for the session: «Озвучить» turns it on (Welcome or the header), «Повторить»
// says the last screen (or error) again, and it goes off when the session ends, like large
// print. While it is on, the store's own changes are spoken (renderer/src/voice/phrases.ts): a new
// screen (after the option just chosen), an error, a key's echo, a problem under the fields, the
// slip's outcome. Nothing here reads the page: the words follow the state, in the session's language.
import { clinicYmd, DEFAULT_CLINIC_TIME_ZONE } from '../../../electron/common/clinic-time';
import type { Translate } from '../../../electron/common/i18n/catalog';
import type { SpeechKind } from '../../../electron/common/speech';
import { liveBirthDateProblem } from '../logic/birth-date';
import { chosenPhrase, errorPhrase, printPhrase, screenPhrase, translatorOf, type Phrase } from '../voice/phrases';
import type { Speaker } from '../voice/speaker';
import type { StoreKit } from './kit';
import { heldReferral } from './foresee';
import type { FlowActions, FlowState } from './types';

type VoiceActions = Pick<FlowActions, 'toggleVoice' | 'repeatVoice' | 'sayIdleWarning'>;

/** What a key did to a typed value: the digit or letter added, «стёрто», «очищено»; null when nothing was typed. */
export function echoOf(before: string, after: string, t: Translate, word: (added: string) => string = (c) => c): string | null {
  if (before === after) return null;
  if (after.length === before.length + 1 && after.startsWith(before)) return word(after.slice(-1));
  if (after.length < before.length) return after === '' && before.length > 1 ? t('say.cleared') : t('say.erased');
  // A scan or a paste filled it at once: the screen's own notice says so.
  return null;
}

const digitWord = (t: Translate) => (c: string) => (/^\d$/.test(c) ? t('say.digit', { digit: Number(c) }) : c);

/** The echo of the patient's last key on the screen's fields (one field changes per key). */
function echo(prev: FlowState, next: FlowState, t: Translate): string | null {
  if (next.screen === 'identify') {
    const a = prev.draft;
    const b = next.draft;
    if (b.month !== a.month) {
      const m = Number(b.month);
      return b.month && m >= 1 && m <= 12 ? t('say.month', { month: m }) : echoOf(a.month, b.month, t, digitWord(t));
    }
    for (const f of ['policy', 'day', 'year'] as const) if (a[f] !== b[f]) return echoOf(a[f], b[f], t, digitWord(t));
    return null;
  }
  if (next.screen === 'referralNumber') return echoOf(prev.referralQuery.number, next.referralQuery.number, t, digitWord(t));
  if (next.screen === 'referralSurname') return echoOf(prev.referralQuery.surname, next.referralQuery.surname, t, (c) => (c === ' ' ? t('keyboard.space') : c === '-' ? t('keyboard.hyphen') : c));
  if (next.screen === 'waitlist' && prev.waitlist && next.waitlist) return echoOf(prev.waitlist.phone, next.waitlist.phone, t, digitWord(t));
  return null;
}

/** The line under the fields that the screen shows in red (or the scan's notice), in words. */
function fieldProblem(s: FlowState, t: Translate): string | null {
  if (s.screen === 'identify') {
    if (s.identifyProblem) return t.msg(s.identifyProblem.message);
    const tz = s.info?.timeZone ?? DEFAULT_CLINIC_TIME_ZONE;
    const live = liveBirthDateProblem(s.draft, clinicYmd(new Date().toISOString(), tz));
    if (live && !live.ok) return t.msg(live.message);
    return s.scanNotice ? t.msg(s.scanNotice) : null;
  }
  if (s.referralProblem && s.referralProblem.on === s.screen) return t.msg(s.referralProblem.message);
  if (s.screen === 'waitlist' && s.waitlist?.problem) return t.msg(s.waitlist.problem);
  return null;
}

/** Which screen the patient sees: a new one is spoken in full. */
const screenKey = (s: FlowState) => `${s.screen}|${s.waitlist?.confirming ? 'check' : ''}|${heldReferral(s)?.guid ?? ''}`;

export function createVoiceActions({ get, set }: Pick<StoreKit, 'get' | 'set'>, speaker: Speaker): VoiceActions & { watch(next: FlowState, prev: FlowState): void } {
  /** What «Повторить» says: the last screen, ticket or error phrase. */
  let last: Phrase | null = null;
  /**
   * The state when the screen on the glass came: what was chosen since is the option just tapped
   * (a choice is stored a moment before its next screen, with the options passed by on the way).
   */
  let seen: FlowState | null = null;

  const say = (s: FlowState, p: Phrase | null, interrupt: boolean, remember = true) => {
    if (!p || !p.text) return;
    if (remember) last = p;
    speaker.say(p.text, s.language, p.kind, interrupt);
  };
  const line = (text: string | null, kind: SpeechKind): Phrase | null => (text ? { text, kind } : null);
  const current = (s: FlowState, t: Translate): Phrase | null => (s.error ? { text: errorPhrase(s.error, t), kind: 'error' } : screenPhrase(s, t));

  return {
    toggleVoice() {
      set({ voice: !get().voice });
    },

    repeatVoice() {
      const s = get();
      if (!s.voice) return;
      const t = translatorOf(s);
      // The screen as it is now, when its phrase is known afresh; else what was said last.
      say(s, current(s, t) ?? last, true);
    },

    sayIdleWarning(secondsLeft) {
      const s = get();
      if (!s.voice) return;
      const t = translatorOf(s);
      // Not remembered for «Повторить»: once the patient answers, the screen is what matters again.
      say(s, { text: `${t('idle.title')} ${t('idle.text', { n: secondsLeft })} ${t('say.options', { list: t('action.stay') })}`, kind: 'status' }, true, false);
    },

    watch(next, prev) {
      if (!next.voice) {
        if (prev.voice) {
          last = null;
          seen = null;
          speaker.stop();
        }
        return;
      }
      const t = translatorOf(next);
      if (!prev.voice || next.language !== prev.language) {
        seen = next;
        const p = current(next, t);
        say(next, p && { ...p, text: `${t('voice.enabled')} ${p.text}` }, true);
        return;
      }
      // «Для инвалидной коляски» changes where the buttons are: the patient hears which way it went.
      if (next.reach !== prev.reach) say(next, line(t(next.reach ? 'reach.saidOn' : 'reach.saidOff'), 'status'), true, false);
      if (next.error && next.error !== prev.error) return say(next, { text: errorPhrase(next.error, t), kind: 'error' }, true);
      if (!next.error && prev.error && screenKey(next) === screenKey(prev)) {
        // The panel closed on the same screen: «Повторить» says the screen again.
        last = screenPhrase(next, t);
        return;
      }
      if (screenKey(next) !== screenKey(prev)) {
        const chosen = chosenPhrase(seen ?? prev, next, t);
        seen = next;
        if (chosen) say(next, { text: chosen, kind: 'choice' }, true, false);
        say(next, screenPhrase(next, t), !chosen);
        return;
      }
      const typed = echo(prev, next, t);
      if (typed) say(next, line(typed, 'echo'), true, false);
      const problem = fieldProblem(next, t);
      if (problem && problem !== fieldProblem(prev, t)) say(next, line(problem, 'error'), !typed, false);
      if (next.screen === 'ticket' && next.print.phase !== prev.print.phase) say(next, line(printPhrase(next, t), 'status'), false, false);
    },
  };
}
