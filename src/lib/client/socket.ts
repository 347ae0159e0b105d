import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, HandshakeAuth, ServerToClientEvents } from '$lib/realtime/protocol';
import { fallBackToPolling } from './transport-fallback';
import { uuidV4 } from './uuid';

export type ForumSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type ConnectionState = 'connecting' | 'online' | 'offline';

/** The query parameter deploy/nginx.conf hashes on to keep one device on one app process. */
export const LANE_PARAM = 'lane';
const LANE_STORAGE_KEY = 'dd-lane';

/**
 * A random key per browser tab, kept across reloads. Behind nginx with several app processes, a
 * long-polling session must reach the process that opened it; a hall shares one public address,
 * so the key rather than the address picks the process, and the phones of one forum spread over
 * all of them. Without storage (private mode) a fresh key per page load works just as well.
 */
function laneKey(): string {
	try {
		const kept = sessionStorage.getItem(LANE_STORAGE_KEY);
		if (kept) return kept;
		const key = uuidV4();
		sessionStorage.setItem(LANE_STORAGE_KEY, key);
		return key;
	} catch {
		return uuidV4();
	}
}

/**
 * Same origin as the page; the participant's cookie rides along in the handshake. WebSocket
 * first; long-polling only where the network refuses WebSockets (transport-fallback.ts); never
 * WebTransport, which the build leaves out (vite.config.ts).
 */
export function connectForum(auth: HandshakeAuth): ForumSocket {
	const socket: ForumSocket = io({
		auth,
		query: { [LANE_PARAM]: laneKey() },
		transports: ['websocket'],
		reconnectionDelay: 500,
		// At most 2 s (±50 % jitter) between tries: after a server restart every phone is back within
		// about 3 s of it listening (issue 18's restart budget is 5 s); the jitter spreads the hall out.
		reconnectionDelayMax: 2000,
		timeout: 8000
	});
	fallBackToPolling(socket);
	return socket;
}

/** Commands wait this long for an ack before the phone treats them as not delivered. */
export const ACK_TIMEOUT_MS = 8000;
