/**
 * A list that may be taller than the screen (many services on a wall screen, a
 * tablet): it scrolls by finger, and while it does a bar under it says so
 * ("Kéo xuống để xem thêm") with ▲ ▼ buttons for those who do not think of swiping.
 * The bar sits under the list, never over it, so it covers no button.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useText } from '../hooks/use-text.js';
import { NO_SCROLL, pageStep, sameScrollState, scrollStateOf, type ScrollState } from '../logic/scroll-state.js';

export interface ScrollAreaProps {
  /** Classes of the list itself (its grid or column layout). */
  className: string;
  children: ReactNode;
  testId?: string;
}

export function ScrollArea({ className, children, testId }: ScrollAreaProps) {
  const say = useText();
  const list = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<ScrollState>(NO_SCROLL);
  const measure = useCallback(() => {
    const box = list.current;
    if (!box) return;
    const next = scrollStateOf(box);
    setState((current) => (sameScrollState(current, next) ? current : next));
  }, []);
  // After every render: live updates change the rows' heights.
  useLayoutEffect(measure);
  useEffect(() => {
    const box = list.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    for (const child of box.children) observer.observe(child);
    return () => observer.disconnect();
  }, [measure, children]);
  const scroll = (direction: 1 | -1) => {
    const box = list.current;
    if (box) box.scrollBy({ top: direction * pageStep(box.clientHeight), behavior: 'smooth' });
  };
  return (
    <div className="scroll-area" data-testid="scroll-area">
      <div
        ref={list}
        className={`scroll-area-list ${className}`}
        data-testid={testId}
        data-more-above={state.moreAbove}
        data-more-below={state.moreBelow}
        onScroll={measure}
      >
        {children}
      </div>
      {state.overflows && (
        <div className="scroll-more" data-testid="scroll-more">
          <button type="button" className="scroll-arrow" data-testid="scroll-up" aria-label={say('scrollUp')} disabled={!state.moreAbove} onClick={() => scroll(-1)}>
            ▲
          </button>
          <span className="scroll-more-text">{say(state.moreBelow ? 'scrollForMore' : 'scrollEnd')}</span>
          <button type="button" className="scroll-arrow" data-testid="scroll-down" aria-label={say('scrollDown')} disabled={!state.moreBelow} onClick={() => scroll(1)}>
            ▼
          </button>
        </div>
      )}
    </div>
  );
}
