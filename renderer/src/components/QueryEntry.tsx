import { useEffect, useRef, type ReactNode } from 'react';
import { BigButton } from './BigButton';

export interface QueryEntryProps {
  label: string;
  /** data-testid of the box. */
  fieldId: string;
  value: string;
  maxLength: number;
  lang?: string;
  /** A calm line under the box; null when all is well. */
  problem: string | null;
  /** The on-screen keys that type into the box. */
  keys: ReactNode;
  layoutClass?: string;
  submit: { label: string; testId: string; onClick: () => void };
}

/**
 * One box typed only with on-screen keys (and a physical keyboard, see usePhysicalKeys): no
 * system keyboard pops up, nothing autocorrects, and what was typed stays after a refusal.
 */
export function QueryEntry({ label, fieldId, value, maxLength, lang, problem, keys, layoutClass, submit }: QueryEntryProps) {
  const input = useRef<HTMLInputElement>(null);
  // The box has the focus, so a physical keyboard types into it as the keys would.
  useEffect(() => input.current?.focus(), []);
  return (
    <div className={`query-layout${layoutClass ? ` ${layoutClass}` : ''}`}>
      <div className="query-fields">
        <label className={`field field-active${problem ? ' field-bad' : ''}`}>
          <span className="field-label">{label}</span>
          <input
            ref={input}
            data-testid={fieldId}
            className="field-input query-input"
            type="text"
            inputMode="none"
            readOnly
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="off"
            spellCheck={false}
            lang={lang}
            maxLength={maxLength}
            value={value}
            aria-invalid={problem ? 'true' : undefined}
          />
        </label>
        <div className="identify-problem" role="alert" data-testid="referral-problem">
          {problem ?? ''}
        </div>
      </div>
      <div className="query-keys">{keys}</div>
      <BigButton className="query-submit" data-testid={submit.testId} onClick={submit.onClick}>
        {submit.label}
      </BigButton>
    </div>
  );
}
