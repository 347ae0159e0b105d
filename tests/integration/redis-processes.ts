/**
 * Two app processes in one test: two createForumApp on one fresh PostgreSQL database, each with
 * its own link to a real Redis (a key prefix of its own per test, so parallel runs never meet) and
 * its own HTTP server with the Socket.IO Redis adapter: what one process does must reach the
 * other only through Redis and PostgreSQL, as between two real processes.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { io } from 'socket.io-client';
import { createForumApp, openPostgresStorage, type ForumApp } from '$lib/server/app';
import { PARTICIPANT_COOKIE } from '$lib/server/auth/participant-session';
import { STAFF_COOKIE } from '$lib/server/auth/staff-session';
import { openCluster } from '$lib/server/cluster/cluster';
import type { EventDetails } from '$lib/domain/event';
import type { StaffRole } from '$lib/domain/staff';
import { demoEvent } from '$lib/server/demo-event';
import { createRealtimeServer } from '$lib/server/realtime/server';
import { rooms } from '$lib/realtime/protocol';
import { freshPostgres } from './postgres';
import { DISPLAY_KEY, TEST_HEARTBEAT, type TestSocket } from './harness';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export const testPrefix = () => `test:processes:${crypto.randomUUID().slice(0, 8)}:`;

export interface ProcessOptions {
	redisUrl?: string;
	prefix?: string;
	/** Without a cluster: what one process of today would do (for the tests' own controls). */
	alone?: boolean;
	/** Vote, poll and join ticks by each event's one owner, as runtime.ts does with REDIS_URL. */
	tickLeases?: boolean;
	now?: () => number;
	socketCaps?: { perSession: number; perAddress: number; perStaffSession?: number };
}

export type AppProcess = Awaited<ReturnType<typeof startProcess>>;

async function startProcess(postgresUrl: string, options: ProcessOptions) {
	const cluster = options.alone ? undefined : openCluster(options.redisUrl ?? REDIS_URL, { prefix: options.prefix });
	// Until its link is up a process counts limits in its own memory: the tests start after that.
	if (cluster && (await cluster.ready()) !== 'ok') throw new Error(`Redis at ${options.redisUrl ?? REDIS_URL} does not answer`);
	const tickLeases = cluster && options.tickLeases ? { redisUrl: options.redisUrl ?? REDIS_URL, keyPrefix: cluster.prefix } : undefined;
	const app: ForumApp = createForumApp({ storage: await openPostgresStorage(postgresUrl), cluster, tickLeases, now: options.now });
	await app.tickOwner?.ready();
	const http: Server = createServer();
	const realtime = createRealtimeServer(http, app, { ...TEST_HEARTBEAT, socketCaps: options.socketCaps });
	await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
	const sockets: TestSocket[] = [];
	const connect = (opts: { token?: string; displayKey?: string; staff?: { token: string; eventId: string } }) => {
		const cookie = opts.staff ? `${STAFF_COOKIE}=${opts.staff.token}` : opts.token ? `${PARTICIPANT_COOKIE}=${opts.token}` : '';
		const auth = opts.staff ? { role: 'staff', eventId: opts.staff.eventId } : opts.displayKey ? { role: 'display', displayKey: opts.displayKey } : { role: 'participant' };
		const socket: TestSocket = io(url, { auth, extraHeaders: cookie ? { cookie } : {}, transports: ['websocket'], reconnection: false, forceNew: true });
		sockets.push(socket);
		return socket;
	};
	return {
		app,
		cluster,
		io: realtime.io,
		connect,
		/** Resolves 'connected' or the handshake's refusal. */
		outcome(opts: Parameters<typeof connect>[0]): Promise<{ socket: TestSocket; result: string }> {
			const socket = connect(opts);
			return new Promise((resolve) => {
				socket.once('connect', () => resolve({ socket, result: 'connected' }));
				socket.once('connect_error', (error) => resolve({ socket, result: error.message }));
			});
		},
		async connected(opts: Parameters<typeof connect>[0]) {
			const { socket, result } = await this.outcome(opts);
			if (result !== 'connected') throw new Error(result);
			return socket;
		},
		async close() {
			for (const socket of sockets) socket.disconnect();
			await realtime.close({ drainMs: 100 });
			await new Promise((resolve) => http.close(resolve));
			await app.close();
		}
	};
}

