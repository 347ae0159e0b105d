// Where `npm run bench` runs the forum (bench/run.js asks here):
//   BENCH_TOPOLOGY=single (default): one `node server.js`, on SQLite (BENCH_STORAGE=sqlite, default)
//     or on a fresh database of the machine's PostgreSQL (BENCH_STORAGE=postgres).
//   BENCH_TOPOLOGY=multi: nginx (deploy/nginx.conf) in front of BENCH_PROCESSES (default 2) app
//     processes on one fresh PostgreSQL database and a private redis-server: the province server.
// BENCH_POSTGRES_URL names the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres).
//
// Server CPU is read from /proc (clock ticks of 10 ms), split into the app processes, the database
// and the front (nginx and Redis), so the run can say what a join and a vote cost each of them.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { writeLocalNginx } from '../scripts/local-nginx.js';

export const TOPOLOGY = process.env.BENCH_TOPOLOGY ?? 'single';
export const STORAGE = process.env.BENCH_STORAGE ?? (TOPOLOGY === 'multi' ? 'postgres' : 'sqlite');
const PROCESSES = TOPOLOGY === 'multi' ? Number(process.env.BENCH_PROCESSES ?? 2) : 1;
const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
if (!['single', 'multi'].includes(TOPOLOGY)) throw new Error(`BENCH_TOPOLOGY=${TOPOLOGY}: single or multi`);
if (!['sqlite', 'postgres'].includes(STORAGE)) throw new Error(`BENCH_STORAGE=${STORAGE}: sqlite or postgres`);
if (TOPOLOGY === 'multi' && STORAGE !== 'postgres') throw new Error('BENCH_TOPOLOGY=multi needs PostgreSQL: several processes cannot share a SQLite file');

export const topologyName = TOPOLOGY === 'multi' ? `multi (nginx + ${PROCESSES} processes + PostgreSQL + Redis)` : `single process on ${STORAGE === 'postgres' ? 'PostgreSQL' : 'SQLite'}`;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort() {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address();
			probe.close(() => resolve(port));
		});
	});
}

/** utime + stime (+ the waited-for children's, for a parent that reaps its workers) in ms. */
function ownCpuMs(pid, withReaped = false) {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		const ticks = Number(fields[11]) + Number(fields[12]) + (withReaped ? Number(fields[13]) + Number(fields[14]) : 0);
		return ticks * 10;
	} catch {
		return 0; // gone
	}
}

/** A process and all its live children, plus what the children that already ended had used. */
function treeCpuMs(pid) {
	let total = ownCpuMs(pid, true);
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
			if (ppid === pid) total += ownCpuMs(Number(entry));
		} catch {
			// ended meanwhile
		}
	}
	return total;
}

/**
 * Server CPU used so far, in ms: the app processes, the database (the whole PostgreSQL server:
 * its postmaster reaps the backends, so their time stays counted; other users of the same server
 * are counted too, so run on a quiet machine) and the front (nginx, Redis).
 */
export function serverCpuMs(target) {
	const app = (target.appPids ?? [target.pid]).reduce((sum, pid) => sum + ownCpuMs(pid), 0);
	const database = target.postmasterPid ? treeCpuMs(target.postmasterPid) : 0;
	const front = (target.frontPids ?? []).reduce((sum, pid) => sum + treeCpuMs(pid), 0);
	return { app, database, front };
}

function launch(command, args, env) {
	const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
	child.stdout.resume();
	return child;
}

async function waitUntil(what, check, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (!(await check().catch(() => false))) {
		if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
		await sleep(100);
	}
}

const healthy = (origin) => fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(5000) }).then((r) => r.ok);

/**
 * The forum on PostgreSQL, one process (single) or several behind nginx with Redis (multi), with
 * the demo event seeded. `serverEnv` is what run.js gives every app process.
 */
