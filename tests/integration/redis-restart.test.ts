/**
 * Redis restarted during the event: a private redis-server of the test's own (Debian's, on a free
 * port, nothing kept on disk) is shut down under two processes and started again. Meanwhile the
 * app keeps answering (limits fall back to each process's memory); once it is back, broadcasts
 * reach the other process's phones again on the same connections, without a reload, and a setup
 * change made during the outage is seen there too.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { SubmissionView } from '$lib/domain/submission';
import { eventually, nextMessage, startProcesses } from './redis-processes';

let forum: Awaited<ReturnType<typeof startProcesses>> | undefined;
let redis: ChildProcess | undefined;
afterEach(async () => {
	await forum?.close();
	forum = undefined;
	redis?.kill('SIGKILL');
	redis = undefined;
});

/** A port nobody listens on now. */
function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
}

/** Debian's redis-server in the foreground, ready when it says so. */
function startRedis(port: number): Promise<ChildProcess> {
	const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('redis-server did not start')), 10_000);
		server.stdout!.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('Ready to accept connections')) {
				clearTimeout(timer);
				resolve(server);
			}
		});
		server.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
	});
}

function stopRedis(port: number, server: ChildProcess): Promise<void> {
	const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
	spawnSync('redis-cli', ['-p', String(port), 'shutdown', 'nosave']);
	return exited;
}

describe('Redis restarted during the event', () => {
	it('keeps the app answering while Redis is away, and brings broadcasts back to the same connections once it returns', { timeout: 60_000 }, async () => {
		const port = await freePort();
		redis = await startRedis(port);
		forum = await startProcesses({ redisUrl: `redis://127.0.0.1:${port}` });
		const [a, b] = forum.processes;
		const organiser = await forum.staffMember(a, 'organiser');
		const actor = (await a.app.staffAuth.resume(organiser.token))!.actor;
		const phoneOnB = await b.connected({ token: await forum.join(b, 0) });
		const phoneOnA = await a.connected({ token: await forum.join(a, 1) });
		let reconnects = 0;
		phoneOnB.on('disconnect', () => reconnects++);
		const titleOnB = async () => (await b.app.eventSetup.formOf(actor, forum!.event.id))!.title;
		const before = await titleOnB();

		await stopRedis(port, redis);
		expect(await eventually(() => a.cluster!.health() === 'down' && b.cluster!.health() === 'down')).toBe(true);
		// Joining, connecting, sending and the sign-in all go on: each limit is counted in the process's memory.
		const latecomer = await forum.join(a, 2);
		// Their phone connects too: the socket caps count in the process's memory meanwhile.
		expect((await b.outcome({ token: latecomer })).result).toBe('connected');
		const during = await phoneOnA.emitWithAck('submission:submit', forum.item('Gửi khi Redis vắng mặt'));
		expect(during.ok).toBe(true);
		expect((await a.app.staffAuth.login(organiser.username, 'mat-khau-du-dai', '10.0.0.1')).ok).toBe(true);
		// A changes the setup while nobody can tell B.
		const form = (await a.app.eventSetup.formOf(actor, forum.event.id))!;
		expect((await a.app.eventSetup.update(actor, forum.event.id, { ...form, title: 'Đổi tên khi Redis vắng' })).ok).toBe(true);

		redis = await startRedis(port);
		expect(await eventually(() => a.cluster!.health() === 'ok' && b.cluster!.health() === 'ok', 15_000)).toBe(true);
		// Broadcasts flow again, to the phone connected all along.
		const after = await eventually(async () => {
			const heard = nextMessage<SubmissionView>(phoneOnB, 'submission:added', 1000).then((item) => item.text === 'Sau khi Redis trở lại', () => false);
			const sent = await phoneOnA.emitWithAck('submission:submit', forum!.item('Sau khi Redis trở lại'));
			return sent.ok && (await heard);
		}, 15_000);
		expect(after).toBe(true);
		expect(phoneOnB.connected).toBe(true);
		expect(reconnects).toBe(0);
		// B missed the change's message; its subscription coming back dropped its whole cache.
		expect(before).not.toBe('Đổi tên khi Redis vắng');
		expect(await eventually(async () => (await titleOnB()) === 'Đổi tên khi Redis vắng')).toBe(true);
	});
});
