import type { Ack, ClientToServerEvents, HandshakeAuth, ServerToClientEvents } from '$lib/realtime/protocol';
import { ACK_TIMEOUT_MS, connectForum, type ConnectionState, type ForumSocket } from './socket';

type SyncCommand = 'participant:sync' | 'display:sync' | 'staff:sync';
type SnapshotOf<C extends SyncCommand> = Extract<Parameters<Parameters<ClientToServerEvents[C]>[1]>[0], { ok: true }>['data'];
type SyncInputOf<C extends SyncCommand> = Parameters<ClientToServerEvents[C]>[0];

/** Socket.IO does not retry a handshake the server refused; every room tries again after this. */
export const RETRY_REFUSED_MS = 5000;

/** Opens the socket; tests hand in a fake one. */
export type OpenSocket = (auth: HandshakeAuth) => ForumSocket;

export interface LiveRoom<C extends SyncCommand> {
	/** What the sync names, asked at each (re)connect: e.g. how far the room's view has come. */
	syncInput?(): SyncInputOf<C>;
	/** After every (re)connect: the server's view, or null when the sync got no answer. */
	synced(snapshot: SnapshotOf<C> | null): void;
	state(connection: ConnectionState): void;
	/** A handshake the server refused; true when the room took it in hand and nothing is retried. */
	refused?(reason: string): boolean;
	/** The server closed the connection itself ('io server disconnect'): Socket.IO will not come back. */
	closed?(): void;
}

export interface LiveConnection {
	socket: ForumSocket;
	/** Listens to a broadcast; those that arrive while a sync is on its way are applied after it. */
	on<E extends keyof ServerToClientEvents>(event: E, listener: ServerToClientEvents[E]): void;
	close(): void;
}

/**
 * The live channel of a phone, a screen or a console: connects, asks for the server's view on every
 * (re)connect, and retries a refused handshake, each the same way.
 *
 * Broadcasts that arrive while the sync is on its way are applied on top of its snapshot, in order:
 * one the server sent after reading the snapshot must not be undone by it, and one sent before is
 * no older than the snapshot's figure or is followed by the broadcast of what changed since.
 */
export function goLive<C extends SyncCommand>(auth: HandshakeAuth, sync: C, room: LiveRoom<C>, open: OpenSocket = connectForum): LiveConnection {
	const socket = open(auth);
	let retry: ReturnType<typeof setTimeout> | undefined;
	let held: (() => void)[] | null = null;
	const away = () => room.state(globalThis.navigator?.onLine === false ? 'offline' : 'connecting');

	socket.on('connect', async () => {
		room.state('online');
		const waiting: (() => void)[] = (held = []);
		const timed = socket.timeout(ACK_TIMEOUT_MS) as unknown as { emitWithAck(command: C, input: object): Promise<Ack<SnapshotOf<C>>> };
		const synced = await timed.emitWithAck(sync, room.syncInput?.() ?? {}).catch(() => null);
		if (held === waiting) held = null;
		room.synced(synced?.ok ? synced.data : null);
		for (const apply of waiting) apply();
	});
	socket.on('disconnect', (reason) => {
		away();
		if (reason === 'io server disconnect') room.closed?.();
	});
	socket.on('connect_error', (error) => {
		away();
		if (room.refused?.(error.message) || socket.active) return;
		clearTimeout(retry);
		retry = setTimeout(() => socket.connect(), RETRY_REFUSED_MS);
	});

	return {
		socket,
		on(event, listener) {
			const hold = (...args: unknown[]) => {
				const apply = () => (listener as (...a: unknown[]) => void)(...args);
				if (held) held.push(apply);
				else apply();
			};
			socket.on(event, hold as never);
		},
		close() {
			clearTimeout(retry);
			socket.disconnect();
		}
	};
}
