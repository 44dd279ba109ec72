import { useEffect, useId, useRef, type HTMLAttributes, type KeyboardEvent, type ReactNode } from 'react';
import { useTapGuard } from './useTapGuard';

const inBox = (el: Element) => el.closest('.dialog') !== null;

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The one modal of the kiosk: a dimmed overlay, a card with a title, a body and big actions.
 * Focus moves into the dialog when it opens, Tab cannot leave it, and focus goes back where it
 * was when it closes. `alertdialog` for what interrupts the patient (errors, idle, an
 * irreversible cancel); the title names the dialog for screen readers (aria-labelledby).
 */
export function Dialog({
  role = 'dialog',
  title,
  titleClassName = 'dialog-title',
  titleTestId,
  mark,
  actions,
  overlay,
  className,
  children,
  ...rest
}: {
  role?: 'dialog' | 'alertdialog';
  title: ReactNode;
  /** The error panel shows the server's message as its title, in its own style. */
  titleClassName?: string;
  titleTestId?: string;
  /** A round sign above the title («!» on the error panel). */
  mark?: ReactNode;
  actions: ReactNode;
  /**
   * Stacking of the overlay: errors above the loading veil, the idle warning above all; the
   * header's «Начать заново?» (`restart`) above the screen it sits over, which it is not a part of.
   */
  overlay?: 'error' | 'idle' | 'restart';
  className?: string;
  children?: ReactNode;
} & Omit<HTMLAttributes<HTMLDivElement>, 'title' | 'role' | 'className' | 'children'>) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  // A dialog opens under the finger that caused it: its own buttons wait out a second tap too.
  const settling = useTapGuard('dialog', inBox);

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const el = box.current;
    if (el && !el.contains(document.activeElement)) {
      (el.querySelector<HTMLElement>('[autofocus]') ?? el.querySelector<HTMLElement>(FOCUSABLE) ?? el).focus();
    }
    return () => {
      if (before && before.isConnected) before.focus();
    };
  }, []);

  function trap(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key !== 'Tab' || !box.current) return;
    const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (items.length === 0) {
      e.preventDefault();
      return;
    }
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const active = document.activeElement;
    if (e.shiftKey && (active === first || !box.current.contains(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !box.current.contains(active))) {
      e.preventDefault();
      first.focus();
    }
  }

  return (
    <div className={`overlay${overlay ? ` overlay-${overlay}` : ''}`}>
      <div
        {...rest}
        ref={box}
        className={`dialog${className ? ` ${className}` : ''}`}
        data-settling={settling ? 'true' : undefined}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={trap}
      >
        {mark && (
          <div className="dialog-mark" aria-hidden="true">
            {mark}
          </div>
        )}
        <h2 id={titleId} className={titleClassName} data-testid={titleTestId}>
          {title}
        </h2>
        {children}
        <div className="dialog-actions">{actions}</div>
      </div>
    </div>
  );
}
