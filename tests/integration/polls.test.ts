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

	it('treats an open answer as an item: moderated, shown only once approved, replaced when the child changes it', async () => {
		await server.close();
		server = await startTestServer({ moderation: true });
		mc = (await server.app.staffAuth.resume((await server.staffMember('moderator')).token))!.actor;
		const child = await server.join(0);
		const phone = await server.connected({ token: child.token });
		const created = await server.app.polls.create(mc, server.event.id, { kind: 'open', question: 'Em mong gì ở xã?', options: '', scaleMax: 5 });
		if (!created.ok) throw new Error(created.error.code);
		const pollId = created.data.id;
		await server.app.polls.set(mc, server.event.id, { pollId, status: 'open' });

		expect(await phone.emitWithAck('poll:answer', { pollId, answer: { text: 'Thêm sân bóng' } })).toMatchObject({ ok: true });
		expect(await phone.emitWithAck('poll:answer', { pollId, answer: { text: 'Thêm thư viện' } })).toMatchObject({ ok: true });
		const items = await server.app.repos.submissions.listByParticipant(child.participant.id);
		expect(items.map((i) => [i.text, i.status, i.originLabel])).toEqual([
			['Thêm sân bóng', 'withdrawn', 'Thăm dò ý kiến: Em mong gì ở xã?'],
			['Thêm thư viện', 'pending', 'Thăm dò ý kiến: Em mong gì ở xã?']
		]);
		const before = await server.app.polls.set(mc, server.event.id, { pollId, resultsShown: true });
		expect(before.ok && before.data.tally).toMatchObject({ answered: 1, texts: [] });

		const pendingItem = items[1];
		await server.app.moderation.decide(mc, { submissionId: pendingItem.id, decision: 'approve' });
		const after = await server.app.polls.set(mc, server.event.id, { pollId, resultsShown: true });
		expect(after.ok && after.data.tally?.texts).toEqual(['Thêm thư viện']);

		// A reloaded phone sees the poll and its own answer.
		const snapshot = await phone.emitWithAck('participant:sync', {});
		expect(snapshot.ok && snapshot.data.pollAnswers[pollId]).toMatchObject({ text: 'Thêm thư viện' });
	});

	it('shows one poll on the screen at a time, and batches the announcements of answers arriving together', async () => {
		const phones = await Promise.all([0, 1, 2].map(async (d) => server.connected({ token: (await server.join(d)).token })));
		const screen = await server.connected({ displayKey: DISPLAY_KEY });
		const rating = await server.app.polls.create(mc, server.event.id, { kind: 'rating', question: 'Mấy điểm?', options: '', scaleMax: 5 });
		const cloud = await server.app.polls.create(mc, server.event.id, { kind: 'word_cloud', question: 'Một từ?', options: '', scaleMax: 5 });
		if (!rating.ok || !cloud.ok) throw new Error('not created');
		await server.app.polls.set(mc, server.event.id, { pollId: rating.data.id, status: 'open', resultsShown: true });
		const seen: number[] = [];
		screen.on('poll:changed', (p) => p.id === rating.data.id && seen.push(p.tally?.answered ?? -1));
		const allThree = eventMatching(screen, 'poll:changed', (p) => p.id === rating.data.id && p.tally?.answered === 3);
		await Promise.all(phones.map((phone, i) => phone.emitWithAck('poll:answer', { pollId: rating.data.id, answer: { value: i + 3 } })));
		expect((await allThree).tally).toMatchObject({ answered: 3, mean: 4, ratings: { 3: 1, 4: 1, 5: 1 } });
		expect(seen.length).toBeLessThan(3);

		const hidden = eventMatching(screen, 'poll:changed', (p) => p.id === rating.data.id && !p.resultsShown);
		await server.app.polls.set(mc, server.event.id, { pollId: cloud.data.id, status: 'open', resultsShown: true });
		expect((await hidden).tally).toBeNull();
		const polls = await server.app.polls.list(server.event.id, false);
		expect(polls.filter((p) => p.resultsShown).map((p) => p.id)).toEqual([cloud.data.id]);
	});
});
