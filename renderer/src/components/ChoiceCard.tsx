import type { ReactNode } from 'react';
import { useFlow } from '../store/context';
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
  // While an answer is awaited the card does nothing (the store ignores it too); it stays
  // readable, so a quick answer does not flash the whole list grey.
  const busy = useFlow((s) => s.busy);
  return (
    <button
      type="button"
      className={`card${disabled ? ' card-disabled' : ''}`}
      data-testid={testId}
      aria-disabled={disabled ? 'true' : undefined}
      data-disabled={disabled ? 'true' : undefined}
      aria-busy={busy && !disabled ? 'true' : undefined}
      onClick={disabled || busy ? undefined : onChoose}
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
