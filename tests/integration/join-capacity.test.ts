/**
 * One phone re-joining cannot become a crowd of voters: past the children the organiser expects
 * (and a margin) the join code alone lets nobody in, a seat code does, and the console hears of
 * votes from phones that joined seconds before in bulk. (A device cast 1,000 votes on one item in
 * 6 s by re-joining.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { EventDetails } from '$lib/domain/event';
import { validateEventSetup } from '$lib/domain/event-setup';
import { createRateLimiter } from '$lib/server/services/rate-limit';
import { joinCapacity, seatCodeHash } from '$lib/server/services/session-service';
import { startTestServer, type TestServer } from './harness';

let server: TestServer;
afterEach(() => server.close());

const HALL = '203.0.113.7';

describe('children expected, and joins past them', () => {
	it('caps the votes one re-joining device puts on one item at the expected children and a margin, then asks for a seat code', async () => {
		// The real limiter: the per-address join ceiling (1,000 a minute) alone did not stop this.
		server = await startTestServer({ limiter: createRateLimiter() });
		const { sessions, votes, submissions } = server.app;
		const event: EventDetails = { ...server.event, expectedChildren: 20 };
		expect(joinCapacity(event)).toBe(30);
		const delegationId = event.delegations[0].id;
		const author = await sessions.join(event, { delegationId }, HALL);
		if (!author.ok) throw new Error(author.error.code);
		const item = await submissions.submit(
			author.data.participant,
			{ id: crypto.randomUUID(), kind: 'question', topicId: event.topics[0].id, agencyId: null, text: 'Vì sao trường em chưa có sân chơi?' },
			null,
			HALL
		);
		if (!item.ok) throw new Error(item.error.code);

		// One device, 200 joins in a row, a vote after each.
		const refusals: string[] = [];
		let counted = 0;
		for (let i = 0; i < 200; i++) {
			const joined = await sessions.join(event, { delegationId }, { address: HALL, device: 'one-device' });
			if (!joined.ok) {
				refusals.push(joined.error.code);
				continue;
			}
			const vote = await votes.setVote(joined.data.participant, { submissionId: item.data.id, voted: true }, HALL);
			if (vote.ok) counted = vote.data.votes;
		}
		// 30 children in all (the author included): 29 votes, the other 171 joins refused.
		expect(counted).toBe(29);
		expect(refusals).toHaveLength(171);
		expect(new Set(refusals)).toEqual(new Set(['event_full']));
		expect(await server.app.repos.participants.countByEvent(event.id)).toBe(30);

		// A child the organiser hands a seat code still gets in; a made-up one does not.
		await server.app.repos.seats.createMany([{ id: crypto.randomUUID(), eventId: event.id, delegationId: null, codeHash: seatCodeHash(event.id, 'ABCD2345') }]);
		expect(await sessions.join(event, { delegationId, seat: 'ABCD-9999' }, HALL)).toEqual({ ok: false, error: { code: 'seat_invalid' } });
		expect((await sessions.join(event, { delegationId, seat: 'ABCD-2345' }, HALL)).ok).toBe(true);

		// The console hears of it: votes from phones that joined seconds before, many at once.
		const organiser = (await server.app.staffAuth.resume((await server.staffMember('organiser')).token))!.actor;
		const snapshot = await server.app.moderation.snapshot(organiser, event.id);
		if (!snapshot.ok) throw new Error(snapshot.error.code);
		expect(snapshot.data.bulkJoinVotes).toBe(29);
	});

	it('lets every expected child in with the join code alone, and does not cap an event that states no number', async () => {
		server = await startTestServer();
		const { sessions } = server.app;
		const delegationId = server.event.delegations[0].id;
		for (let i = 0; i < 60; i++) expect((await sessions.join({ ...server.event, expectedChildren: null }, { delegationId }, HALL)).ok).toBe(true);
		expect(joinCapacity({ expectedChildren: 200 })).toBe(220);
		expect(joinCapacity({ expectedChildren: null })).toBe(Infinity);
	});

	it('is a setting of the event setup form: blank for none, a whole number up to 20,000', () => {
		const base = { title: 'Diễn đàn', level: 'district', organisingUnit: '', venue: '', date: '', theme: '', topics: 'Học tập', delegations: 'Xã A', agencies: '', agenda: '', followUpDays: '', wordFilter: '', moderation: true, allowNicknames: true, joinOpen: true };
		const expected = (value: string) => {
			const setup = validateEventSetup({ ...base, expectedChildren: value });
			return setup.ok ? setup.data.expectedChildren : setup.error.code;
		};
		expect(expected('150')).toBe(150);
		expect(expected('')).toBe(null);
		expect(expected('0')).toBe('expected_children_invalid');
		expect(expected('2.5')).toBe('expected_children_invalid');
		expect(expected('99999')).toBe('expected_children_invalid');
	});
});
