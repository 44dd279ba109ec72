import type { ReactNode } from 'react';
import { Icon } from './Icon';

// A whole card is one button. Unavailable cards stay visible and readable (with the reason)
// but are marked aria-disabled rather than disabled, so the reason is still announced and
// tests can see why the choice is off.
export function ChoiceCard({
  testId,
  disabled,
  onChoose,
  children,
}: {
  testId: string;
  disabled: boolean;
  onChoose: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={`card${disabled ? ' card-disabled' : ''}`}
      data-testid={testId}
      aria-disabled={disabled ? 'true' : undefined}
      data-disabled={disabled ? 'true' : undefined}
      onClick={disabled ? undefined : onChoose}
    >
      <span className="card-body">{children}</span>
      {!disabled && (
        <span className="card-go">
          <Icon name="forward" size={44} />
        </span>
      )}
    </button>
  );
}
