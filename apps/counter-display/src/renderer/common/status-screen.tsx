import type { ReactNode } from 'react';

/** A full-screen message: connecting, a configuration error, a bad token. */
export function StatusScreen({ children, tone = 'info' }: { children: ReactNode; tone?: 'info' | 'error' }) {
  return (
    <main className={`status-screen status-${tone}`} data-testid="status-screen">
      <p>{children}</p>
    </main>
  );
}
