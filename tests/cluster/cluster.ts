/**
 * A province server in miniature, for the multi-process tests: a fresh database on the machine's
 * PostgreSQL, a private redis-server on a port of its own (so a test may stop and restart it), two
 * app processes of the production build (`node server.js`) and Debian's nginx in front of them,
 * configured by the shipped deploy/nginx.conf with only the ports changed. Nothing is mocked.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/lib/realtime/protocol';
import { writeLocalNginx } from '../../scripts/local-nginx.js';
import { freshPostgres } from '../integration/postgres';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
export const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? 'redis-server';
/** The response header the test wrapper adds: which app process answered (never in deploy/). */
const UPSTREAM_HEADER = 'x-test-upstream';

const running = new Set<ChildProcess>();
process.once('exit', () => {
	for (const child of running) child.kill('SIGKILL');
});

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 50) {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await sleep(everyMs);
	}
}

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

/** A child process whose output is kept for the report; `exited` settles when it ends. */
function launch(command: string, args: string[], env: Record<string, string>, logs: string[], label: string) {
	const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
	running.add(child);
	const exited = new Promise<void>((resolve) => child.once('exit', () => (running.delete(child), resolve())));
	const keep = (chunk: Buffer) => logs.push(`[${label}] ${chunk}`);
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	return { child, exited };
}

async function stopChild(process: { child: ChildProcess; exited: Promise<void> } | null, signal: NodeJS.Signals) {
	if (!process || process.child.exitCode !== null || process.child.signalCode !== null) return;
	process.child.kill(signal);
	await process.exited;
}

function redisPing(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = createConnection({ port, host: '127.0.0.1' });
		socket.setTimeout(1000, () => (socket.destroy(), resolve(false)));
		socket.once('error', () => resolve(false));
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.once('data', (data) => (socket.destroy(), resolve(String(data).startsWith('+PONG'))));
	});
}

async function healthy(origin: string): Promise<boolean> {
	try {
		const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(5000) });
		return response.ok;
	} catch {
		return false;
	}
}

export interface DemoEvent {
	id: string;
	code: string;
	displayKey: string;
	delegations: string[];
	topics: string[];
}

export interface AppProcess {
	name: 'A' | 'B';
	port: number;
	origin: string;
	pid(): number | undefined;
	start(): Promise<void>;
	stop(signal: NodeJS.Signals): Promise<void>;
}

export type Cluster = Awaited<ReturnType<typeof startCluster>>;

