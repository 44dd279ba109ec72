import { useCallback, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n';
import { Icon } from './Icon';

// A list that may be longer than the screen. Swiping works, but a shaky finger on a public
// touchscreen often taps instead, so explicit «Выше»/«Ниже» buttons appear whenever there is
// more to see, and a fade marks the cut edge.
export function ScrollArea({ children, className }: { children: ReactNode; className?: string }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState({ up: false, down: false });

  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const up = el.scrollTop > 2;
    const down = el.scrollTop + el.clientHeight < el.scrollHeight - 2;
    setEdges((prev) => (prev.up === up && prev.down === down ? prev : { up, down }));
  }, []);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    for (const child of Array.from(el.children)) ro.observe(child);
    return () => ro.disconnect();
  }, [measure, children]);

  const page = (dir: 1 | -1) => {
    const el = ref.current;
    if (el) el.scrollBy({ top: dir * el.clientHeight * 0.8, behavior: 'smooth' });
  };

  const scrollable = edges.up || edges.down;
  return (
    <div className={`scroll-wrap${className ? ` ${className}` : ''}`}>
      {/* The fades are plain gradient strips over the list, not a mask-image on it: without a
          GPU a mask costs the compositor a whole extra render pass (~25 ms) on every frame
          while the list is on screen, measured by `npm run bench`. */}
      <div className="scroll-view">
        <div ref={ref} className="scroll-area" onScroll={measure}>
          {children}
        </div>
        {edges.up && <div className="scroll-fade scroll-fade-top" aria-hidden="true" data-testid="fade-top" />}
        {edges.down && <div className="scroll-fade scroll-fade-bottom" aria-hidden="true" data-testid="fade-bottom" />}
      </div>
      {scrollable && (
        <div className="pager">
          <button type="button" className="btn btn-secondary pager-btn" disabled={!edges.up} onClick={() => page(-1)}>
            <Icon name="up" /> {t('list.up')}
          </button>
          <span className="pager-hint">{t(edges.down ? 'list.more' : 'list.end')}</span>
          <button type="button" className="btn btn-secondary pager-btn" disabled={!edges.down} onClick={() => page(1)}>
            <Icon name="down" /> {t('list.down')}
          </button>
        </div>
      )}
    </div>
  );
}
