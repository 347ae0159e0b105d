/**
 * Live connections are capped: a handful per session, a hall's worth per address. Without a cap
 * one cookie opened 2,000 sockets in 2.3 s, each receiving every broadcast.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SOCKET_CAPS } from '$lib/server/realtime/socket-caps';
import { startTestServer, type TestServer, type TestSocket } from './harness';

let server: TestServer;
afterEach(() => server.close());

/** Resolves 'connected' or the handshake's refusal message. */
function outcome(socket: TestSocket): Promise<string> {
	return new Promise((resolve) => {
		socket.once('connect', () => resolve('connected'));
		socket.once('connect_error', (error) => resolve(error.message));
	});
}

describe('sockets per session and per address', () => {
	it(`lets one child's cookie open ${SOCKET_CAPS.perSession} sockets, refuses the rest, and frees a place when one closes`, async () => {
		expect(SOCKET_CAPS.perSession).toBe(5);
		server = await startTestServer();
		const { token } = await server.join(0);
		const other = await server.join(1);
		// 50 at once with one cookie (the attack opened 2,000).
		const sockets = Array.from({ length: 50 }, () => server.connect({ token }));
		const results = await Promise.all(sockets.map(outcome));
		expect(results.filter((r) => r === 'connected')).toHaveLength(5);
		expect(results.filter((r) => r === 'too_many_connections')).toHaveLength(45);
		expect(server.io.of('/').sockets.size).toBe(5);
		// Another child on the same address is not affected.
		expect(await outcome(server.connect({ token: other.token }))).toBe('connected');
		// A closed tab frees its place.
		const open = sockets.filter((_, i) => results[i] === 'connected');
		open[0].disconnect();
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(await outcome(server.connect({ token }))).toBe('connected');
		expect(await outcome(server.connect({ token }))).toBe('too_many_connections');
	});

	it('counts staff per session, with room for a console and its pages in tabs: two sign-ins of one person are two allowances', async () => {
		server = await startTestServer({ socketCaps: { perSession: 2, perAddress: 1000, perStaffSession: 3 } });
		const first = await server.staffMember('organiser');
		// The same person signed in again (another laptop): a session of their own.
		const again = await server.app.staffAuth.login(first.username, 'mat-khau-du-dai', 'laptop-2');
		if (!again.ok) throw new Error(again.error.code);
		const second = { token: again.data.token };
		const open = (token: string) => outcome(server.connect({ staff: { token, eventId: server.event.id } }));
		const results = [];
		for (let i = 0; i < 4; i++) results.push(await open(first.token));
		expect(results).toEqual(['connected', 'connected', 'connected', 'too_many_connections']);
		expect(await open(second.token)).toBe('connected');
	});

	it(`caps one address at a hall's worth (${SOCKET_CAPS.perAddress}) of sockets across sessions`, async () => {
		expect(SOCKET_CAPS.perAddress).toBeGreaterThanOrEqual(200 * 2);
		// The cap shrunk to 4 for the test: three children, two tabs each, from one address.
		server = await startTestServer({ socketCaps: { perSession: 5, perAddress: 4 } });
		const tokens = await Promise.all([0, 1, 2].map(async (i) => (await server.join(i)).token));
		const results: string[] = [];
		for (const token of [...tokens, ...tokens]) results.push(await outcome(server.connect({ token })));
		expect(results.filter((r) => r === 'connected')).toHaveLength(4);
		expect(results.slice(4)).toEqual(['too_many_connections', 'too_many_connections']);
	});
});
