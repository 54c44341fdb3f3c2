import { useState } from 'react';
import { formatWait, type Language } from '@layso/shared';
import { RemindForm } from './remind-form.js';
import { ts } from './ticket-strings.js';
import { ticketView } from './ticket-view.js';
import { useTicketStatus } from './use-ticket-status.js';
import './ticket-page.css';

/**
 * The citizen's live ticket page, opened from the QR code on the printed ticket
 * (/t/:day/:number): public, no login, no personal data, readable on a 360 px phone.
 */
export function TicketPage({ day, number }: { day: string | null; number: string | null }) {
  const [language, setLanguage] = useState<Language>('vi');
  if (day === null || number === null) return <TicketMessage language={language}>{ts(language, 'badLink')}</TicketMessage>;
  return <LiveTicket day={day} number={number} language={language} onToggleLanguage={() => setLanguage(language === 'vi' ? 'en' : 'vi')} />;
}

function LiveTicket({ day, number, language, onToggleLanguage }: { day: string; number: string; language: Language; onToggleLanguage(): void }) {
  const { status, catalog, connection, error } = useTicketStatus(day, number);
  if (error === 'notFound') return <TicketMessage language={language}>{ts(language, 'notFound')}</TicketMessage>;
  if (!status) return <TicketMessage language={language}>{ts(language, 'loading')}</TicketMessage>;
  const view = ticketView(status, catalog, language);

  return (
    <main className={`ticket-page ticket-${view.mode}`} lang={language} data-testid="ticket-page" data-status={status.status} data-ahead={view.ahead}>
      <header className="ticket-top">
        <span className="ticket-center">{catalog?.center.name ?? ''}</span>
        <button type="button" className="ticket-lang" data-testid="ticket-lang" onClick={onToggleLanguage}>
          {ts(language, 'switchLanguage')}
        </button>
      </header>
      <p className="ticket-label">{ts(language, 'title')}</p>
      <p className="ticket-number" data-testid="ticket-number">
        {view.number}
      </p>
      <p className="ticket-service">{view.serviceName}</p>
      <p className="ticket-headline" data-testid="ticket-headline">
        {view.headline}
      </p>
      <dl className="ticket-facts">
        {view.counters.length > 0 && <Fact label={ts(language, 'counter')} value={view.counters.join(', ')} testId="ticket-counter" />}
        <Fact label={ts(language, 'current')} value={view.current} testId="ticket-current" />
        {view.mode === 'waiting' && (
          <>
            <Fact label={ts(language, 'ahead')} value={String(view.ahead)} testId="ticket-ahead" />
            <Fact label={ts(language, 'estimate')} value={formatWait(view.estWaitMin, language)} testId="ticket-estimate" />
          </>
        )}
      </dl>
      {view.mode === 'waiting' && <RemindForm day={day} number={number} language={language} />}
      {connection === 'offline' && <p className="ticket-offline">{ts(language, 'offline')}</p>}
    </main>
  );
}

function Fact({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="ticket-fact">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

function TicketMessage({ language, children }: { language: Language; children: string }) {
  return (
    <main className="ticket-page ticket-message" lang={language} data-testid="ticket-message">
      <p>{children}</p>
    </main>
  );
}
