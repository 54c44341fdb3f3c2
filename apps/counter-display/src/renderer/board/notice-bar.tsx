/**
 * The scrolling notice at the bottom of the board. Its speed stays the same whatever
 * the text's length (about 6 characters a second), so a long notice stays readable.
 */
export function NoticeBar({ text }: { text: string }) {
  const seconds = Math.max(12, Math.round(text.length / 6) + 10);
  return (
    <footer className="notice-bar" data-testid="notice-bar">
      <span className="notice-text" style={{ animationDuration: `${seconds}s` }}>
        {text}
      </span>
    </footer>
  );
}
