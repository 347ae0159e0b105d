// Simulated children for bench/run.js: each worker thread drives its share of real socket.io-client
// connections (joining through the real join form first, against the forum), and reports timings.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { io } from 'socket.io-client';

const now = () => performance.timeOrigin + performance.now();
const { origin, mode } = workerData;
/** @type {import('socket.io-client').Socket[]} */
let sockets = [];

// node:http rather than fetch: undici's fetch cost the simulated phones as much CPU as the server
// spent on the join, and they share its two cores. Connections are kept alive as fetch kept them.
const agent = new http.Agent({ keepAlive: true });

function joinForum(code, delegationId, localAddress) {
	const body = new URLSearchParams({ delegationId, nickname: '' }).toString();
	return new Promise((resolve, reject) => {
		const request = http.request(
			`${origin}/j/${code}?/join`,
			{
				method: 'POST',
				agent,
				localAddress,
				headers: { origin, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), accept: 'text/html' }
			},
			(response) => {
				response.resume();
				const cookie = (response.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith('dd_participant='));
				response.on('end', () => (cookie ? resolve(cookie) : reject(new Error(`join refused: HTTP ${response.statusCode}`))));
			}
		);
		request.on('error', reject);
		request.end(body);
	});
}

function connect(cookie, localAddress) {
	return new Promise((resolve, reject) => {
		const socket = io(origin, {
			auth: { role: 'participant' },
			extraHeaders: { origin, ...(cookie ? { cookie } : {}) },
			transports: ['websocket'],
			// Behind nginx (BENCH_TOPOLOGY=multi) each phone's own key picks its process, as a browser's does.
			query: { lane: crypto.randomUUID() },
			localAddress,
			reconnection: false,
			forceNew: true
		});
		socket.once('connect', () => resolve(socket));
		socket.once('connect_error', reject);
	});
}

/**
 * Children sit in halls of 200 (the size the forum plans for), each hall behind its own address, as
 * many commune forums on one server would be: the per-address ceilings apply as they would there.
 */
const HALL_SIZE = 200;
const hallAddress = (child) => {
	const hall = Math.floor(child / HALL_SIZE);
	return `127.10.${Math.floor(hall / 250)}.${(hall % 250) + 1}`;
};

async function joinOne(code, delegationId, child) {
	const started = now();
	// A connection reset on a starved machine is tried again, as a phone would; a refusal is not.
	const retried = async (attempt) => {
		for (let tries = 1; ; tries++) {
			try {
				return await attempt();
			} catch (error) {
				if (tries === 3 || !/ECONNRESET|socket hang up|websocket error|timeout/i.test(String(error?.message ?? error))) throw error;
				await new Promise((resolve) => setTimeout(resolve, 200 * tries));
			}
		}
	};
	const cookie = mode === 'forum' ? await retried(() => joinForum(code, delegationId, hallAddress(child))) : null;
	const socket = await retried(() => connect(cookie, hallAddress(child)));
	const synced = await socket.timeout(15_000).emitWithAck('participant:sync', {});
	if (!synced.ok) throw new Error(`sync refused: ${synced.error?.code}`);
	// Phones listen for vote counts as the real room does; the work of receiving is part of the load.
	socket.on('votes:counted', () => {});
	views.set(socket, { cursor: null, items: new Map(), syncs: 0, syncedAt: 0, bytes: 0, deltas: 0, failures: 0 });
	applySync(views.get(socket), synced.data);
	return { socket, ms: now() - started, doneAt: now() };
}

/**
 * What each simulated phone shows, kept as ParticipantRoom keeps it (client/participant-room.svelte.ts):
 * the public items with their status and count, and the cursor it names when it resyncs.
 */
const views = new Map();
const isPublic = (status) => status === 'approved' || status === 'answered' || status === 'follow_up';

function applySync(view, data) {
	if (data.delta) {
		const publicNow = new Map(data.counts.map((c) => [c.submissionId, c.votes]));
		for (const id of [...view.items.keys()]) if (!publicNow.has(id)) view.items.delete(id);
		for (const s of data.changed) view.items.set(s.id, { status: s.status, votes: s.votes });
		for (const [id, votes] of publicNow) {
			const item = view.items.get(id);
			if (item) item.votes = votes;
			// A count without its item: the phone could not draw it, a delta that missed something.
			else view.items.set(id, { status: 'missing', votes });
		}
		view.deltas++;
	} else {
		view.items = new Map((data.submissions ?? []).map((s) => [s.id, { status: s.status, votes: s.votes }]));
	}
	view.cursor = data.cursor ?? null;
}

