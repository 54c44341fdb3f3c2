import { BoardPage } from './board/board-page.js';
import { StatusScreen } from './common/status-screen.js';
import { ConsoleApp } from './console/console-app.js';
import { DoorPage } from './door/door-page.js';
import type { Route } from './route.js';
import { SettingsPage } from './settings/settings-page.js';
import { RatePage } from './rate/rate-page.js';
import { UI } from './strings.js';
import { TicketPage } from './ticket-page/ticket-page.js';

/** One renderer, four screens: which one is decided by the address (route.ts). */
export function App({ route, token }: { route: Route; token: string | null }) {
  switch (route.role) {
    case 'console':
      return <ConsoleApp counterParam={route.counter} />;
    case 'door':
      return <DoorPage counter={route.counter} token={token} />;
    case 'board':
      return <BoardPage params={route.board} token={token} />;
    case 'settings':
      return <SettingsPage />;
    case 'rate':
      return <RatePage counter={route.counter} />;
    case 'ticket':
      return <TicketPage day={route.day} number={route.number} />;
    default:
      return <StatusScreen tone="error">{UI.unknownPage}</StatusScreen>;
  }
}
