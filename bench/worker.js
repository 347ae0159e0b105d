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
	const cookie = mode === 'forum' ? await joinForum(code, delegationId, hallAddress(child)) : null;
	const socket = await connect(cookie, hallAddress(child));
	const synced = await socket.timeout(15_000).emitWithAck('participant:sync', {});
	if (!synced.ok) throw new Error(`sync refused: ${synced.error?.code}`);
	// Phones listen for vote counts as the real room does; the work of receiving is part of the load.
	socket.on('votes:counted', () => {});
	return { socket, ms: now() - started, doneAt: now() };
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
		} else if (message.type === 'close') {
			for (const socket of sockets) socket.disconnect();
			sockets = [];
			parentPort.postMessage({ type: 'closed' });
		}
	} catch (error) {
		parentPort.postMessage({ type: 'error', message: String(error?.message ?? error) });
	}
});
