/** Single-use seat codes: one card, one child; wrong and used codes refused and counted. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventDetails } from '$lib/domain/event';
import type { StaffActor } from '$lib/domain/staff';
import { createRateLimiter, RATE_LIMITS } from '$lib/server/services/rate-limit';
import { startTestServer, type TestServer } from './harness';

let server: TestServer;
let organiser: StaffActor;

async function seatMode(on: boolean): Promise<EventDetails> {
	const form = await server.app.eventSetup.formOf(organiser, server.event.id);
	const saved = await server.app.eventSetup.update(organiser, server.event.id, { ...form!, seatCodes: on });
	if (!saved.ok) throw new Error(saved.error.code);
	return (await server.app.events.findById(server.event.id))!;
}

async function cards(count: number, delegationIndex: number | null) {
	const delegationId = delegationIndex === null ? null : server.event.delegations[delegationIndex].id;
	const made = await server.app.seats.generate(organiser, server.event.id, { delegationId, count });
	if (!made.ok) throw new Error(made.error.code);
	return made.data.cards.map((card) => card.code);
}

beforeEach(async () => {
	server = await startTestServer({ limiter: createRateLimiter() });
	const { token } = await server.staffMember('organiser');
	organiser = (await server.app.staffAuth.resume(token))!.actor;
});
afterEach(() => server.close());

describe('seat codes', () => {
	it('are off by default: the join code alone still lets a child in', async () => {
		expect(server.event.seatCodes).toBe(false);
		const joined = await server.app.sessions.join(server.event, { delegationId: server.event.delegations[0].id }, 'hall');
		expect(joined.ok).toBe(true);
	});

	it('stores only a hash; a card joins one child, into the delegation printed on it', async () => {
		const event = await seatMode(true);
		const [code] = await cards(1, 2);
		expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
		const stored = JSON.stringify(await server.app.repos.seats.counts(event.id));
		expect(stored).not.toContain(code.replace('-', ''));

		// The child ticked another delegation; the card decides. Case and dashes do not matter.
		const joined = await server.app.sessions.join(
			event,
			{ delegationId: event.delegations[0].id, seat: code.toLowerCase().replace('-', ' ') },
			'hall'
		);
		if (!joined.ok) throw new Error(joined.error.code);
		expect(joined.data.participant.delegationId).toBe(event.delegations[2].id);
		expect(await server.app.repos.seats.counts(event.id)).toEqual([{ delegationId: event.delegations[2].id, total: 1, used: 1 }]);
		// The same phone comes back with its cookie, as before.
		expect((await server.app.sessions.resume(joined.data.token))?.participant.id).toBe(joined.data.participant.id);
	});

	it('refuses a phone without a code, a wrong code and a used one', async () => {
		const event = await seatMode(true);
		const [code] = await cards(1, null);
		const delegationId = event.delegations[1].id;
		const join = (seat?: string) => server.app.sessions.join(event, { delegationId, seat }, 'hall');
		expect(await join()).toEqual({ ok: false, error: { code: 'seat_required' } });
		expect(await join('ABCD-EFGH')).toEqual({ ok: false, error: { code: 'seat_invalid' } });
		expect(await join('not a code')).toEqual({ ok: false, error: { code: 'seat_invalid' } });
		const first = await join(code);
		expect(first.ok && first.data.participant.delegationId).toBe(delegationId);
		expect(await join(code)).toEqual({ ok: false, error: { code: 'seat_used' } });
		expect(await server.app.repos.participants.countByEvent(event.id)).toBe(1);
		// What the join form checks when a card is scanned.
		expect(await server.app.sessions.seatInfo(event, code, 'hall')).toEqual({ ok: false, error: { code: 'seat_used' } });
	});

	it('lets exactly one of two phones racing with one card in; the other hears a refusal', async () => {
		const event = await seatMode(true);
		const [code] = await cards(1, 0);
		const race = await Promise.all(
			[1, 2, 3, 4].map(() => server.app.sessions.join(event, { delegationId: event.delegations[0].id, seat: code }, 'hall'))
		);
		expect(race.filter((r) => r.ok)).toHaveLength(1);
		expect(race.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['seat_used', 'seat_used', 'seat_used']);
		expect(await server.app.repos.participants.countByEvent(event.id)).toBe(1);
	});

	it('counts wrong and used codes as failed attempts for the address’s throttle', async () => {
		const event = await seatMode(true);
		const [code] = await cards(1, 0);
		const delegationId = event.delegations[0].id;
		await server.app.sessions.join(event, { delegationId, seat: code }, 'other');
		for (let i = 0; i < RATE_LIMITS.joinFailure.points - 1; i++)
			expect((await server.app.sessions.join(event, { delegationId, seat: `WRNG${i}` }, 'hall')).ok).toBe(false);
		expect(await server.app.sessions.join(event, { delegationId, seat: code }, 'hall')).toEqual({ ok: false, error: { code: 'seat_used' } });
		// The limit is reached: even a good card waits out the minute, and so does typing join codes.
		const [good] = await cards(1, 0);
		expect(await server.app.sessions.join(event, { delegationId, seat: good }, 'hall')).toEqual({ ok: false, error: { code: 'too_many_attempts' } });
		expect(await server.app.sessions.findEvent(event.code, 'hall')).toEqual({ ok: false, error: { code: 'too_many_attempts' } });
	});

	it('are generated by the event’s organiser only, in batches of 1 to 300, and logged', async () => {
		const { token } = await server.staffMember('moderator');
		const moderator = (await server.app.staffAuth.resume(token))!.actor;
		expect(await server.app.seats.generate(moderator, server.event.id, { delegationId: null, count: 5 })).toEqual({
			ok: false,
			error: { code: 'forbidden' }
		});
		expect(await server.app.seats.overview(moderator, server.event.id)).toBeNull();
		for (const count of [0, 301, 2.5])
			expect(await server.app.seats.generate(organiser, server.event.id, { delegationId: null, count })).toEqual({
				ok: false,
				error: { code: 'seat_count_invalid' }
			});
		expect(await cards(300, null)).toHaveLength(300);
		const log = await server.app.repos.audit.listForEvent(server.event.id, 10);
		expect(log.map((row) => `${row.action} ${row.outcome}`)).toEqual(expect.arrayContaining(['seats:generate done', 'seats:generate refused']));
	});
});
