// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import BOOT_JS from '../boot/boot.js?raw';
import { takeOverFromBoot } from './boot-handover';
import { renderWelcome } from './prerender';

/** The page as index.html has it at build: the picture, then boot.js run as the parser would. */
function loadPicture(landscape: boolean): HTMLElement {
  document.body.innerHTML = `<div id="root">${renderWelcome()}</div>`;
  window.matchMedia = ((q: string) => ({ matches: landscape && q.includes('landscape') })) as unknown as typeof window.matchMedia;
  window.eval(BOOT_JS);
  return document.querySelector<HTMLElement>('[data-prerendered]')!;
}

const button = (id: string) => document.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`)!;

afterEach(() => {
  delete window.__kioskBoot;
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('prerendered Welcome', () => {
  it('is Welcome as React first draws it, marked as the picture, with its buttons open to a tap', () => {
    const html = renderWelcome();
    expect(html.startsWith('<div data-prerendered="" data-boot-failed="Инфомат не запустился. Пожалуйста, обратитесь в регистратуру." class="app"')).toBe(true);
    expect(html).toContain('data-testid="screen-welcome"');
    expect(html).toContain('Понадобится полис ОМС');
    // No tap guard on the first screen of a page load: the picture must take a tap.
    expect(html).not.toContain('data-settling');
    expect(html).not.toMatch(/data-testid="start"[^>]*disabled/);
  });

  it('boot.js lays the picture out for the screen and keeps the first tap on a button, once', () => {
    const app = loadPicture(true);
    expect(app.getAttribute('data-orientation')).toBe('landscape');
    // Shown only now (base.css hides an un-booted picture).
    expect(app.hasAttribute('data-booted')).toBe(true);
    button('start').click();
    button('display-mode').click();
    expect(button('start').getAttribute('aria-busy')).toBe('true');
    expect(window.__kioskBoot!.takeOver()).toBe('start');
    // Taken over: later taps are React's business, not kept again.
    button('start-appointments').click();
    expect(window.__kioskBoot!.takeOver()).toBeNull();
  });

  it('boot.js keeps nothing from a tap beside the buttons', () => {
    loadPicture(false);
    document.querySelector<HTMLElement>('.welcome-title')!.click();
    expect(window.__kioskBoot!.takeOver()).toBeNull();
  });

  it('boot.js forgets a tap nobody is waiting for any more', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
    loadPicture(false);
    button('start').click();
    vi.advanceTimersByTime(5_100);
    expect(window.__kioskBoot!.takeOver()).toBeNull();
  });

  it('boot.js says the kiosk did not start when React never takes over, and not when it does', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
    loadPicture(false);
    button('display-mode').click();
    vi.advanceTimersByTime(14_000);
    expect(document.querySelector('[data-testid="boot-failed"]')).toBeNull();
    vi.advanceTimersByTime(1_000);
    expect(document.querySelector('[data-testid="boot-failed"]')?.textContent).toBe('Инфомат не запустился. Пожалуйста, обратитесь в регистратуру.');
    expect(document.querySelector('[data-testid="start"]')).toBeNull();
    // Once it has said so, no tap is kept: a late React must not act on one.
    button('display-mode').click();
    expect(window.__kioskBoot!.takeOver()).toBeNull();

    loadPicture(false);
    window.__kioskBoot!.takeOver();
    vi.advanceTimersByTime(20_000);
    expect(document.querySelector('[data-testid="boot-failed"]')).toBeNull();
  });
});

describe('takeOverFromBoot', () => {
  function reactButton(disabled: boolean): { clicks: number } {
    document.body.innerHTML = `<button data-testid="start"${disabled ? ' disabled' : ''}>Записаться</button>`;
    const seen = { clicks: 0 };
    button('start').addEventListener('click', () => seen.clicks++);
    return seen;
  }

  it('replays the kept tap on React’s button of the same name', () => {
    const seen = reactButton(false);
    window.__kioskBoot = { takeOver: () => 'start' };
    takeOverFromBoot();
    expect(seen.clicks).toBe(1);
  });

  it('drops the kept tap when the patient has touched React’s Welcome since (the newer tap wins)', () => {
    const seen = reactButton(false);
    let asked = 0;
    window.__kioskBoot = { takeOver: () => (asked++, 'start') };
    takeOverFromBoot(window, true);
    expect(asked).toBe(1);
    expect(seen.clicks).toBe(0);
  });

  it('does not press a button React has disabled meanwhile, nor anything without a kept tap or boot.js', () => {
    const seen = reactButton(true);
    window.__kioskBoot = { takeOver: () => 'start' };
    takeOverFromBoot();
    expect(seen.clicks).toBe(0);
    const open = reactButton(false);
    window.__kioskBoot = { takeOver: () => null };
    takeOverFromBoot();
    delete window.__kioskBoot;
    takeOverFromBoot();
    expect(open.clicks).toBe(0);
  });
});
