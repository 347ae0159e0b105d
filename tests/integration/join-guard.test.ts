/**
 * Guessing join codes is slow, a hall typing the right one is never stopped, and one address
 * posing as many children meets a ceiling far above what a whole hall does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createRateLimiter, HALL_CEILING_CHILDREN, RATE_LIMITS } from '$lib/server/services/rate-limit';
import { startTestServer, type TestServer } from './harness';

let server: TestServer;
afterEach(() => server.close());

const HALL = '203.0.113.7';
const FAILURES = RATE_LIMITS.joinFailure.points;

describe('failed join-code attempts, per address', () => {
	it(`allows ${FAILURES} unknown codes a minute, then makes that address wait; other addresses go on`, async () => {
		server = await startTestServer({ limiter: createRateLimiter() });
		const { sessions } = server.app;
		expect(FAILURES).toBe(30);
		for (let i = 0; i < FAILURES; i++) expect(await sessions.findEvent(`ZZ${i}`, HALL)).toEqual({ ok: false, error: { code: 'unknown_event' } });
		// Over the limit: wrong and right codes alike wait out the minute, so guessing learns nothing.
		expect(await sessions.findEvent('ZZZZ', HALL)).toEqual({ ok: false, error: { code: 'too_many_attempts' } });
		expect(await sessions.findEvent(server.event.code, HALL)).toEqual({ ok: false, error: { code: 'too_many_attempts' } });
		// Another address is not affected, and a phone already in the event always gets back in.
		expect((await sessions.findEvent(server.event.code, '198.51.100.1')).ok).toBe(true);
		const joined = await server.join(0);
		expect((await sessions.findEvent(server.event.code, HALL, joined.participant)).ok).toBe(true);
	});

	it('never stops a hall of 200 children typing the right code: successes do not count', async () => {
		server = await startTestServer({ limiter: createRateLimiter() });
		const { sessions } = server.app;
		// A few typos first, just under the limit.
		for (let i = 0; i < FAILURES - 1; i++) await sessions.findEvent(`ZZ${i}`, HALL);
		for (let child = 0; child < 200; child++) {
			const found = await sessions.findEvent(` ${server.event.code.toLowerCase()} `, HALL);
			if (!found.ok) throw new Error(`child ${child}: ${found.error.code}`);
			const joined = await sessions.join(found.data, { delegationId: server.event.delegations[child % 3].id }, HALL);
			if (!joined.ok) throw new Error(`child ${child}: ${joined.error.code}`);
		}
		expect(await server.app.repos.participants.countByEvent(server.event.id)).toBe(200);
		// The 200 successes left the count where the typos put it: one more failure is still allowed.
		expect(await sessions.findEvent('ZZZZ', HALL)).toEqual({ ok: false, error: { code: 'unknown_event' } });
		expect(await sessions.findEvent('ZZZZ', HALL)).toEqual({ ok: false, error: { code: 'too_many_attempts' } });
	});
});

describe('the per-address ceiling on items and votes', () => {
	it('is far above a hall: 200 children each at their own limit fit under it', () => {
		expect(HALL_CEILING_CHILDREN).toBe(200);
		for (const [perChild, perAddress] of [
			['submit', 'submitPerAddress'],
			['vote', 'votePerAddress']
		] as const) {
			expect(RATE_LIMITS[perAddress].duration).toBe(RATE_LIMITS[perChild].duration);
			expect(RATE_LIMITS[perAddress].points).toBeGreaterThanOrEqual(200 * RATE_LIMITS[perChild].points);
		}
		expect(RATE_LIMITS.submitPerAddress.points).toBe(2000);
		expect(RATE_LIMITS.votePerAddress.points).toBe(12000);
	});

	it('stops one address posing as many children, over real sockets, whatever each child has left', async () => {
		// The ceiling shrunk to 3 items and 2 votes so the test reaches it; each child is far below 10 and 60.
		server = await startTestServer({
			limiter: createRateLimiter({ submitPerAddress: { points: 3, duration: 60 }, votePerAddress: { points: 2, duration: 30 } })
		});
		const phones = await Promise.all([0, 1, 2].map(async (i) => server.connected({ token: (await server.join(i)).token })));
		const item = () => ({ id: crypto.randomUUID(), kind: 'question' as const, topicId: server.event.topics[0].id, agencyId: null, text: 'Vì sao trường em chưa có sân chơi?' });
		const sent = [];
		for (const phone of [phones[0], phones[1], phones[2], phones[2]]) sent.push(await phone.emitWithAck('submission:submit', item()));
		expect(sent.map((ack) => ack.ok)).toEqual([true, true, true, false]);
		expect(sent[3]).toEqual({ ok: false, error: { code: 'rate_limited' } });

		const submissionId = (sent[0] as { ok: true; data: { id: string } }).data.id;
		const votes = [];
		for (const phone of [phones[1], phones[2], phones[1]]) votes.push(await phone.emitWithAck('vote:set', { submissionId, voted: true }));
		expect(votes.map((ack) => ack.ok)).toEqual([true, true, false]);
	});
});
