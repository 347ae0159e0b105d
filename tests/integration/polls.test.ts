import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffActor } from '$lib/domain/staff';
import { DISPLAY_KEY, eventMatching, startTestServer, type TestServer } from './harness';

let server: TestServer;
let mc: StaffActor;

beforeEach(async () => {
	server = await startTestServer();
	mc = (await server.app.staffAuth.resume((await server.staffMember('moderator')).token))!.actor;
});
afterEach(() => server.close());

describe('opinion polls', () => {
	it('counts one answer per child, shows results only when the MC does, and refuses late answers', async () => {
		const phones = await Promise.all([0, 1, 2].map(async (d) => server.connected({ token: (await server.join(d)).token })));
		const screen = await server.connected({ displayKey: DISPLAY_KEY });
		const created = await server.app.polls.create(mc, server.event.id, {
			kind: 'single',
			question: 'Xã nên làm gì trước cho trẻ em?',
			options: 'Sân chơi\nThư viện\nBể bơi',
			scaleMax: 5
		});
		if (!created.ok) throw new Error(created.error.code);
		const [playground, library] = created.data.options;
		const pollId = created.data.id;

		expect(await phones[0].emitWithAck('poll:answer', { pollId, answer: { optionId: playground.id } })).toEqual({
			ok: false,
			error: { code: 'poll_closed' }
		});
		const opened = eventMatching(screen, 'poll:changed', (p) => p.status === 'open');
		await server.app.polls.set(mc, server.event.id, { pollId, status: 'open' });
		expect((await opened).tally).toBeNull();

		await phones[0].emitWithAck('poll:answer', { pollId, answer: { optionId: playground.id } });
		await phones[1].emitWithAck('poll:answer', { pollId, answer: { optionId: playground.id } });
		await phones[2].emitWithAck('poll:answer', { pollId, answer: { optionId: library.id } });
		// A child changes their mind: still one answer.
		await phones[1].emitWithAck('poll:answer', { pollId, answer: { optionId: library.id } });
		expect(await phones[2].emitWithAck('poll:answer', { pollId, answer: { optionId: 'nope' } })).toEqual({
			ok: false,
			error: { code: 'unknown_option' }
		});

		const shown = eventMatching(screen, 'poll:changed', (p) => p.resultsShown);
		await server.app.polls.set(mc, server.event.id, { pollId, resultsShown: true });
		expect((await shown).tally).toMatchObject({ answered: 3, options: { [playground.id]: 1, [library.id]: 2 } });

		await server.app.polls.set(mc, server.event.id, { pollId, status: 'closed' });
		expect(await phones[0].emitWithAck('poll:answer', { pollId, answer: { optionId: library.id } })).toEqual({
			ok: false,
			error: { code: 'poll_closed' }
		});
	});

	it('refuses a poll without enough options, and anyone who does not run the room', async () => {
		expect(await server.app.polls.create(mc, server.event.id, { kind: 'single', question: 'Chọn?', options: 'Một', scaleMax: 5 })).toEqual({
			ok: false,
			error: { code: 'poll_options_invalid' }
		});
		const leader = (await server.app.staffAuth.resume((await server.staffMember('leader', 1)).token))!.actor;
		expect(await server.app.polls.create(leader, server.event.id, { kind: 'rating', question: 'Mấy điểm?', options: '', scaleMax: 5 })).toEqual({
			ok: false,
			error: { code: 'forbidden' }
		});
		expect(await server.app.repos.polls.listByEvent(server.event.id)).toEqual([]);
	});
});
