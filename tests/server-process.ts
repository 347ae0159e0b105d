/**
 * Starting and stopping real processes for the tests that run the production build themselves: the
 * e2e tests' own server (tests/e2e/own-server.ts) and the multi-process cluster
 * (tests/cluster/cluster.ts). One way to spawn, wait until healthy, stop, and never leave a
 * process behind; and the phone's way in (join form, live connection) both kinds of test use.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../src/lib/realtime/protocol';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Every process any test here started: killed when the worker exits, whatever happened. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
	for (const child of running) child.kill('SIGKILL');
});

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns true; fails with `what` after `timeoutMs`. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 50) {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await sleep(everyMs);
	}
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
}

export interface Launched {
	child: ChildProcess;
	/** Settles when the process has ended, with how it ended. */
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A child process in the project's folder whose output goes to `keep` (for the report when a test fails). */
export function launch(command: string, args: string[], env: Record<string, string>, keep: (chunk: string, from: 'stdout' | 'stderr') => void): Launched {
	const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
	running.add(child);
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.once('exit', (code, signal) => {
			running.delete(child);
			resolve({ code, signal });
		})
	);
	child.stdout?.on('data', (chunk) => keep(String(chunk), 'stdout'));
	child.stderr?.on('data', (chunk) => keep(String(chunk), 'stderr'));
	return { child, exited };
}

/** The server's own health check: 200 with `ok: true` once the store answers and takes writes. */
export async function healthz(origin: string, timeoutMs: number): Promise<boolean> {
	try {
		const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(timeoutMs) });
		return response.ok && ((await response.json()) as { ok: boolean }).ok === true;
	} catch {
		return false;
	}
}

/** `node server.js`: the production build (after `vite build`), with these settings over the caller's environment. */
export function launchServerJs(env: Record<string, string>, keep: (chunk: string, from: 'stdout' | 'stderr') => void): Launched {
	return launch(process.execPath, ['server.js'], env, keep);
}

/** Resolves once `healthy` says so; fails if the process ends first, or after `timeoutMs`. */
export async function untilHealthy(launched: Launched, name: string, healthy: () => Promise<boolean>, timeoutMs: number): Promise<void> {
	const died = launched.exited.then(({ code, signal }) => {
		throw new Error(`${name} exited (${signal ?? code}) before it was healthy`);
	});
	died.catch(() => {});
	await Promise.race([died, waitFor(`${name} to be healthy`, healthy, timeoutMs, 100)]);
}

/** Sends `signal` and waits for the end; false (nothing sent) for a process already ended. */
export async function stopProcess(launched: Launched | null, signal: NodeJS.Signals): Promise<boolean> {
	if (!launched || launched.child.exitCode !== null || launched.child.signalCode !== null) return false;
	launched.child.kill(signal);
	await launched.exited;
	return true;
}

/** A child joins through the real join form (as a phone posts it); returns the session cookie. */
export async function joinChild(server: { origin: string; event: { code: string } }, delegationId: string): Promise<string> {
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

/** The demo forum a server seeded (DEMO_EVENT), as the tests address it. */
export interface DemoEvent {
	id: string;
	code: string;
	displayKey: string;
	delegations: string[];
	topics: string[];
}
