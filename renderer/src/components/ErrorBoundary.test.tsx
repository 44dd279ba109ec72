// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dialog } from './Dialog';
import { ErrorBoundary, componentOf, describeError } from './ErrorBoundary';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLDivElement;
let root: Root;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.useRealTimers();
});

const broken = { on: true };
function TicketScreen() {
  if (broken.on) throw new RangeError('not a date: 31.02.2026 25:99');
  return <p data-testid="fine">ok</p>;
}

describe('ErrorBoundary', () => {
  it('shows the calm screen, reports once without digits, and renders again after the countdown', () => {
    vi.useFakeTimers();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const onCrash = vi.fn();
    broken.on = true;
    act(() =>
      root.render(
        <ErrorBoundary onCrash={onCrash} seconds={2}>
          <TicketScreen />
        </ErrorBoundary>,
      ),
    );
    expect(host.querySelector('[data-testid="screen-crash"]')?.textContent).toContain('Что-то пошло не так');
    expect(host.textContent).toContain('через 2 секунды');
    expect(onCrash).toHaveBeenCalledTimes(1);
    expect(onCrash).toHaveBeenCalledWith('RangeError: not a date: ##.##.#### ##:##', 'TicketScreen');
    broken.on = false;
    act(() => vi.advanceTimersByTime(1000));
    expect(host.textContent).toContain('через 1 секунду');
    act(() => vi.advanceTimersByTime(1000));
    expect(host.querySelector('[data-testid="fine"]')).not.toBeNull();
  });

  it('masks digits and caps the length of what it reports', () => {
    expect(describeError(new Error('policy 5000000000000001'))).toBe('Error: policy ################');
    expect(describeError('x'.repeat(900))).toHaveLength(500);
    expect(componentOf('\n    at TicketScreen (http://x/a.js:1:2)\n    at main')).toBe('TicketScreen');
  });
});

describe('Dialog', () => {
  it('is a labelled modal that takes focus, keeps Tab inside and gives focus back', () => {
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    act(() =>
      root.render(
        <Dialog role="alertdialog" data-testid="d" title="Отменить запись?" actions={<><button>Нет</button><button>Да</button></>}>
          <p>Текст</p>
        </Dialog>,
      ),
    );
    const d = host.querySelector<HTMLElement>('[data-testid="d"]')!;
    expect(d.getAttribute('role')).toBe('alertdialog');
    expect(d.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(d.getAttribute('aria-labelledby')!)?.textContent).toBe('Отменить запись?');
    const [no, yes] = [...d.querySelectorAll('button')];
    expect(document.activeElement).toBe(no);
    yes!.focus();
    act(() => void d.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true })));
    expect(document.activeElement).toBe(no);
    act(() => void d.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true, bubbles: true })));
    expect(document.activeElement).toBe(yes);
    act(() => root.render(<></>));
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });
});
