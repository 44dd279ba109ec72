// Words the renderer uses on more than one screen. Sentences shared with the core or the
// printed slip live in electron/common/texts.ts (TEXTS); one-off texts stay in their screen.
import { TEXTS } from '../../electron/common/texts';

export const LABELS = {
  /** The header button, the error panel and the crash screen: the same verb everywhere. */
  startOver: TEXTS.actions.startOver,
  printAgain: TEXTS.actions.printAgain,
  retry: 'Повторить',
  myAppointments: 'Мои записи',
  toReferrals: 'К направлениям',
} as const;

export const HINTS = {
  registry: 'Обратитесь, пожалуйста, в регистратуру.',
  startOver: 'Начните, пожалуйста, заново.',
} as const;
