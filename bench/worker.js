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

function joinForum(code, delegationId) {
	const body = new URLSearchParams({ delegationId, nickname: '' }).toString();
	return new Promise((resolve, reject) => {
		const request = http.request(
			`${origin}/j/${code}?/join`,
			{
				method: 'POST',
				agent,
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

function connect(cookie) {
	return new Promise((resolve, reject) => {
		const socket = io(origin, {
			auth: { role: 'participant' },
			extraHeaders: { origin, ...(cookie ? { cookie } : {}) },
			transports: ['websocket'],
			reconnection: false,
			forceNew: true
		});
		socket.once('connect', () => resolve(socket));
		socket.once('connect_error', reject);
	});
}

async function joinOne(code, delegationId) {
	const started = now();
	const cookie = mode === 'forum' ? await joinForum(code, delegationId) : null;
	const socket = await connect(cookie);
	const synced = await socket.timeout(15_000).emitWithAck('participant:sync', {});
	if (!synced.ok) throw new Error(`sync refused: ${synced.error?.code}`);
	// Phones listen for vote counts as the real room does; the work of receiving is part of the load.
	socket.on('vote:counted', () => {});
	return { socket, ms: now() - started };
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
			const results = await Promise.all(message.delegationIds.map((d) => joinOne(message.code, d)));
			sockets = results.map((r) => r.socket);
			parentPort.postMessage({ type: 'joined', ms: results.map((r) => r.ms) });
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
