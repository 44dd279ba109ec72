import type { CSSProperties } from 'react';
import { useT } from '../i18n';
import { DEFAULT_REACH, reachableShare, reachModeUseful } from '../logic/reach';
import { useFlow } from '../store/context';
import { useOrientation } from '../useOrientation';
import { Icon } from './Icon';

/** Whether this kiosk offers reach mode on this screen (portrait, its top out of a seated patient's reach). */
export function useReachOffered(): boolean {
  const orientation = useOrientation(useFlow((s) => s.info?.orientation));
  return useFlow((s) => reachModeUseful(s.info?.reach ?? DEFAULT_REACH, orientation));
}

/** Reach mode is on and this screen lays itself out for it. */
export function useReachLayout(): boolean {
  const on = useFlow((s) => s.reach);
  return useReachOffered() && on;
}

/**
 * What the frame needs for reach mode: the attribute its styles hang on and the height of the
 * top part that holds no control (a share of the screen, from the config's geometry). Nothing
 * when the mode is off or the screen is landscape: there every control is already in reach.
 */
export function useReachFrame(): { 'data-reach'?: 'on'; style?: CSSProperties } {
  const active = useReachLayout();
  const share = useFlow((s) => reachableShare(s.info?.reach ?? DEFAULT_REACH));
  if (!active) return {};
  return { 'data-reach': 'on', style: { '--reach-top': `${((1 - share) * 100).toFixed(2)}vh` } as CSSProperties };
}

/**
 * «Для инвалидной коляски» on Welcome: every control of every screen goes to the lower part,
 * within a seated patient's reach, for this session. It sits low itself.
 */
export function ReachToggle() {
  const on = useFlow((s) => s.reach);
  const toggle = useFlow((s) => s.toggleReach);
  const offered = useReachOffered();
  const t = useT();
  if (!offered) return null;
  return (
    <button type="button" className={`btn btn-quiet nav-btn reach-btn${on ? ' reach-btn-on' : ''}`} data-testid="reach-toggle" aria-pressed={on} onClick={toggle}>
      <Icon name="wheelchair" /> {t('reach.toggle')}
    </button>
  );
}
