// Voice guidance's shared facts: what the screen may ask the kiosk's speech engine to say, and
// the engines a kiosk may speak with. The words themselves come from the catalogue (i18n/).

/** The longest utterance the bridge takes: the whole ticket in either language fits with room to spare. */
export const SPEECH_TEXT_LIMIT = 1000;
/** Something to say: no control characters (it goes to the engine's standard input), not blank. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it refuses
export const SPEECH_TEXT_PATTERN = /^(?=[^]*\S)[^\u0000-\u001f\u007f]+$/;

/**
 * What an utterance is, for the log's counts and the demo's file names: a screen's heading and
 * its choices, the option just chosen, a key's echo, an error, the ticket, a print outcome.
 */
export const SPEECH_KINDS = ['screen', 'choice', 'echo', 'error', 'ticket', 'status'] as const;
export type SpeechKind = (typeof SPEECH_KINDS)[number];

/**
 * Which engine speaks: `os` is the operating system's voice through Chromium's speechSynthesis
 * (Windows SAPI «Microsoft Irina», Linux speech-dispatcher); `espeak-ng` the kiosk's own engine
 * in the main process; `auto` the OS voice when it has one for the session's language, else espeak-ng.
 */
export const VOICE_ENGINES = ['auto', 'os', 'espeak-ng'] as const;
export type VoiceEngine = (typeof VOICE_ENGINES)[number];

/** The normal speaking rate (words per minute) of espeak-ng, which `voice.rate` (a percentage) scales. */
export const ESPEAK_NORMAL_WPM = 175;
