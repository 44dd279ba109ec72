import type { ReactNode } from 'react';
import type { Screen as ScreenName } from '../store/types';

export function Screen({
  name,
  title,
  lead,
  action,
  children,
  className,
}: {
  name: ScreenName;
  title: string;
  lead?: ReactNode;
  /** A secondary action beside the title, out of the way of the main choice. */
  action?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section className={`screen screen-${name}${className ? ` ${className}` : ''}`} data-testid={`screen-${name}`}>
      <div className="screen-head">
        <div className="screen-head-text">
          <h1 className="screen-title">{title}</h1>
          {lead && <p className="screen-lead">{lead}</p>}
        </div>
        {action}
      </div>
      {children}
    </section>
  );
}
