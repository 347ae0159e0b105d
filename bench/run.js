// `npm run bench`: the production build on a fresh SQLite file, driven by simulated children
// (real socket.io-client connections in worker threads, on loopback), next to a bare Socket.IO
// server doing the same broadcasts. Prints a table and writes bench/results.json.
//
// Settings (environment): BENCH_NS (children per run, default "200,1000"; add 5000 for the full
// budget run), BENCH_RATE (votes per second, default 1000, at most one per child per second),
// BENCH_ITEMS (items each child votes on, default 10), BENCH_HOLD_S (idle hold after the joins, before the storm, default 60),
// BENCH_TOPOLOGY / BENCH_STORAGE (where the forum runs: see bench/topology.js), BENCH_PORT (first port, default 4300),
// BENCH_WORKERS (client threads, default 2), BENCH_JOINS_IN_FLIGHT (joins under way at once, default
// 100: a sustained burst, not every socket in one millisecond), BENCH_PHONE_RUNS (slow-4G page loads, default 5; 0 skips),
// BENCH_RESTART_N (phones in the restart storm, default 1000; 0 skips), BENCH_RESTART_ITEMS (public items then, default 60),
// BENCH_RUNS (whole runs, default 1: with 3, bench/results.json keeps each figure's median and every run's budget figures).
// Rows of scenarios not run this time are kept from bench/results.json.
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { io } from 'socket.io-client';
import { medianOfRuns } from './medians.js';
import { measurePhoneLoad } from './phone-load.js';
import { serverCpuMs, startForumOnPostgres, STORAGE, TOPOLOGY, topologyName, withTopology } from './topology.js';

// BENCH_RUNS (default 1): whole runs to take the median of (bench/medians.js).
if (Number(process.env.BENCH_RUNS ?? 1) > 1) {
	medianOfRuns(Number(process.env.BENCH_RUNS), import.meta.url);
	process.exit(0);
}

const NS = (process.env.BENCH_NS ?? '200,1000').split(',').filter(Boolean).map(Number);
const RESTART_N = Number(process.env.BENCH_RESTART_N ?? 1000);
const RESTART_ITEMS = Number(process.env.BENCH_RESTART_ITEMS ?? 60);
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 10);
const HOLD_S = Number(process.env.BENCH_HOLD_S ?? 60);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const JOINS_IN_FLIGHT = Number(process.env.BENCH_JOINS_IN_FLIGHT ?? 100);
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
// BENCH_PORT: the first port the bench servers take (two benches on one machine must not collide).
let nextPort = Number(process.env.BENCH_PORT ?? 4300);

function percentile(values, p) {
	if (!values.length) return null;
	const sorted = [...values].sort((a, b) => a - b);
	return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10;
}

/** Resident memory of a process in KB, and its CPU time in clock ticks (Linux /proc). */
function rssKB(target) {
	return (target.appPids ?? [target.pid]).reduce((sum, pid) => sum + Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0), 0);
}
function cpuTicks(pid) {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return Number(fields[11]) + Number(fields[12]);
}

/** What every forum process of the bench runs with, whatever the topology. */
function forumEnv() {
	return {
		HOST: '127.0.0.1',
		// Every simulated child comes from 127.0.0.1: lift the per-address socket cap (a hall's worth).
		SOCKETS_PER_ADDRESS: '1000000',
		// The simulated children's items must reach the screen without an MC.
		DEMO_EVENT: 'unmoderated'
	};
}