/** Processes A and B (more on request) on one database, and the demo event seeded through A. */
export async function startProcesses(options: ProcessOptions & { count?: number } = {}) {
	const postgres = await freshPostgres({ migrated: true });
	const prefix = options.prefix ?? testPrefix();
	const processes: AppProcess[] = [];
	for (let i = 0; i < (options.count ?? 2); i++) processes.push(await startProcess(postgres.url, { ...options, prefix }));
	const [a] = processes;
	const seed = demoEvent(() => crypto.randomUUID(), DISPLAY_KEY);
	await a.app.repos.events.create({ ...seed, moderation: false });
	const event = (await a.app.repos.events.findById(seed.id)) as EventDetails;
	if (!options.alone) await linked(processes, event.id);
	return {
		processes,
		event,
		prefix,
		postgresUrl: postgres.url,
		/** Another process on the same database and Redis (or alone, without Redis). */
		async add(extra: ProcessOptions = {}) {
			const added = await startProcess(postgres.url, { ...options, prefix, ...extra });
			processes.push(added);
			return added;
		},
		/** A child joins through process `at`'s join service; returns their cookie token. */
		async join(at: AppProcess, delegationIndex = 0) {
			const joined = await at.app.sessions.join(event, { delegationId: event.delegations[delegationIndex].id, nickname: null, showNickname: false }, 'test');
			if (!joined.ok) throw new Error(joined.error.code);
			return joined.data.token;
		},
		/** A staff account holding one role in the event, signed in through process `at`. */
		async staffMember(at: AppProcess, role: StaffRole) {
			const username = `${role}-${crypto.randomUUID().slice(0, 8)}`;
			const created = await at.app.staffAuth.createAccount({ username, displayName: username, password: 'mat-khau-du-dai' }, false);
			if (!created.ok) throw new Error(created.error.code);
			await at.app.repos.staff.grantRole(created.data.userId, { eventId: event.id, role, agencyId: null });
			const login = await at.app.staffAuth.login(username, 'mat-khau-du-dai', 'test');
			if (!login.ok) throw new Error(login.error.code);
			return { token: login.data.token, userId: created.data.userId, username };
		},
		/** What a phone sends to submit an item. */
		item: (text: string) => ({ id: crypto.randomUUID(), kind: 'question' as const, topicId: event.topics[0].id, agencyId: null, text }),
		async close() {
			for (const p of processes) await p.close();
			await postgres.drop();
			await forgetPrefix(options.redisUrl ?? REDIS_URL, prefix);
		}
	};
}

/** Deletes what a test left in the machine's Redis (its stream has no expiry of its own). */
export async function forgetPrefix(url: string, prefix: string) {
	const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
	try {
		await redis.connect();
		for (let cursor = '0'; ; ) {
			const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
			if (keys.length) await redis.del(...keys);
			if ((cursor = next) === '0') break;
		}
	} catch {
		// A private Redis the test already stopped: nothing left to delete.
	} finally {
		redis.disconnect();
	}
}

/**
 * Waits until a broadcast from each process reaches a screen on every other: an adapter starts
 * reading the stream a few ms after it is attached, and a test must not race that start.
 */
async function linked(processes: AppProcess[], eventId: string) {
	const screens = await Promise.all(processes.map((p) => p.connected({ displayKey: DISPLAY_KEY })));
	for (const from of processes) {
		const heard = screens.map((screen) => new Promise<void>((resolve) => screen.once('counters:changed', () => resolve())));
		const all = Promise.all(heard);
		let done = false;
		void all.then(() => (done = true));
		for (let tries = 0; !done; tries++) {
			if (tries > 100) throw new Error('the processes did not hear each other through Redis');
			from.io.to(rooms.display(eventId)).emit('counters:changed', { probe: true } as never);
			await Promise.race([all, new Promise((resolve) => setTimeout(resolve, 50))]);
		}
	}
	for (const screen of screens) screen.disconnect();
}

/** Resolves with the first `name` message the socket receives, or rejects after `withinMs`. */
export function nextMessage<T = unknown>(socket: TestSocket, name: string, withinMs = 5000): Promise<T> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no ${name} within ${withinMs} ms`)), withinMs);
		(socket as unknown as { once(name: string, listener: (payload: T) => void): void }).once(name, (payload: T) => {
			clearTimeout(timer);
			resolve(payload);
		});
	});
}

/** Polls `check` until it holds (a change crossing Redis takes a few ms), or fails after `withinMs`. */
export async function eventually(check: () => Promise<boolean> | boolean, withinMs = 5000) {
	for (const until = Date.now() + withinMs; Date.now() < until; ) {
		if (await check()) return true;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	return false;
}
