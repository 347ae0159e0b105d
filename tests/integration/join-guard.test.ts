/**
 * Guessing join codes is slow, a hall typing the right one is never stopped, and one address
 * posing as many children meets a ceiling far above what a whole hall does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET } from '$lib/domain/event';
import { JOIN_CODE_LENGTH } from '$lib/domain/event-setup';
import { createRateLimiter, HALL_CEILING_CHILDREN, RATE_LIMITS } from '$lib/server/services/rate-limit';
import { startTestServer, type TestServer } from './harness';

let server: TestServer;
afterEach(() => server.close());

const HALL = '203.0.113.7';
const PER_DEVICE = RATE_LIMITS.joinFailurePerDevice.points;
const PER_ADDRESS = RATE_LIMITS.joinFailure.points;
const GLOBAL = RATE_LIMITS.joinFailureGlobal.points;
const device = (n: number) => `device-${n}`;
const TOO_MANY = { ok: false, error: { code: 'too_many_attempts' } };
const UNKNOWN = { ok: false, error: { code: 'unknown_event' } };
/** Plausible codes (the event's alphabet) that name no event. */
const wrong = (i: number) => `Z${i.toString(31).toUpperCase().replace(/[01IL0O]/g, 'Q')}ZZZZ`.slice(0, 7);

describe('failed join-code attempts: per device, per address, per server', () => {
	it(`one phone's ${PER_DEVICE} wrong codes stop that phone only; the rest of the hall, behind the same address, goes on`, async () => {
		server = await startTestServer({ limiter: createRateLimiter() });
		const { sessions } = server.app;
		expect(PER_DEVICE).toBe(10);
		// The mischievous phone types 30 wrong codes (the old per-address limit stopped the whole hall here).
		for (let i = 0; i < 30; i++) await sessions.findEvent(wrong(i), { address: HALL, device: device(0) });
		// It waits, even with the right code (else the answer would tell a guesser it is right)...
		expect(await sessions.findEvent(server.event.code, { address: HALL, device: device(0) })).toEqual(TOO_MANY);
		// ...while every other phone behind the hall's one address types the right code and gets in.
		for (let child = 1; child <= 50; child++) {
			const found = await sessions.findEvent(server.event.code, { address: HALL, device: device(child) });
			expect(found.ok).toBe(true);
		}
		// A phone on its very first visit (no device cookie yet) too.
		expect((await sessions.findEvent(server.event.code, { address: HALL })).ok).toBe(true);
	});

	it(`a script at the hall's address meets a hall's worth (${PER_ADDRESS}) of failures; the QR code's link and joined phones still get in`, async () => {
		server = await startTestServer({ limiter: createRateLimiter({ joinFailureGlobal: { points: 1e6, duration: 60 } }) });
		const { sessions } = server.app;
		expect(PER_ADDRESS).toBeGreaterThanOrEqual(HALL_CEILING_CHILDREN);
		const joined = await server.join(0);
		// A script drops its cookies: each guess is a "first visit", only the address's budget counts.
		for (let i = 0; i < PER_ADDRESS; i++) expect(await sessions.findEvent(wrong(i), { address: HALL })).toEqual(UNKNOWN);
		expect(await sessions.findEvent(server.event.code, { address: HALL, device: device(1) })).toEqual(TOO_MANY);
		// The QR code's link carries a long key that is never throttled; a wrong key is no help.
		const key = sessions.joinKey(server.event);
		expect(key).toMatch(/^[a-z2-7]{26}$/);
		expect((await sessions.findEvent(server.event.code, { address: HALL, device: device(1), joinKey: key })).ok).toBe(true);
		expect(await sessions.findEvent(server.event.code, { address: HALL, joinKey: 'a'.repeat(26) })).toEqual(TOO_MANY);
		expect((await sessions.findEvent(server.event.code, HALL, joined.participant)).ok).toBe(true);
		// Another address is not affected.
		expect((await sessions.findEvent(server.event.code, '198.51.100.1')).ok).toBe(true);
	});

	it(`the server's global budget (${GLOBAL} failures a minute) holds across 1,000 addresses`, async () => {
		server = await startTestServer({ limiter: createRateLimiter() });
		const { sessions } = server.app;
		let unknown = 0;
		let throttled = 0;
		// 1,000 addresses, 3 guesses each: far below every per-device and per-address budget.
		for (let a = 0; a < 1000; a++) {
			for (let g = 0; g < 3; g++) {
				const found = await sessions.findEvent(wrong(a * 3 + g), { address: `10.${a >> 8}.${a & 255}.9`, device: `d${a}` });
				if (!found.ok && found.error.code === 'unknown_event') unknown++;
				else if (!found.ok && found.error.code === 'too_many_attempts') throttled++;
			}
		}
		expect(unknown).toBe(GLOBAL);
		expect(throttled).toBe(3000 - GLOBAL);
		// The right code typed from a fresh address waits too (no oracle); the QR link and joined phones go on.
		expect(await sessions.findEvent(server.event.code, '192.0.2.200')).toEqual(TOO_MANY);
		expect((await sessions.findEvent(server.event.code, { address: '192.0.2.200', joinKey: sessions.joinKey(server.event) })).ok).toBe(true);
		expect(GLOBAL).toBe(120);
	});

	it('makes guessing infeasible: the arithmetic from the limits and the code space', () => {
		const codeSpace = JOIN_CODE_ALPHABET.length ** JOIN_CODE_LENGTH;
		expect(codeSpace).toBe(27_512_614_111);
		const liveEvents = 100;
		const guessesPerSuccess = codeSpace / liveEvents;
		// Whatever the number of addresses (1,000 or more), at most GLOBAL failures a minute.
		const minutesPerSuccess = guessesPerSuccess / GLOBAL;
		expect(Math.round(guessesPerSuccess)).toBe(275_126_141);
		expect(minutesPerSuccess / (60 * 24 * 365)).toBeGreaterThan(4);
		// The chance of any hit during a whole 30-day event lifetime stays under 2%.
		expect((GLOBAL * 60 * 24 * 30) / guessesPerSuccess).toBeLessThan(0.02);
	});

	it('never stops a hall of 200 children typing the right code: successes do not count', async () => {
		server = await startTestServer({ limiter: createRateLimiter() });
		const { sessions } = server.app;
		// A few typos first, each from its own phone, under every budget.
		for (let i = 0; i < 50; i++) await sessions.findEvent(wrong(i), { address: HALL, device: device(i) });
		for (let child = 0; child < 200; child++) {
			const client = { address: HALL, device: device(child) };
			const found = await sessions.findEvent(` ${server.event.code.toLowerCase()} `, client);
			if (!found.ok) throw new Error(`child ${child}: ${found.error.code}`);
			const joined = await sessions.join(found.data, { delegationId: server.event.delegations[child % 3].id }, client);
			if (!joined.ok) throw new Error(`child ${child}: ${joined.error.code}`);
		}
		expect(await server.app.repos.participants.countByEvent(server.event.id)).toBe(200);
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
