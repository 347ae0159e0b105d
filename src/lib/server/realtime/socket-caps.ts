/**
 * Caps on open live connections: a handful per session (a child with two tabs and a reconnect in
 * flight; a console and its spare), a hall's worth per address (the biggest hall, each child with a
 * couple of tabs, plus consoles and screens). Every socket receives every broadcast of its rooms, so
 * without a cap one cookie could open thousands and make the server send each message thousands of
 * times. A socket past a cap is refused in the handshake (`too_many_connections`); a closed socket
 * frees its place at once.
 */
import type { Socket } from 'socket.io';
import type { SharedSocketCounts } from '../cluster/socket-counts';
import { clientAddress } from './client-address';
import { HALL_CEILING_CHILDREN } from '../services/rate-limit';

export const SOCKET_CAPS = {
	perSession: Number(process.env.SOCKETS_PER_SESSION ?? 5),
	/** A staff session's tabs: the console, the leader page, the follow-ups, a spare. */
	perStaffSession: Number(process.env.SOCKETS_PER_STAFF_SESSION ?? 20),
	perAddress: Number(process.env.SOCKETS_PER_ADDRESS ?? HALL_CEILING_CHILDREN * 5)
};

type Next = (error?: Error) => void;

/**
 * A Socket.IO middleware, registered after the one that authenticates: `sessionOf` names the
 * session a socket belongs to (a participant, a staff session; null for a screen, which only the
 * address cap limits). With several processes (`shared`, in Redis) the caps hold across all of
 * them; while Redis does not answer, each process counts its own sockets, as one process does.
 */
export function socketCaps<S extends Socket<any, any, any, any>>(
	sessionOf: (socket: S) => string | null,
	caps: { perSession: number; perAddress: number; perStaffSession?: number } = SOCKET_CAPS,
	shared?: SharedSocketCounts
) {
	const open = new Map<string, number>();
	const add = (key: string, by: number) => {
		const n = (open.get(key) ?? 0) + by;
		if (n <= 0) open.delete(key);
		else open.set(key, n);
	};
	return async (socket: S, next: Next) => {
		const keys = [`address:${clientAddress(socket.handshake)}`];
		const session = sessionOf(socket);
		if (session) keys.push(`session:${session}`);
		const limits = [caps.perAddress, session?.startsWith('s:') ? (caps.perStaffSession ?? caps.perSession * 4) : caps.perSession];
		const admitted = (shared && (await shared.admit(socket.id, keys, limits))) ?? keys.every((key, i) => (open.get(key) ?? 0) < limits[i]);
		if (!admitted) return next(new Error('too_many_connections'));
		for (const key of keys) add(key, 1);
		let released = false;
		const release = () => {
			if (released) return;
			released = true;
			for (const key of keys) add(key, -1);
			shared?.release(socket.id);
		};
		socket.once('disconnect', release);
		next();
		// A client that hung up during the handshake never connects, and never disconnects either.
		setImmediate(() => {
			if (!socket.connected) release();
		});
	};
}
