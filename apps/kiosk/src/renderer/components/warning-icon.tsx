/** A drawn warning sign (emoji fonts differ between kiosks; an SVG does not). */
export function WarningIcon() {
  return (
    <svg className="notice-icon" viewBox="0 0 100 100" aria-hidden="true">
      <path d="M50 6 L96 90 H4 Z" fill="#ffd400" stroke="#000" strokeWidth="4" strokeLinejoin="round" />
      <rect x="45" y="34" width="10" height="32" rx="4" fill="#000" />
      <circle cx="50" cy="77" r="6" fill="#000" />
    </svg>
  );
}
