/**
 * DNS rebinding on the live channel: the outside test's handshake with Origin and Host both set to
 * a foreign name was accepted. Now only this server's names and the hall's network are.
 */
import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PARTICIPANT_COOKIE } from '$lib/server/auth/participant-session';
import { startTestServer, type TestServer } from './harness';

let server: TestServer;
beforeEach(async () => (server = await startTestServer()));
afterEach(() => server.close());

/** The first request of a Socket.IO handshake (long-polling), with the Host and Origin a page would send. */
function handshake(host: string, token: string): Promise<number> {
	const { port } = new URL(server.url);
	return new Promise((resolve, reject) => {
		const request = httpRequest(
			{
				host: '127.0.0.1',
				port,
				path: '/socket.io/?EIO=4&transport=polling',
				headers: { host, origin: `http://${host}`, cookie: `${PARTICIPANT_COOKIE}=${token}` }
			},
			(response) => {
				response.resume();
				resolve(response.statusCode ?? 0);
			}
		);
		request.on('error', reject);
		request.end();
	});
}

describe('the socket handshake’s Host', () => {
	it('refuses a foreign name even when Origin agrees with it (DNS rebinding)', async () => {
		const { token } = await server.join(0);
		const { port } = new URL(server.url);
		expect(await handshake(`evil.example:${port}`, token)).toBe(403);
		expect(await handshake(`rebind.attacker.com`, token)).toBe(403);
	});

	it('accepts this server on the hall’s network', async () => {
		const { token } = await server.join(0);
		const { port } = new URL(server.url);
		expect(await handshake(`127.0.0.1:${port}`, token)).toBe(200);
		expect(await handshake(`192.168.1.20:${port}`, token)).toBe(200);
		expect(await handshake(`localhost:${port}`, token)).toBe(200);
	});
});