export async function startCluster(label: string, env: Record<string, string> = {}) {
	const dir = mkdtempSync(join(tmpdir(), `dien-dan-cluster-${label}-`));
	const logs: string[] = [];
	const database = await freshPostgres({ migrated: true });
	const db = new pg.Pool({ connectionString: database.url, max: 2 });
	// Dropping the database at the end ends its connections from the server's side: not a failure.
	db.on('error', () => undefined);
	const [redisPort, nginxPort, portA, portB] = [await freePort(), await freePort(), await freePort(), await freePort()];
	const redisUrl = `redis://127.0.0.1:${redisPort}`;
	const origin = `http://127.0.0.1:${nginxPort}`;

	let redisProcess: ReturnType<typeof launch> | null = null;
	const redis = {
		port: redisPort,
		url: redisUrl,
		async start() {
			redisProcess = launch(REDIS_SERVER, ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {}, logs, 'redis');
			await waitFor('redis-server to answer', () => redisPing(redisPort), 10_000);
		},
		/** Like a crash of the service: nothing kept (the machines' Redis keeps nothing on disk). */
		stop: () => stopChild(redisProcess, 'SIGKILL'),
		ping: () => redisPing(redisPort)
	};

	function appProcess(name: 'A' | 'B', port: number): AppProcess {
		let current: ReturnType<typeof launch> | null = null;
		const own = `http://127.0.0.1:${port}`;
		return {
			name,
			port,
			origin: own,
			pid: () => current?.child.pid,
			async start() {
				current = launch(
					process.execPath,
					['server.js'],
					{
						PORT: String(port),
						HOST: '127.0.0.1',
						DATABASE_URL: database.url,
						REDIS_URL: redisUrl,
						DEMO_EVENT: 'unmoderated',
						// As docs/deploy.md says for nginx in front: the child's address from X-Forwarded-For.
						ADDRESS_HEADER: 'X-Forwarded-For',
						XFF_DEPTH: '1',
						ALLOWED_HOSTS: 'forum.example.gov.vn',
						// Every simulated child comes from 127.0.0.1.
						JOIN_LIMIT_PER_MINUTE: '1000000000',
						SOCKETS_PER_ADDRESS: '100000',
						JOIN_FAILURES_GLOBAL_PER_MINUTE: '1000000',
						...env
					},
					logs,
					name
				);
				const exited = current.exited.then(() => {
					throw new Error(`app ${name} exited before it was healthy`);
				});
				await Promise.race([exited, waitFor(`app ${name} to be healthy`, () => healthy(own), 60_000, 100)]);
			},
			stop: (signal) => stopChild(current, signal)
		};
	}

	let nginxProcess: ReturnType<typeof launch> | null = null;
	const a = appProcess('A', portA);
	const b = appProcess('B', portB);
	try {
		await redis.start();
		// One after the other: the first seeds the demo event into the empty database, the second finds it.
		await a.start();
		await b.start();
		// One header beyond the shipped file: which process answered, so a test can choose where a phone lands.
		writeLocalNginx(dir, nginxPort, [portA, portB], [`add_header ${UPSTREAM_HEADER} $upstream_addr always;`]);
		nginxProcess = launch(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], {}, logs, 'nginx');
		await waitFor('nginx to answer', () => healthy(origin), 15_000, 100);
	} catch (error) {
		await dispose();
		throw new Error(`${(error as Error).message}\n${logs.join('')}`);
	}

	const { rows } = await db.query<{ id: string; code: string; displayKey: string }>(
		"select id, code, display_key as \"displayKey\" from events where code = 'VQ24'"
	);
	if (!rows[0]) throw new Error('the cluster did not seed the demo event');
	const ids = async (table: string) =>
		(await db.query<{ id: string }>(`select id from ${table} where event_id = $1 order by position`, [rows[0].id])).rows.map((r) => r.id);
	const event: DemoEvent = { ...rows[0], delegations: await ids('delegations'), topics: await ids('topics') };

	/** Which app process nginx sends the live connection of this lane key to. */
	async function processOf(lane: string): Promise<AppProcess> {
		const response = await fetch(`${origin}/socket.io/?EIO=4&transport=polling&lane=${encodeURIComponent(lane)}`);
		await response.body?.cancel();
		const upstream = response.headers.get(UPSTREAM_HEADER) ?? '';
		const port = Number(upstream.split(',').at(-1)?.trim().split(':').at(-1));
		if (port === a.port) return a;
		if (port === b.port) return b;
		throw new Error(`nginx answered from ${upstream || 'nowhere'} (HTTP ${response.status})`);
	}

	/** A lane key whose connections nginx sends to that process (found by asking nginx). */
	async function laneOn(target: AppProcess): Promise<string> {
		for (let tries = 0; tries < 64; tries++) {
			const lane = crypto.randomUUID();
			if ((await processOf(lane)) === target) return lane;
		}
		throw new Error(`no lane key lands on ${target.name}`);
	}

	async function dispose() {
		await stopChild(nginxProcess, 'SIGTERM');
		await Promise.all([a.stop('SIGKILL'), b.stop('SIGKILL')]);
		await redis.stop();
		await db.end().catch(() => undefined);
		await database.drop().catch(() => undefined);
		rmSync(dir, { recursive: true, force: true });
	}

	return { origin, dir, a, b, redis, db, event, processOf, laneOn, logs: () => logs.join(''), dispose };
}

/** A child joins through the real join form, through nginx; returns the session cookie. */
export async function joinChild(cluster: Cluster, delegationId: string): Promise<string> {
	const response = await fetch(`${cluster.origin}/j/${cluster.event.code}?/join`, {
		method: 'POST',
		body: new URLSearchParams({ delegationId, nickname: '' }),
		redirect: 'manual',
		headers: { origin: cluster.origin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }
	});
	const cookie = response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.find((c) => c.startsWith('dd_participant='));
	if (!cookie) throw new Error(`join refused: HTTP ${response.status}`);
	return cookie;
}

/** A live connection through nginx with the phone's own reconnection settings and a lane key. */
export function liveSocket(
	cluster: Cluster,
	auth: { role: 'participant' } | { role: 'display'; displayKey: string },
	lane: string,
	options: { cookie?: string; transports?: ('polling' | 'websocket')[] } = {}
): LiveSocket {
	const settings: Partial<ManagerOptions & SocketOptions> = {
		auth,
		query: { lane },
		extraHeaders: options.cookie ? { cookie: options.cookie } : {},
		transports: options.transports ?? ['polling', 'websocket'],
		reconnectionDelay: 500,
		reconnectionDelayMax: 4000,
		timeout: 8000,
		forceNew: true
	};
	return io(cluster.origin, settings);
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
