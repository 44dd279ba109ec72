// Loads the screens after Welcome (flow-screens.ts) once Welcome has been painted. By the time
// a patient's finger reaches «Записаться» they are in memory and every later screen renders
// in the same frame as before; only a tap in the first moments after start waits for them,
// and it waits on a calm «Загрузка…», never on a blank main area.
import { useSyncExternalStore } from 'react';
import type { FLOW_SCREENS } from './flow-screens';

type Screens = typeof FLOW_SCREENS;

let screens: Screens | null = null;
let failure: Error | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

/** Starts loading (once); a failed load is started again by the next call. */
export function loadFlowScreens(): Promise<void> {
  if (!loading && failure) {
    failure = null;
    notify();
  }
  loading ??= import('./flow-screens').then(
    (m) => {
      screens = m.FLOW_SCREENS;
      failure = null;
      notify();
    },
    (err: unknown) => {
      // The chunk comes from the kiosk's own files; if it cannot be read the error boundary
      // shows its calm screen, and the next try starts afresh.
      loading = null;
      failure = err instanceof Error ? err : new Error(String(err));
      notify();
    },
  );
  return loading;
}

/** After the first paint: two frames, then a task, so Welcome's own frame is never delayed. */
export function loadFlowScreensAfterPaint(): void {
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => void loadFlowScreens(), 0)));
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};

/**
 * The screens once loaded, else null (and the load is started). A failed load is thrown to the
 * error boundary, whose calm screen leads back to Welcome, and Welcome starts the load again.
 */
export function useFlowScreens(): Screens | null {
  const s = useSyncExternalStore(subscribe, () => screens);
  const f = useSyncExternalStore(subscribe, () => failure);
  if (f) throw f;
  if (!s) void loadFlowScreens();
  return s;
}