export async function startForumOnPostgres(serverEnv) {
	const dir = mkdtempSync(join(tmpdir(), 'dien-dan-bench-'));
	const name = `bench_${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;
	const admin = new pg.Client({ connectionString: ADMIN_URL });
	await admin.connect();
	await admin.query(`create database ${name}`);
	const postmasterPid = Number(readFileSync(`/proc/${(await admin.query('select pg_backend_pid() as pid')).rows[0].pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
	await admin.end();
	const url = new URL(ADMIN_URL);
	url.pathname = `/${name}`;
	const databaseUrl = url.toString();

	const children = [];
	const frontPids = [];
	let redisUrl;
	if (TOPOLOGY === 'multi') {
		const port = await freePort();
		const redis = launch('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {});
		children.push(redis);
		frontPids.push(redis.pid);
		redisUrl = `redis://127.0.0.1:${port}`;
		await sleep(300);
	}
	const appPorts = [];
	for (let i = 0; i < PROCESSES; i++) {
		const port = await freePort();
		const env = {
			...serverEnv,
			PORT: String(port),
			DATABASE_URL: databaseUrl,
			...(redisUrl ? { REDIS_URL: redisUrl, ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '1' } : {})
		};
		children.push(launch(process.execPath, ['server.js'], env));
		appPorts.push(port);
		// One after the other: the first migrates and seeds the demo event, the others find it.
		await waitUntil(`app process ${i + 1}`, () => healthy(`http://127.0.0.1:${port}`), 60_000);
	}
	const appPids = children.filter((c) => c.spawnargs.includes('server.js')).map((c) => c.pid);
	let origin = `http://127.0.0.1:${appPorts[0]}`;
	if (TOPOLOGY === 'multi') {
		const port = await freePort();
		const config = writeLocalNginx(dir, port, appPorts);
		const nginx = launch(process.env.NGINX_PATH ?? '/usr/sbin/nginx', ['-p', dir, '-c', config, '-e', join(dir, 'error.log')], {});
		children.push(nginx);
		frontPids.push(nginx.pid);
		origin = `http://127.0.0.1:${port}`;
		await waitUntil('nginx', () => healthy(origin), 15_000);
	}

	const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
	pool.on('error', () => undefined);
	// run.js writes its SQL with SQLite's `?` placeholders; PostgreSQL numbers them.
	const query = async (sql, params = []) => {
		let n = 0;
		return (await pool.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows;
	};
	const [event] = await query("select id, code, display_key as \"displayKey\" from events where code = 'VQ24'");
	const delegations = (await query('select id from delegations where event_id = ? order by position', [event.id])).map((r) => r.id);
	return {
		pid: appPids[0],
		appPids,
		frontPids,
		postmasterPid,
		origin,
		event,
		delegations,
		query,
		async stop() {
			// nginx and the app processes first (their graceful stop), Redis last: it is theirs to the end.
			const exited = (child) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve)));
			const [redis, ...others] = TOPOLOGY === 'multi' ? children : [null, ...children];
			for (const child of others) child.kill('SIGTERM');
			await Promise.race([Promise.all(others.map(exited)), sleep(10_000)]);
			for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
			if (redis) await exited(redis);
			await pool.end().catch(() => undefined);
			const cleanup = new pg.Client({ connectionString: ADMIN_URL });
			await cleanup.connect();
			await cleanup.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
			await cleanup.end();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/**
 * bench/results.json keeps one set of rows per topology and storage: this run's rows (tagged)
 * replace the same topology's, the others stay, so single, multi and the bare floor sit side by side.
 * Rows from before topologies were recorded are the single process on SQLite.
 */
export function withTopology(previous, rows) {
	const tag = { topology: TOPOLOGY, storage: STORAGE };
	const same = (row) => (row.topology ?? 'single') === TOPOLOGY && (row.storage ?? 'sqlite') === STORAGE;
	const others = (previous?.rows ?? []).filter((row) => !same(row)).map((row) => ({ topology: 'single', storage: 'sqlite', ...row }));
	return { rows: [...others, ...rows.map((row) => ({ ...tag, ...row }))] };
}
