import type { ReactNode } from 'react';
import type { Screen as ScreenName } from '../store/types';
import { useReachLayout } from './ReachToggle';
import { ScrollArea } from './ScrollArea';
import { StepIndicator } from './StepIndicator';

export function Screen({
  name,
  title,
  lead,
  action,
  info,
  children,
  className,
}: {
  name: ScreenName;
  title: string;
  lead?: ReactNode;
  /** A secondary action beside the title, out of the way of the main choice. */
  action?: ReactNode;
  /**
   * What the patient reads but never taps (a picture, a summary): in reach mode it joins the
   * heading in the top part of the screen, out of reach, so the controls below have the room.
   */
  info?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const reach = useReachLayout();
  const classes = `screen screen-${name}${className ? ` ${className}` : ''}`;
  if (reach) {
    // Reach mode: the top part (steps, heading, what is only read) fills the screen down to the
    // reach line; every control is in the body below it, which scrolls rather than cuts anything.
    return (
      <section className={`${classes} screen-reach`} data-testid={`screen-${name}`}>
        <div className="screen-head reach-top" data-testid="reach-top">
          <StepIndicator />
          <div className="screen-head-text">
            <h1 className="screen-title">{title}</h1>
            {lead && <p className="screen-lead">{lead}</p>}
          </div>
          {info}
        </div>
        {/* Scrolls when it cannot be condensed enough (large print, a long list), with «Выше»/«Ниже». */}
        <ScrollArea className="reach-body">
          {action && <div className="reach-action">{action}</div>}
          {children}
        </ScrollArea>
      </section>
    );
  }
  return (
    <section className={classes} data-testid={`screen-${name}`}>
      <div className="screen-head">
        <div className="screen-head-text">
          <h1 className="screen-title">{title}</h1>
          {lead && <p className="screen-lead">{lead}</p>}
        </div>
        {action}
      </div>
      {info}
      {children}
    </section>
  );
}
