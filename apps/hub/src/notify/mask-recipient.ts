/**
 * Phone numbers and e-mail addresses are personal data (Decree 13/2023): logs and the
 * admin's message list show them masked — enough to tell two citizens apart, not
 * enough to call or write to them.
 */
export function maskRecipient(recipient: string | null): string {
  if (recipient === null) return '(đã xóa)';
  const at = recipient.indexOf('@');
  if (at > 0) return `${recipient[0]}***${recipient.slice(at)}`;
  if (recipient.length < 7) return '***';
  return `${recipient.slice(0, 4)}***${recipient.slice(-3)}`;
}
