import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, HandshakeAuth, ServerToClientEvents } from '$lib/realtime/protocol';

export type ForumSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type ConnectionState = 'connecting' | 'online' | 'offline';

/**
 * Same origin as the page; the participant's cookie rides along in the handshake. Long-polling
 * first, then WebSocket: never WebTransport, which the build leaves out (vite.config.ts).
 */
export function connectForum(auth: HandshakeAuth): ForumSocket {
	return io({ auth, transports: ['polling', 'websocket'], reconnectionDelay: 500, reconnectionDelayMax: 4000, timeout: 8000 });
}

/** Commands wait this long for an ack before the phone treats them as not delivered. */
export const ACK_TIMEOUT_MS = 8000;