/** Live broadcasts keep each phone's view and move its cursor, as the room does. */
function track(socket) {
	const view = views.get(socket);
	const heard = (s) => {
		if (view.cursor && s.version > view.cursor.version) view.cursor = { ...view.cursor, version: s.version };
		if (isPublic(s.status)) view.items.set(s.id, { status: s.status, votes: view.items.get(s.id)?.votes ?? s.votes });
		else view.items.delete(s.id);
	};
	socket.on('submission:added', heard);
	socket.on('submission:updated', heard);
	socket.on('votes:counted', (counts) => {
		for (const c of counts) {
			const item = view.items.get(c.submissionId);
			if (item) item.votes = c.votes;
		}
	});
}

/**
 * After a restart: Socket.IO reconnects by itself with the phone's settings (client/socket.ts) and
 * every connect resyncs, naming the cursor (`withCursor`) or not (a full snapshot, as before).
 */
function arm(socket, withCursor) {
	const view = views.get(socket);
	socket.io.reconnection(true);
	socket.io.reconnectionDelay(500);
	socket.io.reconnectionDelayMax(4000);
	socket.io.randomizationFactor(0.5);
	socket.io.reconnectionAttempts(Infinity);
	socket.off('connect');
	socket.on('connect', async () => {
		try {
			const synced = await socket.timeout(30_000).emitWithAck('participant:sync', withCursor && view.cursor ? { since: view.cursor } : {});
			if (!synced.ok) throw new Error(synced.error?.code);
			view.bytes += JSON.stringify(synced.data).length;
			applySync(view, synced.data);
			view.syncs++;
			view.syncedAt = now();
		} catch {
			view.failures++;
		}
	});
}

/**
 * Joins every child, at most `inFlight` at a time: a sustained rate, as a hall's queue at the QR
 * code gives, rather than thousands of sockets opened in the same millisecond.
 */
async function joinAll(code, delegationIds, inFlight, firstChild) {
	const results = new Array(delegationIds.length);
	let next = 0;
	const lane = async () => {
		while (next < delegationIds.length) {
			const i = next++;
			results[i] = await joinOne(code, delegationIds[i], firstChild + i);
		}
	};
	await Promise.all(Array.from({ length: Math.min(inFlight, delegationIds.length) }, lane));
	return results;
}

async function storm({ items, ratePerSec, startAt }) {
	const n = sockets.length;
	const votes = [];
	let failed = 0;
	const sends = [];
	for (let round = 0; round < items.length; round++) {
		for (let c = 0; c < n; c++) {
			const at = startAt + ((round * n + c) / ratePerSec) * 1000;
			sends.push(
				new Promise((resolve) => {
					setTimeout(async () => {
						const sentAt = now();
						try {
							const ack = await sockets[c].timeout(15_000).emitWithAck('vote:set', { submissionId: items[round], voted: true });
							if (ack.ok) votes.push({ item: items[round], votes: ack.data.votes, sentAt, ackAt: now() });
							else failed++;
						} catch {
							failed++;
						}
						resolve();
					}, Math.max(0, at - now()));
				})
			);
		}
	}
	await Promise.all(sends);
	return { votes, failed };
}

parentPort.on('message', async (message) => {
	try {
		if (message.type === 'ready') {
			parentPort.postMessage({ type: 'ready' });
		} else if (message.type === 'join') {
			const results = await joinAll(message.code, message.delegationIds, message.inFlight, message.firstChild);
			sockets = results.map((r) => r.socket);
			parentPort.postMessage({ type: 'joined', ms: results.map((r) => r.ms), doneAt: results.map((r) => r.doneAt) });
		} else if (message.type === 'storm') {
			parentPort.postMessage({ type: 'stormed', ...(await storm(message)) });
		} else if (message.type === 'track') {
			for (const socket of sockets) track(socket);
			parentPort.postMessage({ type: 'tracked' });
		} else if (message.type === 'arm') {
			for (const socket of sockets) {
				const view = views.get(socket);
				Object.assign(view, { syncs: 0, syncedAt: 0, bytes: 0, deltas: 0, failures: 0 });
				arm(socket, message.withCursor);
			}
			parentPort.postMessage({ type: 'armed' });
		} else if (message.type === 'views') {
			// Each phone: back (synced since armed), when, and whether its view equals the server's.
			const expected = new Map(message.expected);
			const phones = sockets.map((socket) => {
				const view = views.get(socket);
				const same = view.items.size === expected.size && [...expected].every(([id, e]) => view.items.get(id)?.status === e.status && view.items.get(id)?.votes === e.votes);
				return { syncs: view.syncs, syncedAt: view.syncedAt, bytes: view.bytes, deltas: view.deltas, failures: view.failures, consistent: same, connected: socket.connected };
			});
			parentPort.postMessage({ type: 'views', phones });
		} else if (message.type === 'close') {
			for (const socket of sockets) socket.disconnect();
			sockets = [];
			views.clear();
			parentPort.postMessage({ type: 'closed' });
		}
	} catch (error) {
		parentPort.postMessage({ type: 'error', message: String(error?.message ?? error) });
	}
});
