// @vitest-environment jsdom
// The idle countdown runs on a monotonic clock: an NTP step of the kiosk's wall clock neither
// keeps a walked-away patient's session on the screen for minutes (a step back) nor ends an
// active patient's (a step forward). Found by `npm run soak`: a −5 min step while a patient
// walked away held the idle dialog back by five minutes.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FlowProvider } from '../store/context';
import { createFlowStore, type FlowStore } from '../store/flow-store';
import { fakeBridge, info } from '../store/test-helpers';
import { IdleDialog } from './IdleDialog';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLDivElement;
let root: Root;
let store: FlowStore;
let ended: ReturnType<typeof vi.fn>;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] });
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  store = createFlowStore(fakeBridge());
  ended = vi.fn();
  store.setState({ info: { ...info, idleSeconds: 10, countdownSeconds: 5 }, screen: 'referrals', endSession: ended as unknown as () => void });
  act(() =>
    root.render(
      <FlowProvider store={store}>
        <IdleDialog />
      </FlowProvider>,
    ),
  );
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.useRealTimers();
});

const dialog = () => host.querySelector('[data-testid="idle-dialog"]');
const wait = (ms: number) => act(() => vi.advanceTimersByTime(ms));

describe('IdleDialog and the wall clock', () => {
  it('a step back of five minutes does not hold the countdown back', () => {
    vi.setSystemTime(Date.now() - 5 * 60_000);
    wait(9_500);
    expect(dialog()).toBeNull();
    wait(1_000);
    expect(dialog()).not.toBeNull();
    wait(5_000);
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('a step forward of five minutes does not end an active session', () => {
    wait(2_000);
    vi.setSystemTime(Date.now() + 5 * 60_000);
    wait(1_000);
    expect(dialog()).toBeNull();
    expect(ended).not.toHaveBeenCalled();
    // The patient's own quiet time still counts as before.
    wait(7_500);
    expect(dialog()).not.toBeNull();
  });
});
