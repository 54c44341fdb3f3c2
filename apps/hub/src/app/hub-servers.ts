import { createServer, type Server as HttpServer } from 'node:http';
import { Server as EngineServer } from 'engine.io';
import { Server as SocketServer } from 'socket.io';
import { MAX_BODY_BYTES, type ClientToServerEvents, type ServerToClientEvents } from '@layso/shared';
import { applyServerTimeouts, serverTimeoutOptions, type HttpTimeouts } from '../http/server-timeouts.js';
import type { HubServer, SocketData } from '../realtime/realtime-gateway.js';

/** The LAN's HTTP server and the socket.io server, not yet listening. */
export interface HubServers {
  httpServer: HttpServer;
  engine: EngineServer;
  io: HubServer;
}

export function createHubServers(timeouts: HttpTimeouts): HubServers {
  const httpServer: HttpServer = createServer(serverTimeoutOptions(timeouts));
  applyServerTimeouts(httpServer, timeouts);
  // socket.io runs on an engine of its own that is NOT attached to the HTTP server:
  // attaching adds engine.io's own 'request' listener, which claims requests by their
  // raw URL prefix, so one request could be answered twice (the hub crashed) or never.
  // The hub's one listener (attachHubListener in create-hub) hands the engine its requests.
  // Engine-level options (buffer size, pings, allowRequest) belong in socketOptions:
  // the engine gets them here, not through socket.io.
  const socketOptions = { serveClient: false, maxHttpBufferSize: MAX_BODY_BYTES };
  const engine = new EngineServer(socketOptions);
  const io: HubServer = new SocketServer<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(socketOptions);
  io.bind(engine);
  return { httpServer, engine, io };
}