async function startForum({ dir = mkdtempSync(join(tmpdir(), 'dien-dan-bench-')), port = nextPort++, env = {} } = {}) {
	if (STORAGE === 'postgres') return startForumOnPostgres(forumEnv());
	// BENCH_SERVER_FLAGS: node flags for the forum's server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
	const flags = process.env.BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? [];
	const child = spawn(process.execPath, [...flags, 'server.js'], {
		env: { ...process.env, ...forumEnv(), PORT: String(port), DATABASE_PATH: join(dir, 'forum.db'), ...env },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const exited = new Promise((resolve) => child.once('exit', resolve));
	await new Promise((resolve, reject) => {
		child.stdout.on('data', (chunk) => String(chunk).includes('running on') && resolve());
		child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
	});
	const listeningAt = now();
	const db = new Database(join(dir, 'forum.db'));
	const event = db.prepare("select id, code, display_key as displayKey from events where code = 'VQ24'").get();
	const delegations = db.prepare('select id from delegations where event_id = ? order by position').all(event.id).map((r) => r.id);
	return {
		pid: child.pid,
		dir,
		port,
		listeningAt,
		origin: `http://127.0.0.1:${port}`,
		event,
		delegations,
		query: async (sql, params = []) => db.prepare(sql).all(...params),
		db,
		/** SIGTERM (the graceful stop), and wait until the process has gone; the database stays. */
		async restartable() {
			child.kill('SIGTERM');
			await exited;
			db.close();
		},
		stop() {
			child.kill('SIGTERM');
			db.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

async function startBare(port = nextPort++) {
	const child = fork(new URL('./bare-server.js', import.meta.url), { env: { ...process.env, PORT: String(port) } });
	await new Promise((resolve) => child.once('message', resolve));
	const exited = new Promise((resolve) => child.once('exit', resolve));
	return {
		pid: child.pid,
		port,
		origin: `http://127.0.0.1:${port}`,
		stop: () => child.kill('SIGTERM'),
		async stopped() {
			child.kill('SIGTERM');
			await exited;
		}
	};
}

function startWorkers(origin, mode) {
	const workers = Array.from({ length: WORKERS }, () => new Worker(new URL('./worker.js', import.meta.url), { workerData: { origin, mode } }));
	const ask = (worker, message, reply) =>
		new Promise((resolve, reject) => {
			const listener = (answer) => {
				if (answer.type !== reply && answer.type !== 'error') return;
				worker.off('message', listener);
				answer.type === 'error' ? reject(new Error(answer.message)) : resolve(answer);
			};
			worker.on('message', listener);
			worker.postMessage(message);
		});
	return {
		all: (message, reply, perWorker) => Promise.all(workers.map((w, i) => ask(w, perWorker ? perWorker(i) : message, reply))),
		terminate: () => Promise.all(workers.map((w) => w.terminate()))
	};
}

function watcher(origin, auth, headers = {}) {
	return new Promise((resolve, reject) => {
		const socket = io(origin, { auth, extraHeaders: { origin, ...headers }, transports: ['websocket'], reconnection: false, forceNew: true });
		const seen = [];
		socket.on('votes:counted', (counts) => {
			const at = now();
			for (const count of counts) seen.push({ item: count.submissionId, votes: count.votes, at });
		});
		socket.once('connect', () => resolve({ socket, seen }));
		socket.once('connect_error', reject);
	});
}

/** CPU ms per operation between two readings of serverCpuMs (topology.js), by part of the server. */
function cpuPer(before, after, operations) {
	const per = (key) => (operations ? Math.round(((after[key] - before[key]) / operations) * 100) / 100 : null);
	return { app: per('app'), database: per('database'), front: per('front') };
}

/** An organiser's console on the forum: the first-run account, which /setup makes the demo event's organiser. */
async function forumConsole(forum) {
	const response = await fetch(`${forum.origin}/setup`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: forum.origin, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ username: 'bench.mc', displayName: 'Bench MC', password: 'bench-password-123' })
	});
	const cookie = (response.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith('dd_staff='));
	if (!cookie) throw new Error(`setup refused: HTTP ${response.status}`);
	// /setup makes the first account the demo event's organiser (demo mode): the console may watch it.
	return watcher(forum.origin, { role: 'staff', eventId: forum.event.id }, { cookie });
}

/** Every simulated child joins, shared out over the workers: through the join form against the forum, a bare connect against the floor. */
function joinChildren(clients, n, forum = null) {
	const share = (i) => Math.floor(n / WORKERS) + (i < n % WORKERS ? 1 : 0);
	return clients.all(null, 'joined', (i) => ({
		type: 'join',
		inFlight: Math.ceil(JOINS_IN_FLIGHT / WORKERS),
		firstChild: Array.from({ length: i }, (_, k) => share(k)).reduce((a, b) => a + b, 0),
		code: forum ? forum.event.code : '',
		delegationIds: Array.from({ length: share(i) }, (_, k) => (forum ? forum.delegations[k % forum.delegations.length] : ''))
	}));
}

/**
 * After a restart: watches the phones until every one is back and shows what the database holds
 * (`expected`), then the storm's row: when they were back, and the new server's CPU until then.
 */
async function resyncRow(clients, { variant, n, pid, listeningAt, cpuAtListen, expected }) {
	let phones = [];
	let cpuAtBack = null;
	const deadline = now() + 60_000;
	while (now() < deadline) {
		phones = (await clients.all({ type: 'views', expected }, 'views')).flatMap((v) => v.phones);
		if (phones.every((p) => p.syncs >= 1 && p.consistent)) {
			cpuAtBack = cpuTicks(pid);
			break;
		}
		await sleep(50);
	}
	const back = phones.filter((p) => p.syncs >= 1 && p.consistent);
	if (back.length < n) console.log(`  ${variant}: ${n - back.length} phones not back and consistent after 60 s`);
	const cpuMs = ((cpuAtBack ?? cpuTicks(pid)) - cpuAtListen) * 10;
	const sum = (field) => phones.reduce((total, p) => total + p[field], 0);
	return {
		scenario: 'restart_storm',
		variant,
		n,
		items: expected.length,
		back: back.length,
		allBackMs: back.length === n ? Math.round(Math.max(...back.map((p) => p.syncedAt)) - listeningAt) : null,
		backP50Ms: percentile(back.map((p) => p.syncedAt - listeningAt), 50),
		backP90Ms: percentile(back.map((p) => p.syncedAt - listeningAt), 90),
		serverCpuMs: cpuMs,
		cpuMsPerPhone: Math.round((cpuMs / n) * 100) / 100,
		kbPerResync: Math.round((sum('bytes') / Math.max(1, sum('syncs')) / 1000) * 10) / 10,
		deltas: sum('deltas'),
		syncFailures: sum('failures'),
		inconsistent: n - back.length,
		lost: 0,
		duplicated: 0
	};
}

/** One run against a server: join burst, vote storm (screen and console watching), idle hold. */
async function scenario(target, n, mode) {
	const rssStart = rssKB(target);
	const clients = startWorkers(target.origin, mode);

	// Thread start-up and module loading are not part of a join: wait for every worker first.
	await clients.all({ type: 'ready' }, 'ready');
	const joinStart = now();
	const cpuBeforeJoins = serverCpuMs(target);
	const joined = await joinChildren(clients, n, mode === 'forum' ? target : null);
	const joinsPerSecWhole = Math.round(n / ((now() - joinStart) / 1000));
	const cpuPerJoin = cpuPer(cpuBeforeJoins, serverCpuMs(target), n);
	// Sustained: the rate once the first fifth has joined, when the server's code is warm (a fresh
	// process runs its first few hundred joins unoptimised). The whole burst's rate is kept beside it.
	const done = joined.flatMap((j) => j.doneAt).sort((a, b) => a - b);
	const warm = Math.floor(n / 5);
	const joinsPerSec = Math.round((n - 1 - warm) / ((done[n - 1] - done[warm]) / 1000));
	const joinMs = joined.flatMap((j) => j.ms);

	// Idle hold: every child connected and quiet for BENCH_HOLD_S, before any storm.
	await sleep(HOLD_S * 1000);
	const rssPerConnKB = Math.round(((rssKB(target) - rssStart) / n) * 10) / 10;

	// The items to vote on: real questions from one more child in the forum; plain ids in the bare run.
	let items = Array.from({ length: ITEMS }, () => crypto.randomUUID());
	let screen;
	let consoleView = null;
	if (mode === 'forum') {
		const cookie = await (async () => {
			const body = new URLSearchParams({ delegationId: target.delegations[0], nickname: '' });
			const r = await fetch(`${target.origin}/j/${target.event.code}?/join`, {
				method: 'POST',
				body,
				redirect: 'manual',
				headers: { origin: target.origin, 'content-type': 'application/x-www-form-urlencoded' }
			});
			return (r.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith('dd_participant='));
		})();
		const writer = await watcher(target.origin, { role: 'participant' }, { cookie });
		items = [];
		const [topic] = await target.query('select id from topics where event_id = ? order by position', [target.event.id]);
		for (let i = 0; i < ITEMS; i++) {
			const ack = await writer.socket.emitWithAck('submission:submit', {
				id: crypto.randomUUID(),
				kind: 'question',
				topicId: topic.id,
				agencyId: null,
				text: `Câu hỏi số ${i + 1} của buổi đo hiệu năng`
			});
			if (!ack.ok) throw new Error(`submit refused: ${ack.error.code}`);
			items.push(ack.data.id);
		}
		writer.socket.disconnect();
		screen = await watcher(target.origin, { role: 'display', displayKey: target.event.displayKey });
		consoleView = await forumConsole(target);
	} else {
		screen = await watcher(target.origin, { role: 'display' });
	}

	const rate = Math.min(RATE, n);
	const cpuBefore = cpuTicks(target.pid);
	const cpuBeforeStorm = serverCpuMs(target);
	const stormStart = now() + 500;
	const stormed = await clients.all(null, 'stormed', (i) => ({ type: 'storm', items, ratePerSec: rate / WORKERS, startAt: stormStart }));
	await sleep(1000); // the last broadcasts still in flight
	const stormSeconds = (now() - stormStart) / 1000;
	const stormCpuMs = (cpuTicks(target.pid) - cpuBefore) * 10;
	const cpuPercent = Math.round((stormCpuMs / 1000 / stormSeconds) * 100);
	const cpuAfterStorm = serverCpuMs(target);
	const votes = stormed.flatMap((s) => s.votes);
	const unacked = stormed.reduce((sum, s) => sum + s.failed, 0);
	// Counts are coalesced per tick: a vote has reached a watcher once it shows a count at least as
	// high as the one the vote's ack reported (votes here only go up).
	const reached = (watched) => {
		const byItem = new Map();
		for (const s of watched) (byItem.get(s.item) ?? byItem.set(s.item, []).get(s.item)).push(s);
		return votes.map((v) => {
			const shown = (byItem.get(v.item) ?? []).find((s) => s.votes >= v.votes && s.at >= v.sentAt);
			return shown ? shown.at - v.sentAt : null;
		});
	};
	const toScreen = reached(screen.seen);
	let lost = toScreen.filter((ms) => ms === null).length;
	let duplicated = 0;
	if (mode === 'forum') {
		// The MC's console hears every change too; one it never saw is lost.
		lost += reached(consoleView.seen).filter((ms) => ms === null).length;
		// The database must hold each acknowledged vote exactly once, and its count must agree.
		for (const item of items) {
			const acked = votes.filter((v) => v.item === item).length;
			const stored = Number((await target.query('select count(*) as n from votes where submission_id = ?', [item]))[0].n);
			const counted = Number((await target.query('select vote_count as n from submissions where id = ?', [item]))[0].n);
			lost += Math.max(0, acked - stored);
			duplicated += Math.abs(counted - stored);
		}
	}

	// Memory after the storm, beside the idle figure: the heap grown under load is not given back at once.
	await sleep(5000);
	const rssAfterStormPerConnKB = Math.round(((rssKB(target) - rssStart) / n) * 10) / 10;

	screen.socket.disconnect();
	consoleView?.socket.disconnect();
	await clients.all({ type: 'close' }, 'closed');
	await clients.terminate();
	const latencies = toScreen.filter((ms) => ms !== null);
	// Per vote sent: the server handled the unacknowledged ones too (late, or refused).
	const cpuPerVote = cpuPer(cpuBeforeStorm, cpuAfterStorm, votes.length + unacked);
	return {
		cpuMsPerJoin: cpuPerJoin.app,
		cpuMsPerJoinDatabase: cpuPerJoin.database,
		cpuMsPerJoinFront: cpuPerJoin.front,
		cpuMsPerVote: cpuPerVote.app,
		cpuMsPerVoteDatabase: cpuPerVote.database,
		cpuMsPerVoteFront: cpuPerVote.front,
		joinsPerSec,
		joinsPerSecWhole,
		joinP99Ms: percentile(joinMs, 99),
		ackP50Ms: percentile(votes.map((v) => v.ackAt - v.sentAt), 50),
		ackP99Ms: percentile(votes.map((v) => v.ackAt - v.sentAt), 99),
		toScreenP50Ms: percentile(latencies, 50),
		toScreenP99Ms: percentile(latencies, 99),
		rssPerConnKB,
		rssAfterStormPerConnKB,
		cpuPercent,
		votes: votes.length,
		unacked,
		lost,
		duplicated
	};
}


/** One child who sends items through its own socket, as the composer does (10 a minute each: the per-child limit). */
async function writer(forum) {
	const body = new URLSearchParams({ delegationId: forum.delegations[0], nickname: '' });
	const r = await fetch(`${forum.origin}/j/${forum.event.code}?/join`, {
		method: 'POST',
		body,
		redirect: 'manual',
		headers: { origin: forum.origin, 'content-type': 'application/x-www-form-urlencoded' }
	});
	const cookie = (r.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith('dd_participant='));
	const { socket } = await watcher(forum.origin, { role: 'participant' }, { cookie });
	const topicId = forum.db.prepare('select id from topics where event_id = ? order by position').get(forum.event.id).id;
	return {
		async submit(text) {
			const ack = await socket.emitWithAck('submission:submit', { id: crypto.randomUUID(), kind: 'question', topicId, agencyId: null, text });
			if (!ack.ok) throw new Error(`submit refused: ${ack.error.code}`);
			return ack.data.id;
		},
		close: () => socket.disconnect()
	};
}

async function sendItems(forum, count, label) {
	const ids = [];
	for (let first = 0; first < count; first += 10) {
		const w = await writer(forum);
		for (let i = first; i < Math.min(count, first + 10); i++) ids.push(await w.submit(`${label} số ${i + 1}: sân chơi, thư viện, đường đến trường`));
		w.close();
	}
	return ids;
}

/**
 * The restart storm: n phones connected, each showing the hall's items; the server stops (SIGTERM)
 * and a new one starts on the same database; every phone reconnects by itself and resyncs. Timed
 * from the new server's listen until every phone is back with a view equal to the database's, and
 * the new server's CPU over that time. Three ways side by side, on the same phones and database:
 * a full snapshot per phone reading the items each time (as before), the same with the public part
 * kept per event version, and the delta (the phone names its cursor).
 */
async function restartStorm(n) {
	let forum = await startForum();
	const clients = startWorkers(forum.origin, 'forum');
	await clients.all({ type: 'ready' }, 'ready');
	await joinChildren(clients, n, forum);
	console.log(`  ${n} phones joined`);
	const items = await sendItems(forum, RESTART_ITEMS, 'Câu hỏi');
	await clients.all({ type: 'track' }, 'tracked');
	// Every phone votes for three items, so the counts the phones show are not all zero.
	await clients.all(null, 'stormed', () => ({ type: 'storm', items: items.slice(0, 3), ratePerSec: Math.min(RATE, n) / WORKERS, startAt: now() + 200 }));
	await sleep(1000);
	console.log(`  ${items.length} items, ${3 * n} votes`);

	const variants = [
		{ variant: 'full_uncached', withCursor: false, env: { SNAPSHOT_CACHE: 'off' } },
		{ variant: 'full_cached', withCursor: false, env: {} },
		{ variant: 'delta', withCursor: true, env: {} }
	];
	const rows = [];
	for (const [round, { variant, withCursor, env }] of variants.entries()) {
		await clients.all({ type: 'arm', withCursor }, 'armed');
		// A little the phones hear live before the stop (their cursors move), and a little they miss:
		// the MC marks three items answered while the server is down (straight in the database).
		await sendItems(forum, 2, `Câu hỏi vòng ${round + 1}`);
		await sleep(500);
		const { dir, port } = forum;
		await forum.restartable();
		const missed = new Database(join(dir, 'forum.db'));
		const answer = missed.prepare("update submissions set status = 'answered', answer_summary = 'Đã trả lời' where id = ?");
		for (const id of items.slice(3 + round * 3, 6 + round * 3)) answer.run(id);
		missed.close();

		forum = await startForum({ dir, port, env });
		const cpuAtListen = cpuTicks(forum.pid);
		const expected = forum.db
			.prepare("select id, status, vote_count as votes from submissions where event_id = ? and status in ('approved', 'answered', 'follow_up')")
			.all(forum.event.id)
			.map((r) => [r.id, { status: r.status, votes: r.votes }]);
		rows.push(await resyncRow(clients, { variant, n, pid: forum.pid, listeningAt: forum.listeningAt, cpuAtListen, expected }));
		console.table([rows.at(-1)]);
	}
	await clients.all({ type: 'close' }, 'closed');
	await clients.terminate();
	forum.stop();
	rows.push(await bareRestartStorm(n));
	console.table([rows.at(-1)]);
	const full = rows.find((r) => r.variant === 'full_uncached');
	for (const row of rows) row.cpuRatioToFull = full.serverCpuMs ? Math.round((row.serverCpuMs / full.serverCpuMs) * 100) / 100 : null;
	return rows;
}

/**
 * The floor of a restart storm on this machine: the bare Socket.IO server (bench/bare-server.js)
 * restarted under the same number of phones, each reconnecting with the same settings and asking
 * for an (empty) sync. Whatever the forum spends above it is its own handshake checks and resync.
 */
async function bareRestartStorm(n) {
	let bare = await startBare();
	const clients = startWorkers(bare.origin, 'bare');
	await clients.all({ type: 'ready' }, 'ready');
	await joinChildren(clients, n);
	await clients.all({ type: 'arm', withCursor: false }, 'armed');
	await bare.stopped();
	bare = await startBare(bare.port);
	const row = await resyncRow(clients, { variant: 'bare_floor', n, pid: bare.pid, listeningAt: now(), cpuAtListen: cpuTicks(bare.pid), expected: [] });
	await clients.all({ type: 'close' }, 'closed');
	await clients.terminate();
	bare.stop();
	return row;
}

const rows = [];

// The phone first: an idle server, so the figure is the page's, not the load's.
if (Number(process.env.BENCH_PHONE_RUNS ?? 5) > 0) {
	const forum = await startForum();
	const [{ name: delegation }] = await forum.query('select name from delegations where event_id = ? order by position', [forum.event.id]);
	const phone = await measurePhoneLoad(forum.origin, forum.event.code, delegation);
	await forum.stop();
	const none = { n: 1, joinsPerSec: null, ackP50Ms: null, ackP99Ms: null, toScreenP50Ms: null, toScreenP99Ms: null, rssPerConnKB: null };
	rows.push({ scenario: 'phone_slow_4g', ...none, lost: 0, duplicated: 0, baselineToScreenP99Ms: null, baselineRssPerConnKB: null, usableMs: phone.usableMs, liveMs: phone.liveMs, floorMs: phone.floorMs });
	console.log(
		`Phone on slow 4G with a 4x slower CPU (median of ${phone.runs}): usable ${phone.usableMs} ms, live ${phone.liveMs} ms (budget: usable within 2,000 ms); a page of ours with no scripts: ${phone.floorMs} ms`
	);
}

console.log(`Topology: ${topologyName}`);
for (const n of NS) {
	console.log(`\n— ${n} children —`);
	const forum = await startForum();
	const ours = await scenario(forum, n, 'forum');
	await forum.stop();
	const bare = await startBare();
	const floor = await scenario(bare, n, 'bare');
	bare.stop();
	const base = { n, baselineToScreenP99Ms: floor.toScreenP99Ms, baselineRssPerConnKB: floor.rssPerConnKB };
	const none = { joinsPerSec: null, ackP50Ms: null, ackP99Ms: null, toScreenP50Ms: null, toScreenP99Ms: null, rssPerConnKB: null };
	rows.push(
		{
			scenario: 'join_burst',
			...none,
			...base,
			joinsPerSec: ours.joinsPerSec,
			lost: 0,
			duplicated: 0,
			baselineJoinsPerSec: floor.joinsPerSec,
			joinsRatioToFloor: floor.joinsPerSec ? Math.round((ours.joinsPerSec / floor.joinsPerSec) * 100) / 100 : null,
			joinsPerSecWhole: ours.joinsPerSecWhole,
			joinP99Ms: ours.joinP99Ms,
			cpuMsPerJoin: ours.cpuMsPerJoin,
			cpuMsPerJoinDatabase: ours.cpuMsPerJoinDatabase,
			cpuMsPerJoinFront: ours.cpuMsPerJoinFront
		},
		{
			scenario: 'vote_storm',
			...none,
			...base,
			ackP50Ms: ours.ackP50Ms,
			ackP99Ms: ours.ackP99Ms,
			toScreenP50Ms: ours.toScreenP50Ms,
			toScreenP99Ms: ours.toScreenP99Ms,
			toScreenRatioToFloor: floor.toScreenP99Ms ? Math.round((ours.toScreenP99Ms / floor.toScreenP99Ms) * 100) / 100 : null,
			lost: ours.lost,
			duplicated: ours.duplicated,
			votes: ours.votes,
			unacked: ours.unacked,
			cpuPercent: ours.cpuPercent,
			baselineToScreenP50Ms: floor.toScreenP50Ms,
			cpuMsPerVote: ours.cpuMsPerVote,
			baselineCpuMsPerVote: floor.cpuMsPerVote,
			cpuMsPerVoteDatabase: ours.cpuMsPerVoteDatabase,
			cpuMsPerVoteFront: ours.cpuMsPerVoteFront
		},
		{
			scenario: 'idle_hold',
			...none,
			...base,
			rssPerConnKB: ours.rssPerConnKB,
			lost: 0,
			duplicated: 0,
			rssAfterStormPerConnKB: ours.rssAfterStormPerConnKB,
			baselineRssAfterStormPerConnKB: floor.rssAfterStormPerConnKB
		}
	);
	console.table(rows.filter((r) => r.n === n).map(({ scenario, n: _n, ...figures }) => ({ scenario, ...figures })));
}

if (RESTART_N > 0 && TOPOLOGY === 'single' && STORAGE === 'sqlite') {
	console.log(`\n— restart storm, ${RESTART_N} phones —`);
	rows.push(...(await restartStorm(RESTART_N)));
}

// Rows of scenarios run now (in this topology) replace their namesakes; the others are kept.
const ranAt = new Date().toISOString();
const keyOf = (r) => `${r.topology}/${r.storage}/${r.scenario}/${r.n}/${r.variant ?? ''}`;
const resultsUrl = new URL('./results.json', import.meta.url);
let previous = [];
try {
	previous = JSON.parse(readFileSync(resultsUrl, 'utf8')).rows ?? [];
} catch {}
const tagged = withTopology({ rows: [] }, rows.map((r) => ({ ...r, ranAt }))).rows;
const ranNow = new Set(tagged.map(keyOf));
const kept = previous.map((r) => ({ topology: 'single', storage: 'sqlite', ...r })).filter((r) => !ranNow.has(keyOf(r)));
writeFileSync(resultsUrl, JSON.stringify({ ranAt, rows: [...kept, ...tagged] }, null, '\t') + '\n');
console.log(`\nbench/results.json written (${topologyName}; rows of scenarios not run now kept).`);
console.log('Ratios to the bare Socket.IO floor:');
for (const row of rows.filter((r) => r.scenario === 'join_burst'))
	console.log(`  n=${row.n} join_burst: sustained joins ${row.baselineJoinsPerSec ? (row.joinsPerSec / row.baselineJoinsPerSec).toFixed(2) : '—'}× the floor's (${row.joinsPerSec}/s of ${row.baselineJoinsPerSec}/s)`);
for (const row of rows.filter((r) => r.scenario === 'restart_storm'))
	console.log(`  restart ${row.variant}: server CPU ${row.serverCpuMs} ms (${row.cpuRatioToFull}× full_uncached), all back in ${row.allBackMs} ms`);
for (const row of rows.filter((r) => r.scenario === 'vote_storm' || r.scenario === 'idle_hold')) {
	const ratio = (a, b) => (a === null || !b ? '—' : `${(a / b).toFixed(2)}×`);
	console.log(
		`  n=${row.n} ${row.scenario}: ${row.scenario === 'vote_storm' ? `to-screen p99 ${ratio(row.toScreenP99Ms, row.baselineToScreenP99Ms)}` : `RSS/conn ${ratio(row.rssPerConnKB, row.baselineRssPerConnKB)}`}`
	);
}
console.log(`Server CPU (ms, ${topologyName}; database = the whole PostgreSQL server, front = nginx and Redis):`);
for (const row of rows.filter((r) => r.cpuMsPerJoin !== undefined || r.cpuMsPerVote !== undefined)) {
	const [app, database, front] = row.scenario === 'join_burst' ? [row.cpuMsPerJoin, row.cpuMsPerJoinDatabase, row.cpuMsPerJoinFront] : [row.cpuMsPerVote, row.cpuMsPerVoteDatabase, row.cpuMsPerVoteFront];
	console.log(`  n=${row.n} per ${row.scenario === 'join_burst' ? 'join' : 'vote'}: app ${app}, database ${database}, front ${front}`);
}
process.exit(0);
