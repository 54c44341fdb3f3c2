/** Where a scrolling list is: whether it overflows at all, and whether there is more above or below. */
export interface ScrollState {
  overflows: boolean;
  moreAbove: boolean;
  moreBelow: boolean;
}

export const NO_SCROLL: ScrollState = { overflows: false, moreAbove: false, moreBelow: false };

/** Sub-pixel layouts leave a pixel or so at the ends: that is not "more". */
const SLACK_PX = 2;

export function scrollStateOf(box: { scrollTop: number; scrollHeight: number; clientHeight: number }): ScrollState {
  const overflows = box.scrollHeight > box.clientHeight + SLACK_PX;
  if (!overflows) return NO_SCROLL;
  return {
    overflows,
    moreAbove: box.scrollTop > SLACK_PX,
    moreBelow: box.scrollTop + box.clientHeight < box.scrollHeight - SLACK_PX,
  };
}

export function sameScrollState(a: ScrollState, b: ScrollState): boolean {
  return a.overflows === b.overflows && a.moreAbove === b.moreAbove && a.moreBelow === b.moreBelow;
}

/** One arrow tap moves most of a screenful, leaving a row in sight for orientation. */
export function pageStep(clientHeight: number): number {
  return Math.max(1, Math.round(clientHeight * 0.8));
}
