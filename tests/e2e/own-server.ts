/**
 * A production server of a test's own: `node server.js` (the real entry, after `vite build`) on a
 * free port and a fresh SQLite file, apart from the shared Playwright web server, so a test may kill,
 * freeze and restart it. Simulated children join through the real join form and talk over real
 * socket.io-client connections, as bench/worker.js does.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { io, type ManagerOptions, type SocketOptions } from 'socket.io-client';
import { freePort, healthz, launchServerJs, stopProcess, untilHealthy, type DemoEvent, type Launched, type LiveSocket } from '../server-process';
import { DEMO_CODE } from './env';

export { connected, joinChild, sleep, waitFor, type DemoEvent, type LiveSocket } from '../server-process';

export type OwnServer = Awaited<ReturnType<typeof startOwnServer>>;

export async function startOwnServer(label: string) {
	const dir = mkdtempSync(join(tmpdir(), `dien-dan-${label}-`));
	const databasePath = join(dir, 'forum.db');
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	let child: Launched | null = null;
	/** The servers' output, kept for the report when a test fails. */
	let log = '';
	/** When the last started process began listening (it prints its address then). */
	let listeningAt = 0;

	const healthy = () => healthz(origin, 15_000);

	async function start() {
		child = launchServerJs(
			{
				PORT: String(port),
				HOST: '127.0.0.1',
				DATABASE_PATH: databasePath,
				DEMO_EVENT: 'unmoderated',
				// Every simulated child comes from 127.0.0.1: lift the per-address join ceiling.
				JOIN_LIMIT_PER_MINUTE: '1000000000',
				// ...and the per-address socket cap (a hall's worth): these tests are ten halls at once.
				SOCKETS_PER_ADDRESS: '100000'
			},
			(chunk, from) => {
				log += chunk;
				if (from === 'stdout' && chunk.includes(' is running on ')) listeningAt = Date.now();
			}
		);
		// A server just restarted may have a thousand phones knocking at once: give each probe time.
		await untilHealthy(child, 'server', healthy, 120_000).catch((error: Error) => {
			throw new Error(`${error.message}:\n${log}`);
		});
	}

	async function stop(signal: 'SIGKILL' | 'SIGTERM') {
		if (await stopProcess(child, signal)) child = null;
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
		child?.child.kill('SIGCONT');
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
		freeze: () => child?.child.kill('SIGSTOP'),
		thaw: () => child?.child.kill('SIGCONT'),
		pid: () => child?.child.pid,
		listeningAt: () => listeningAt,
		read,
		log: () => log,
		/** Kills the server (whatever state it is in) and removes its database. */
		dispose
	};
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
