/**
 * A real server for integration tests: a fresh SQLite file, the demo event, the realtime server on
 * an ephemeral port, and real socket.io-client connections.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { createForumApp, openPostgresStorage, type ForumApp } from '$lib/server/app';
import { freshPostgres } from './postgres';
import { PARTICIPANT_COOKIE } from '$lib/server/auth/participant-session';
import { STAFF_COOKIE } from '$lib/server/auth/staff-session';
import type { StaffRole } from '$lib/domain/staff';
import { demoEvent } from '$lib/server/demo-event';
import { createRealtimeServer } from '$lib/server/realtime/server';
import { unlimited, type RateLimiter } from '$lib/server/services/rate-limit';
import type { EventDetails } from '$lib/domain/event';
import type { SubmissionKind } from '$lib/domain/submission';
import type { ClientToServerEvents, ServerToClientEvents } from '$lib/realtime/protocol';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export const DISPLAY_KEY = 'test-display-key-0123456789';

/** A heartbeat short enough for tests (production: HEARTBEAT in realtime/heartbeat.ts). */
export const TEST_HEARTBEAT = { pingIntervalMs: 1000, pingTimeoutMs: 1000 };

export async function startTestServer(
	options: { limiter?: RateLimiter; moderation?: boolean; socketCaps?: { perSession: number; perAddress: number; perStaffSession?: number } } = {}
) {
	const dir = mkdtempSync(join(tmpdir(), 'dien-dan-'));
	const databasePath = join(dir, 'forum.db');
	// TEST_STORAGE=postgres runs the same tests on a fresh database of the machine's PostgreSQL.
	const postgres = process.env.TEST_STORAGE === 'postgres' ? await freshPostgres({ migrated: true }) : null;
	const app: ForumApp = createForumApp({
		databasePath,
		storage: postgres ? await openPostgresStorage(postgres.url) : undefined,
		limiter: options.limiter ?? unlimited
	});
	const seed = demoEvent(() => crypto.randomUUID(), DISPLAY_KEY);
	await app.repos.events.create({ ...seed, moderation: options.moderation ?? false });
	const event = (await app.repos.events.findById(seed.id)) as EventDetails;

	const http: Server = createServer();
	const realtime = createRealtimeServer(http, app, { ...TEST_HEARTBEAT, socketCaps: options.socketCaps });
	await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
	const sockets: Socket[] = [];

	const connect = (opts: {
		token?: string;
		displayKey?: string;
		/** A staff session token and the event the console opens. */
		staff?: { token: string; eventId: string };
		transports?: ('polling' | 'websocket')[];
		origin?: string;
	}) => {
		const headers: Record<string, string> = {};
		if (opts.token) headers.cookie = `${PARTICIPANT_COOKIE}=${opts.token}`;
		if (opts.staff) headers.cookie = `${STAFF_COOKIE}=${opts.staff.token}`;
		if (opts.origin) headers.origin = opts.origin;
		const auth = opts.staff
			? { role: 'staff', eventId: opts.staff.eventId }
			: opts.displayKey
				? { role: 'display', displayKey: opts.displayKey }
				: { role: 'participant' };
		const socket: TestSocket = io(url, {
			auth,
			extraHeaders: headers,
			transports: opts.transports ?? ['websocket'],
			reconnection: false,
			forceNew: true
		});
		sockets.push(socket);
		roleOf.set(socket, opts.staff ? 'staff:sync' : opts.displayKey ? 'display:sync' : 'participant:sync');
		return socket;
	};

	return {
		app,
		event,
		url,
		/** The Socket.IO server, for tests that watch connections or look at what it registered. */
		io: realtime.io,
		/** The live server itself, for tests that stop it as SIGTERM does (its graceful close). */
		realtime,
		/** The SQLite file the app holds open, for tests that open a second connection to it. */
		databasePath,
		/** The PostgreSQL database this server runs on (TEST_STORAGE=postgres), else null: SQLite at databasePath. */
		postgresUrl: postgres?.url ?? null,
		/** A child joins through the same service the join form uses; returns their cookie token. */
		async join(delegationIndex = 0, nickname: string | null = null) {
			const joined = await app.sessions.join(
				event,
				{ delegationId: event.delegations[delegationIndex].id, nickname, showNickname: Boolean(nickname) },
				'test'
			);
			if (!joined.ok) throw new Error(joined.error.code);
			return joined.data;
		},
		/** A staff account holding one role in the demo event; returns its session token. */
		async staffMember(role: StaffRole, agencyIndex: number | null = null) {
			const username = `${role}-${crypto.randomUUID().slice(0, 8)}`;
			const created = await app.staffAuth.createAccount({ username, displayName: username, password: 'mat-khau-du-dai' }, false);
			if (!created.ok) throw new Error(created.error.code);
			const agencyId = agencyIndex === null ? null : event.agencies[agencyIndex].id;
			await app.repos.staff.grantRole(created.data.userId, { eventId: event.id, role, agencyId });
			const login = await app.staffAuth.login(username, 'mat-khau-du-dai', 'test');
			if (!login.ok) throw new Error(login.error.code);
			return { token: login.data.token, userId: created.data.userId, username };
		},
		connect,
		/**
		 * A child sends an item from their phone, as the composer does; returns the acked item or
		 * throws its refusal code. `topic` indexes the demo event's topics.
		 */
		async submit(phone: TestSocket, text: string, options: { kind?: SubmissionKind; topic?: number; agencyId?: string | null } = {}) {
			const ack = await phone.emitWithAck('submission:submit', {
				id: crypto.randomUUID(),
				kind: options.kind ?? 'question',
				topicId: event.topics[options.topic ?? 0].id,
				agencyId: options.agencyId ?? null,
				text
			});
			if (!ack.ok) throw new Error(ack.error.code);
			return ack.data;
		},
		async connected(opts: Parameters<typeof connect>[0]) {
			const socket = connect(opts);
			await new Promise<void>((resolve, reject) => {
				socket.once('connect', () => resolve());
				socket.once('connect_error', reject);
			});
			return socket;
		},
		async close() {
			for (const s of sockets) s.disconnect();
			await realtime.close();
			await new Promise((resolve) => http.close(resolve));
			await app.close();
			await postgres?.drop();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** Resolves with the next event of that name, or rejects after a timeout. */
export function nextEvent<E extends keyof ServerToClientEvents>(socket: TestSocket, event: E, timeoutMs = 3000) {
	return new Promise<Parameters<ServerToClientEvents[E]>[0]>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no ${String(event)} within ${timeoutMs} ms`)), timeoutMs);
		socket.once(event, ((payload: Parameters<ServerToClientEvents[E]>[0]) => {
			clearTimeout(timer);
			resolve(payload);
		}) as never);
	});
}

/** Collects every event of that name, to prove something arrived exactly once. */
export function collect<E extends keyof ServerToClientEvents>(socket: TestSocket, event: E) {
	const seen: Parameters<ServerToClientEvents[E]>[0][] = [];
	socket.on(event, ((payload: Parameters<ServerToClientEvents[E]>[0]) => seen.push(payload)) as never);
	return seen;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const roleOf = new WeakMap<TestSocket, 'staff:sync' | 'display:sync' | 'participant:sync'>();

/**
 * Resolves once everything the server had sent these sockets has arrived: one round trip each (a
 * sync, which changes nothing), and a connection delivers in order. For "nobody else heard it"
 * after an acknowledged command, instead of a fixed wait. Not for ticked messages (vote counts).
 */
export async function delivered(...sockets: TestSocket[]) {
	await Promise.all(sockets.map((socket) => socket.emitWithAck(roleOf.get(socket) ?? 'participant:sync', {})));
}

/** Waits for a condition, polling, or fails after a timeout: for a change that happens in its own time. */
export async function until(condition: () => boolean, timeoutMs = 3000) {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await sleep(5);
	}
}

/** Resolves with the first event of that name that satisfies `matches`: earlier ones still in flight are skipped. */
export function eventMatching<E extends keyof ServerToClientEvents>(
	socket: TestSocket,
	event: E,
	matches: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean,
	timeoutMs = 3000
) {
	return new Promise<Parameters<ServerToClientEvents[E]>[0]>((resolve, reject) => {
		const listener = ((payload: Parameters<ServerToClientEvents[E]>[0]) => {
			if (!matches(payload)) return;
			clearTimeout(timer);
			socket.off(event, listener);
			resolve(payload);
		}) as never;
		const timer = setTimeout(() => {
			socket.off(event, listener);
			reject(new Error(`no matching ${String(event)} within ${timeoutMs} ms`));
		}, timeoutMs);
		socket.on(event, listener);
	});
}
