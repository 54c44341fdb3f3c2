/**
 * The scrolling notice at the bottom of the board. Its speed stays the same whatever
 * the text's length (about 6 characters a second), so a long notice stays readable.
 */
export function NoticeBar({ text }: { text: string }) {
  const seconds = Math.max(12, Math.round(text.length / 6) + 10);
  return (
    <footer className="notice-bar" data-testid="notice-bar">
      {/* Started part-way so the text is on screen from the first second, not sliding in from the edge. */}
      <span className="notice-text" style={{ animationDuration: `${seconds}s`, animationDelay: `${-Math.round(seconds * 0.45)}s` }}>
        {text}
      </span>
    </footer>
  );
}
