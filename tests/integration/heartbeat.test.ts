/**
 * The heartbeat: a phone whose Wi-Fi silently vanishes is noticed by the server, and the phone
 * notices the silence itself, within one ping interval plus one ping timeout, not Socket.IO's default
 * 45 s. Here with the harness's short heartbeat; tests/e2e/crash-recovery.test.ts measures the
 * production one against the built server (a silent client, a SIGSTOPped server).
 */
import { createServer } from 'node:http';
import type { Socket as TcpSocket } from 'node:net';
import type { Socket as ServerSocket } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { createForumApp } from '$lib/server/app';
import { HEARTBEAT, SILENCE_NOTICED_WITHIN_MS } from '$lib/server/realtime/heartbeat';
import { createRealtimeServer } from '$lib/server/realtime/server';
import { startTestServer, TEST_HEARTBEAT, type TestServer } from './harness';

describe('the heartbeat', () => {
	let server: TestServer | null = null;
	afterEach(async () => {
		await server?.close();
		server = null;
	});

	it('notices silence within 15 s in production, and is what a server gets unless told otherwise', async () => {
		expect(SILENCE_NOTICED_WITHIN_MS).toBe(HEARTBEAT.pingIntervalMs + HEARTBEAT.pingTimeoutMs);
		expect(SILENCE_NOTICED_WITHIN_MS).toBeLessThanOrEqual(15_000);

		const app = createForumApp({ databasePath: ':memory:' });
		const realtime = createRealtimeServer(createServer(), app);
		try {
			expect(realtime.io.engine.opts.pingInterval).toBe(HEARTBEAT.pingIntervalMs);
			expect(realtime.io.engine.opts.pingTimeout).toBe(HEARTBEAT.pingTimeoutMs);
		} finally {
			await realtime.close();
			app.close();
		}
	});

	it("drops a phone whose connection went silent, and the phone notices too, within interval + timeout", async () => {
		server = await startTestServer();
		const { token } = await server.join(0);
		const accepted = new Promise<ServerSocket>((resolve) => server!.io.once('connection', resolve));
		const phone = await server.connected({ token });
		const onServer = await accepted;
		expect(onServer.id).toBe(phone.id);

		const droppedByServer = new Promise<[string, number]>((resolve) => onServer.once('disconnect', (reason) => resolve([reason, Date.now()])));
		const noticedByPhone = new Promise<[string, number]>((resolve) => phone.once('disconnect', (reason) => resolve([reason, Date.now()])));
		// The Wi-Fi vanishes: the TCP connection stays open, but nothing gets through any more in either
		// direction (the phone reads nothing, so it answers no ping either).
		const tcp = (phone.io.engine.transport as unknown as { ws: { _socket: TcpSocket } }).ws._socket;
		tcp.pause();
		const silentSince = Date.now();
		try {
			const [[serverReason, serverAt], [phoneReason, phoneAt]] = await Promise.all([droppedByServer, noticedByPhone]);
			const bound = TEST_HEARTBEAT.pingIntervalMs + TEST_HEARTBEAT.pingTimeoutMs + 1000;
			expect(serverReason).toBe('ping timeout');
			expect(serverAt - silentSince).toBeLessThanOrEqual(bound);
			expect(serverAt - silentSince).toBeGreaterThanOrEqual(TEST_HEARTBEAT.pingTimeoutMs - 100);
			expect(phoneReason).toBe('ping timeout');
			expect(phoneAt - silentSince).toBeLessThanOrEqual(bound);
		} finally {
			// Neither side would ever read the other's goodbye: end the connection for the clean-up.
			tcp.destroy();
		}
	});
});
