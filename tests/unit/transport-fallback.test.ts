import { describe, expect, it, vi } from 'vitest';
import type { ForumSocket } from '$lib/client/socket';
import { fallBackToPolling } from '$lib/client/transport-fallback';

/** Just what the fallback touches of a Socket.IO client socket: its events and its manager's options. */
function fakeSocket() {
	const listeners = new Map<string, Set<(arg?: unknown) => unknown>>();
	const socket = {
		io: { opts: { transports: ['websocket'] as unknown[] } },
		on(event: string, fn: (arg?: unknown) => unknown) {
			(listeners.get(event) ?? listeners.set(event, new Set()).get(event)!).add(fn);
			return socket;
		},
		off(event: string, fn: (arg?: unknown) => unknown) {
			listeners.get(event)?.delete(fn);
			return socket;
		},
		async fire(event: string, arg?: unknown) {
			await Promise.all([...(listeners.get(event) ?? [])].map((fn) => fn(arg)));
		}
	};
	return socket;
}

const wsRefused = Object.assign(new Error('websocket error'), { type: 'TransportError' });
const timedOut = new Error('timeout');
const turnedAway = Object.assign(new Error('not_joined'), { data: undefined });

type LoadPolling = NonNullable<Parameters<typeof fallBackToPolling>[2]>;

function setUp(reachable: boolean, memory = { needed: false }, loaded: LoadPolling = async () => ({}) as Awaited<ReturnType<LoadPolling>>) {
	const socket = fakeSocket();
	const loadPolling = vi.fn(loaded);
	const reload = vi.fn();
	fallBackToPolling(
		socket as unknown as ForumSocket,
		async () => reachable,
		loadPolling,
		{ get: () => memory.needed, set: () => void (memory.needed = true) },
		reload
	);
	return { socket, loadPolling, memory, reload };
}

describe('a phone whose network refuses WebSockets', () => {
	it('goes on by long-polling after two refused tries while the server answers', async () => {
		const { socket, loadPolling } = setUp(true);
		await socket.fire('connect_error', wsRefused);
		expect(socket.io.opts.transports).toEqual(['websocket']);
		await socket.fire('connect_error', timedOut);
		expect(loadPolling).toHaveBeenCalledOnce();
		expect(socket.io.opts.transports).toEqual(['polling', 'websocket']);
		// Once switched, further failures change nothing and load nothing again.
		await socket.fire('connect_error', wsRefused);
		await socket.fire('connect_error', wsRefused);
		expect(loadPolling).toHaveBeenCalledOnce();
	});

	it('reloads once the polling code is gone after a redeploy, remembering to poll; not when the server is away', async () => {
		const gone: LoadPolling = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
		const { socket, reload, memory } = setUp(true, { needed: true }, gone);
		await socket.fire('connect_error', wsRefused);
		expect(reload).toHaveBeenCalledOnce();
		expect(memory.needed).toBe(true);

		// The server answered, then the network went while the code loaded: no reload into an offline page.
		let answers = 0;
		const dropping = fakeSocket();
		const noReload = vi.fn();
		fallBackToPolling(dropping as unknown as ForumSocket, async () => answers++ === 0, gone, { get: () => true, set: () => {} }, noReload);
		await dropping.fire('connect_error', wsRefused);
		expect(noReload).not.toHaveBeenCalled();
	});

	it('stays on WebSockets while the server itself is away (a restart): the whole hall must not move to polling', async () => {
		const { socket, loadPolling } = setUp(false);
		for (let i = 0; i < 5; i++) await socket.fire('connect_error', wsRefused);
		expect(loadPolling).not.toHaveBeenCalled();
		expect(socket.io.opts.transports).toEqual(['websocket']);
	});

	it('stays on WebSockets when the server turned the phone away: the WebSocket itself worked', async () => {
		const { socket, loadPolling } = setUp(true);
		for (let i = 0; i < 5; i++) await socket.fire('connect_error', turnedAway);
		expect(loadPolling).not.toHaveBeenCalled();
	});

	it('remembers it for the tab: after a reload, one refused try is enough', async () => {
		const first = setUp(true);
		await first.socket.fire('connect_error', wsRefused);
		await first.socket.fire('connect_error', wsRefused);
		expect(first.memory.needed).toBe(true);
		const reloaded = setUp(true, first.memory);
		await reloaded.socket.fire('connect_error', wsRefused);
		expect(reloaded.loadPolling).toHaveBeenCalledOnce();
		expect(reloaded.socket.io.opts.transports).toEqual(['polling', 'websocket']);
	});

	it('forgets one failure once a connection succeeds', async () => {
		const { socket, loadPolling } = setUp(true);
		await socket.fire('connect_error', wsRefused);
		await socket.fire('connect');
		await socket.fire('connect_error', wsRefused);
		expect(loadPolling).not.toHaveBeenCalled();
		await socket.fire('connect_error', wsRefused);
		expect(loadPolling).toHaveBeenCalledOnce();
	});
});
