/**
 * A production server of a test's own: `node server.js` (the real entry, after `vite build`) on a
 * free port and a fresh SQLite file, apart from the shared Playwright web server, so a test may kill,
 * freeze and restart it. Simulated children join through the real join form and talk over real
 * socket.io-client connections, as bench/worker.js does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/lib/realtime/protocol';
import { DEMO_CODE } from './env';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every server process any test here started: killed when the worker exits, whatever happened. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
	for (const child of running) child.kill('SIGKILL');
});

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns true; fails with `what` after `timeoutMs`. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 50) {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await sleep(everyMs);
	}
}

export interface DemoEvent {
	id: string;
	code: string;
	displayKey: string;
	delegations: string[];
	topics: string[];
}

export type OwnServer = Awaited<ReturnType<typeof startOwnServer>>;

export async function startOwnServer(label: string) {
	const dir = mkdtempSync(join(tmpdir(), `dien-dan-${label}-`));
	const databasePath = join(dir, 'forum.db');
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	let child: ChildProcess | null = null;
	/** The servers' output, kept for the report when a test fails. */
	let log = '';
	/** When the last started process began listening (it prints its address then). */
	let listeningAt = 0;

	async function start() {
		const started = spawn(process.execPath, ['server.js'], {
			cwd: ROOT,
			env: {
				...process.env,
				PORT: String(port),
				HOST: '127.0.0.1',
				DATABASE_PATH: databasePath,
				DEMO_EVENT: 'unmoderated',
				// Every simulated child comes from 127.0.0.1: lift the per-address join ceiling.
				JOIN_LIMIT_PER_MINUTE: '1000000000',
				// ...and the per-address socket cap (a hall's worth): these tests are ten halls at once.
				SOCKETS_PER_ADDRESS: '100000'
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		child = started;
		running.add(started);
		const exited = new Promise<never>((_, reject) =>
			started.once('exit', (code, signal) => {
				running.delete(started);
				reject(new Error(`server exited (${signal ?? code}) before it was healthy:\n${log}`));
			})
		);
		exited.catch(() => {});
		started.stdout?.on('data', (chunk) => {
			log += chunk;
			if (String(chunk).includes(' is running on ')) listeningAt = Date.now();
		});
		started.stderr?.on('data', (chunk) => (log += chunk));
		// A server just restarted may have a thousand phones knocking at once: give each probe time.
		await Promise.race([exited, waitFor('the server to be healthy', () => healthy(), 120_000, 100)]);
	}

	async function healthy(): Promise<boolean> {
		try {
			const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(15_000) });
			return response.ok && ((await response.json()) as { ok: boolean }).ok === true;
		} catch {
			return false;
		}
	}

	async function stop(signal: 'SIGKILL' | 'SIGTERM') {
		const current = child;
		if (!current || current.exitCode !== null || current.signalCode !== null) return;
		const exited = new Promise((resolve) => current.once('exit', resolve));
		current.kill(signal);
		await exited;
		running.delete(current);
		child = null;
	}

	/** Reads the database: a read-only connection of its own, closed again at once. */
	function read<T>(query: (db: Database.Database) => T): T {
		const db = new Database(databasePath, { readonly: true, fileMustExist: true });
		try {
			return query(db);
		} finally {
			db.close();
		}
	}

	async function dispose() {
		child?.kill('SIGCONT');
		await stop('SIGKILL');
		rmSync(dir, { recursive: true, force: true });
	}

	try {
		await start();
	} catch (error) {
		await dispose();
		throw error;
	}
	const event = read((db): DemoEvent => {
		const row = db.prepare('select id, code, display_key as displayKey from events where code = ?').get(DEMO_CODE) as
			| { id: string; code: string; displayKey: string }
			| undefined;
		if (!row) throw new Error('the server did not seed the demo event');
		const ids = (table: string) =>
			(db.prepare(`select id from ${table} where event_id = ? order by position`).all(row.id) as { id: string }[]).map((r) => r.id);
		return { ...row, delegations: ids('delegations'), topics: ids('topics') };
	});

	return {
		origin,
		port,
		databasePath,
		event,
		/** Starts the server again on the same port and database. */
		start,
		healthy,
		/** SIGKILL: a crash, nothing flushed or closed. SIGTERM: the graceful stop in server.js. */
		stop,
		/** SIGSTOP / SIGCONT: a frozen server keeps its sockets open and answers nothing. */
		freeze: () => child?.kill('SIGSTOP'),
		thaw: () => child?.kill('SIGCONT'),
		pid: () => child?.pid,
		listeningAt: () => listeningAt,
		read,
		log: () => log,
		/** Kills the server (whatever state it is in) and removes its database. */
		dispose
	};
}

/** A child joins through the real join form (as a phone posts it); returns the session cookie. */
export async function joinChild(server: OwnServer, delegationId: string): Promise<string> {
	const response = await fetch(`${server.origin}/j/${server.event.code}?/join`, {
		method: 'POST',
		body: new URLSearchParams({ delegationId, nickname: '' }),
		redirect: 'manual',
		headers: { origin: server.origin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }
	});
	const cookie = response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.find((c) => c.startsWith('dd_participant='));
	if (!cookie) throw new Error(`join refused: HTTP ${response.status}`);
	return cookie;
}

/** The participant behind a session cookie: the database keeps only the token's SHA-256. */
export function participantOf(server: OwnServer, cookie: string): string {
	const token = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));
	const id = createHash('sha256').update(token).digest('hex');
	const row = server.read(
		(db) => db.prepare('select participant_id as participantId from participant_sessions where id = ?').get(id) as { participantId: string } | undefined
	);
	if (!row) throw new Error('no session for that cookie');
	return row.participantId;
}

/**
 * A live connection with the phone's own reconnection settings (src/lib/client/socket.ts): the client
 * reconnects by itself; tests never call `connect()` again.
 */
export function liveSocket(
	server: OwnServer,
	auth: { role: 'participant' } | { role: 'display'; displayKey: string },
	options: { cookie?: string; transports?: ('polling' | 'websocket')[]; reconnection?: boolean } = {}
): LiveSocket {
	const settings: Partial<ManagerOptions & SocketOptions> = {
		auth,
		extraHeaders: options.cookie ? { cookie: options.cookie } : {},
		transports: options.transports ?? ['websocket'],
		reconnection: options.reconnection ?? true,
		reconnectionDelay: 500,
		reconnectionDelayMax: 4000,
		timeout: 8000,
		forceNew: true
	};
	return io(server.origin, settings);
}

export function connected(socket: LiveSocket, timeoutMs = 15_000): Promise<void> {
	if (socket.connected) return Promise.resolve();
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('no connection')), timeoutMs);
		socket.once('connect', () => {
			clearTimeout(timer);
			resolve();
		});
	});
}

/** Runs `task` over `items` with at most `limit` at a time. */
export async function inBatches<T, R>(items: T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(limit, items.length) }, async () => {
			while (next < items.length) {
				const index = next++;
				results[index] = await task(items[index], index);
			}
		})
	);
	return results;
}
