import type { ForumSocket } from './socket';

/** What the server answers when it is up: the same check the deployment's monitoring uses. A hang is no answer. */
const serverAnswers = (): Promise<boolean> =>
	fetch('/healthz', { cache: 'no-store', signal: AbortSignal.timeout(3000) }).then(
		(response) => response.ok,
		() => false
	);

/** Kept for the tab: after a reload on the same network, one refused try is enough. */
const NEEDS_POLLING = 'dd-polling';
const remembered = {
	get: () => {
		try {
			return sessionStorage.getItem(NEEDS_POLLING) === '1';
		} catch {
			return false;
		}
	},
	set: () => {
		try {
			sessionStorage.setItem(NEEDS_POLLING, '1');
		} catch {
			// Private mode: the next load waits for two tries again.
		}
	}
};

/** A connection that failed in the network (refused upgrade, reset, timeout), not one the server turned away. */
function failedInTransport(error: unknown): boolean {
	const { type, message } = (error ?? {}) as { type?: unknown; message?: unknown };
	return type === 'TransportError' || message === 'timeout';
}

/**
 * Phones open a WebSocket straight away: one round trip less than long-polling first, and no
 * polling code in the first load. Some networks (a proxy, a school's filter) refuse WebSockets
 * while pages load fine; there, after two failed tries while the server answers, the phone loads
 * the long-polling transport and goes on as Socket.IO does by default (polling, then an upgrade
 * where it works). Two tries and the server's answer keep a restart, when the server is simply
 * away, from sending a whole hall to polling. The tab remembers it: after a reload, one try.
 */
export function fallBackToPolling(
	socket: ForumSocket,
	reachable: () => Promise<boolean> = serverAnswers,
	loadPolling = () => import('./polling-transport'),
	memory = remembered,
	reload = () => location.reload()
) {
	let suspect = memory.get();
	let checking = false;
	const onFailure = async (error: unknown) => {
		if (checking || !failedInTransport(error)) return;
		checking = true;
		try {
			if (!(await reachable())) {
				suspect = false;
				return;
			}
			if (!suspect) {
				suspect = true;
				return;
			}
			await loadPolling();
			// The manager reads its options on every (re)connect: the next try polls.
			socket.io.opts.transports = ['polling', 'websocket'];
			memory.set();
			socket.off('connect_error', onFailure);
		} catch {
			// Not loaded. Offline in between: the next failure tries again. But while the server answers,
			// the chunk is gone (a new version was deployed under this page): only a reload fetches the
			// new one, and the tab, remembering, polls at once. What the child sent waits in the outbox.
			if (await reachable()) {
				memory.set();
				reload();
			}
		} finally {
			checking = false;
		}
	};
	socket.on('connect_error', onFailure);
	socket.on('connect', () => (suspect = false));
}
