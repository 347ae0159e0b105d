/**
 * A province server in miniature, for the multi-process tests: a fresh database on the machine's
 * PostgreSQL, a private redis-server on a port of its own (so a test may stop and restart it), two
 * app processes of the production build (`node server.js`) and Debian's nginx in front of them,
 * configured by the shipped deploy/nginx.conf with only the ports changed. Nothing is mocked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { io, type ManagerOptions, type SocketOptions } from 'socket.io-client';
import { writeLocalNginx } from '../../scripts/local-nginx.js';
import { freshPostgres } from '../integration/postgres';
import { freePort, healthz, launch, launchServerJs, stopProcess, untilHealthy, waitFor, type DemoEvent, type Launched, type LiveSocket } from '../server-process';

export { connected, joinChild, sleep, waitFor, type DemoEvent, type LiveSocket } from '../server-process';
export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
export const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? 'redis-server';
/** The response header the test wrapper adds: which app process answered (never in deploy/). */
const UPSTREAM_HEADER = 'x-test-upstream';

function redisPing(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = createConnection({ port, host: '127.0.0.1' });
		socket.setTimeout(1000, () => (socket.destroy(), resolve(false)));
		socket.once('error', () => resolve(false));
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.once('data', (data) => (socket.destroy(), resolve(String(data).startsWith('+PONG'))));
	});
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

	/** Each process's output, marked with whose it is, for the report when a test fails. */
	const keep = (label: string) => (chunk: string) => logs.push(`[${label}] ${chunk}`);
	const healthy = (at: string) => () => healthz(at, 5000);

	let redisProcess: Launched | null = null;
	const redis = {
		port: redisPort,
		url: redisUrl,
		async start() {
			redisProcess = launch(REDIS_SERVER, ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {}, keep('redis'));
			await waitFor('redis-server to answer', () => redisPing(redisPort), 10_000);
		},
		/** Like a crash of the service: nothing kept (the machines' Redis keeps nothing on disk). */
		stop: () => stopProcess(redisProcess, 'SIGKILL'),
		ping: () => redisPing(redisPort)
	};

	function appProcess(name: 'A' | 'B', port: number): AppProcess {
		let current: Launched | null = null;
		const own = `http://127.0.0.1:${port}`;
		return {
			name,
			port,
			origin: own,
			pid: () => current?.child.pid,
			async start() {
				current = launchServerJs(
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
					keep(name)
				);
				await untilHealthy(current, `app ${name}`, healthy(own), 60_000);
			},
			stop: async (signal) => {
				await stopProcess(current, signal);
			}
		};
	}

	let nginxProcess: Launched | null = null;
	const a = appProcess('A', portA);
	const b = appProcess('B', portB);
	try {
		await redis.start();
		// One after the other: the first seeds the demo event into the empty database, the second finds it.
		await a.start();
		await b.start();
		// One header beyond the shipped file: which process answered, so a test can choose where a phone lands.
		writeLocalNginx(dir, nginxPort, [portA, portB], [`add_header ${UPSTREAM_HEADER} $upstream_addr always;`]);
		nginxProcess = launch(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], {}, keep('nginx'));
		await waitFor('nginx to answer', healthy(origin), 15_000, 100);
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
		await stopProcess(nginxProcess, 'SIGTERM');
		await Promise.all([a.stop('SIGKILL'), b.stop('SIGKILL')]);
		await redis.stop();
		await db.end().catch(() => undefined);
		await database.drop().catch(() => undefined);
		rmSync(dir, { recursive: true, force: true });
	}

	return { origin, dir, a, b, redis, db, event, processOf, laneOn, logs: () => logs.join(''), dispose };
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
