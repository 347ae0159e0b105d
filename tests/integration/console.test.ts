import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DISPLAY_KEY, collect, eventMatching, delivered, nextEvent, sleep, startTestServer, type TestServer, type TestSocket } from './harness';
import { VOTE_TICK_MS } from '$lib/server/services/vote-ticker';

let server: TestServer;

const submit = (phone: TestSocket, text: string, kind: 'question' | 'message' = 'question') => server.submit(phone, text, { kind, topic: 2 });

async function consoleFor(role: 'moderator' | 'organiser' = 'moderator') {
	const member = await server.staffMember(role);
	return server.connected({ staff: { token: member.token, eventId: server.event.id } });
}

describe('the MC’s console, live', () => {
	let a: TestSocket;
	let b: TestSocket;
	let screen: TestSocket;
	let mc: TestSocket;

	beforeEach(async () => {
		server = await startTestServer({ moderation: true });
		a = await server.connected({ token: (await server.join(0)).token });
		b = await server.connected({ token: (await server.join(1)).token });
		screen = await server.connected({ displayKey: DISPLAY_KEY });
		mc = await consoleFor();
	});
	afterEach(() => server.close());

	it('lets only one of two moderators decide an item, and names who was first', async () => {
		const other = await consoleFor();
		const item = await submit(a, 'Vì sao trường em chưa có sân chơi?');
		const [first, second] = await Promise.all([
			mc.emitWithAck('moderation:decide', { submissionId: item.id, decision: 'approve' }),
			other.emitWithAck('moderation:decide', { submissionId: item.id, decision: 'reject', reason: 'duplicate' })
		]);
		const results = [first, second];
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		const refused = results.find((r) => !r.ok);
		expect(refused).toMatchObject({ ok: false, error: { code: 'already_decided', by: expect.stringMatching(/^moderator-/) } });
	});

	it('keeps the child’s own words when the MC edits before approving', async () => {
		const item = await submit(a, 'vi sao truong e ko co san choi');
		const onPhone = eventMatching(b, 'submission:updated', (s) => s.id === item.id);
		const approved = await mc.emitWithAck('moderation:decide', {
			submissionId: item.id,
			decision: 'approve',
			text: 'Vì sao trường em không có sân chơi?'
		});
		expect(approved).toMatchObject({
			ok: true,
			data: { text: 'Vì sao trường em không có sân chơi?', originalText: 'vi sao truong e ko co san choi' }
		});
		// Children see the approved wording, never the staff's record of the original.
		const seen = await onPhone;
		expect(seen.text).toBe('Vì sao trường em không có sân chơi?');
		expect(seen).not.toHaveProperty('originalText');
	});

	it('merges the same question asked twice, uniting votes without counting a child twice', async () => {
		const c = await server.connected({ token: (await server.join(2)).token });
		const target = await submit(a, 'Vì sao trường em chưa có sân chơi?');
		const source = await submit(b, 'Tại sao trường chúng em không có sân chơi ạ');
		for (const id of [target.id, source.id]) await mc.emitWithAck('moderation:decide', { submissionId: id, decision: 'approve' });
		await c.emitWithAck('vote:set', { submissionId: target.id, voted: true });
		await c.emitWithAck('vote:set', { submissionId: source.id, voted: true });
		await a.emitWithAck('vote:set', { submissionId: source.id, voted: true });

		expect(await mc.emitWithAck('submission:merge', { targetId: target.id, sourceIds: [target.id] })).toEqual({
			ok: false,
			error: { code: 'merge_self' }
		});
		// The united count reaches the screen through the vote ticker, like any vote: a count of the
		// target still waiting there is replaced, never sent after it.
		const seen: number[] = [];
		screen.on('votes:counted', (counts) => seen.push(...counts.filter((c) => c.submissionId === target.id).map((c) => c.votes)));
		const counted = eventMatching(screen, 'votes:counted', (counts) => counts.some((c) => c.submissionId === target.id && c.votes === 2));
		const merged = await mc.emitWithAck('submission:merge', { targetId: target.id, sourceIds: [source.id] });
		// c once (voted for both), b (the merged item's author); a never votes for a's own item.
		expect(merged).toMatchObject({ ok: true, data: { id: target.id, votes: 2 } });
		await counted;
		await sleep(VOTE_TICK_MS * 2);
		expect(seen.at(-1)).toBe(2);
		expect((await server.app.repos.submissions.findById(source.id))?.status).toBe('merged');
		const again = await mc.emitWithAck('submission:merge', { targetId: target.id, sourceIds: [source.id] });
		expect(again).toEqual({ ok: false, error: { code: 'merge_invalid' } });
	});

	it('puts the queue’s first item on screen and every phone, with what comes next', async () => {
		const first = await submit(a, 'Câu hỏi thứ nhất về sân chơi');
		const second = await submit(b, 'Câu hỏi thứ hai về thư viện');
		const pending = await submit(b, 'Câu hỏi chưa duyệt');
		for (const id of [first.id, second.id]) await mc.emitWithAck('moderation:decide', { submissionId: id, decision: 'approve' });
		// Nothing unmoderated reaches the queue or the screen.
		expect(await mc.emitWithAck('queue:set', { submissionId: pending.id, position: 0 })).toEqual({
			ok: false,
			error: { code: 'not_on_stage' }
		});
		expect(await mc.emitWithAck('stage:show', { submissionId: pending.id })).toEqual({ ok: false, error: { code: 'not_on_stage' } });
		await mc.emitWithAck('queue:set', { submissionId: second.id, position: 0 });
		const queued = await mc.emitWithAck('queue:set', { submissionId: first.id, position: 0 });
		expect(queued).toEqual({ ok: true, data: [first.id, second.id] });

		const onScreen = eventMatching(screen, 'stage:changed', (stage) => stage.onScreen !== null);
		const onPhone = eventMatching(b, 'stage:changed', (stage) => stage.onScreen !== null);
		const shown = await mc.emitWithAck('stage:next', {});
		expect(shown).toMatchObject({ ok: true, data: { onScreen: { id: first.id }, next: [{ id: second.id }] } });
		for (const stage of await Promise.all([onScreen, onPhone])) {
			expect(stage.onScreen?.id).toBe(first.id);
			expect(stage.next.map((s) => s.id)).toEqual([second.id]);
			expect(stage.onScreenSince).toEqual(expect.any(Number));
		}

		// The author withdraws the item on screen: it leaves the screen everywhere.
		const cleared = eventMatching(screen, 'stage:changed', (stage) => stage.onScreen === null);
		expect(await a.emitWithAck('submission:withdraw', { submissionId: first.id })).toMatchObject({
			ok: true,
			data: { status: 'withdrawn' }
		});
		expect((await cleared).onScreen).toBeNull();
		// Someone else's item cannot be withdrawn.
		expect(await a.emitWithAck('submission:withdraw', { submissionId: second.id })).toEqual({
			ok: false,
			error: { code: 'unknown_submission' }
		});

		await mc.emitWithAck('stage:next', {});
		expect(await mc.emitWithAck('stage:next', {})).toEqual({ ok: false, error: { code: 'queue_empty' } });
	});

	it('takes an item its author withdraws out of every console’s queue', async () => {
		const item = await submit(a, 'Câu hỏi em sẽ rút lại');
		await mc.emitWithAck('moderation:decide', { submissionId: item.id, decision: 'approve' });
		await mc.emitWithAck('queue:set', { submissionId: item.id, position: 0 });
		const emptied = eventMatching(mc, 'queue:changed', ({ queue }) => queue.length === 0);
		await a.emitWithAck('submission:withdraw', { submissionId: item.id });
		expect(await emptied).toEqual({ queue: [] });
		expect(await mc.emitWithAck('stage:show', { submissionId: item.id })).toEqual({ ok: false, error: { code: 'not_on_stage' } });
		expect(await a.emitWithAck('submission:withdraw', { submissionId: item.id })).toEqual({
			ok: false,
			error: { code: 'not_withdrawable' }
		});
	});

	it('runs the agenda with a countdown start on the screen', async () => {
		const item = server.event.agenda[4];
		const onScreen = nextEvent(screen, 'stage:changed');
		const started = await mc.emitWithAck('agenda:start', { agendaItemId: item.id });
		expect(started).toMatchObject({ ok: true, data: { agenda: { id: item.id, title: item.title, plannedMinutes: item.plannedMinutes } } });
		expect((await onScreen).agenda?.startedAt).toEqual(expect.any(Number));
		expect(await mc.emitWithAck('agenda:start', { agendaItemId: 'nope' })).toEqual({ ok: false, error: { code: 'unknown_agenda_item' } });
	});

	it('counts every voice, and the ones not shown by reason', async () => {
		const item = await submit(a, 'Một câu hỏi lạc đề');
		const counters = eventMatching(screen, 'counters:changed', (c) => c.notShown.off_topic > 0);
		await mc.emitWithAck('moderation:decide', { submissionId: item.id, decision: 'reject', reason: 'off_topic' });
		expect(await counters).toMatchObject({ received: 1, approved: 0, notShown: { off_topic: 1, duplicate: 0 } });
	});

	it('takes a paper card into the dialogue for its delegation, once', async () => {
		const card = {
			id: crypto.randomUUID(),
			delegationId: server.event.delegations[5].id,
			kind: 'recommendation' as const,
			topicId: server.event.topics[1].id,
			agencyId: null,
			text: 'Đề nghị có lớp dạy bơi miễn phí vào hè.'
		};
		const onPhone = nextEvent(a, 'submission:added');
		const entered = await mc.emitWithAck('submission:intake', card);
		expect(entered).toMatchObject({ ok: true, data: { status: 'approved', delegationId: card.delegationId, authorName: null } });
		expect((await onPhone).text).toBe(card.text);
		expect(await mc.emitWithAck('submission:intake', card)).toMatchObject({ ok: true });
		const all = await mc.emitWithAck('staff:sync', {});
		expect(all.ok && all.data.items.filter((i) => i.id === card.id)).toHaveLength(1);
	});
});

describe('safety on the day', () => {
	afterEach(() => server.close());

	it('holds a filtered word for review even with moderation off', async () => {
		server = await startTestServer({ moderation: false });
		const a = await server.connected({ token: (await server.join(0)).token });
		const b = await server.connected({ token: (await server.join(1)).token });
		const screen = await server.connected({ displayKey: DISPLAY_KEY });
		const mc = await consoleFor();
		const leaks = [collect(b, 'submission:added'), collect(screen, 'submission:added')];
		const onConsole = nextEvent(mc, 'moderation:updated');

		const held = await submit(a, 'Trường này vcl, sân chơi chẳng có');
		expect(held.status).toBe('pending');
		expect(await onConsole).toMatchObject({ id: held.id, heldReason: 'word_filter' });
		const clean = await submit(a, 'Vì sao trường em chưa có sân chơi?');
		expect(clean.status).toBe('approved');
		await delivered(b, screen);
		expect(leaks.flat().map((s) => s.id)).toEqual([clean.id, clean.id]);
	});

	it('sends a child in danger privately to the organiser, and nowhere else', async () => {
		server = await startTestServer({ moderation: false });
		const a = await server.connected({ token: (await server.join(0)).token });
		const b = await server.connected({ token: (await server.join(1)).token });
		const screen = await server.connected({ displayKey: DISPLAY_KEY });
		const mc = await consoleFor('moderator');
		const organiser = await consoleFor('organiser');
		const leaks = [collect(b, 'submission:added'), collect(screen, 'submission:added'), collect(mc, 'moderation:updated')];
		const alert = nextEvent(organiser, 'safeguarding:alert');

		const item = await submit(a, 'Em bị bố đánh mỗi tối, em sợ lắm', 'message');
		expect(item.status).toBe('safeguarding');
		expect(await alert).toMatchObject({ item: { id: item.id }, delegationName: server.event.delegations[0].name, handled: false });
		await delivered(b, screen, mc);
		expect(leaks.flat()).toHaveLength(0);

		// The MC's console never lists it; the organiser's does, as an alert.
		const mcView = await mc.emitWithAck('staff:sync', {});
		expect(mcView.ok && mcView.data.items.some((i) => i.id === item.id)).toBe(false);
		expect(mcView.ok && mcView.data.alerts).toEqual([]);
		const organiserView = await organiser.emitWithAck('staff:sync', {});
		expect(organiserView.ok && organiserView.data.alerts.map((x) => x.item.id)).toEqual([item.id]);
		// Nothing can put it on screen.
		expect(await mc.emitWithAck('stage:show', { submissionId: item.id })).toEqual({ ok: false, error: { code: 'not_on_stage' } });

		const handled = await organiser.emitWithAck('safeguarding:handled', { submissionId: item.id });
		expect(handled).toMatchObject({ ok: true, data: { handled: true } });
	});

	it('lets the organiser pass a false alarm on to moderation', async () => {
		server = await startTestServer({ moderation: true });
		const a = await server.connected({ token: (await server.join(0)).token });
		const mc = await consoleFor('moderator');
		const organiser = await consoleFor('organiser');
		const item = await submit(a, 'Bạn em nói bạn ấy muốn chết vì thi trượt, em phải làm sao?');
		expect(item.status).toBe('safeguarding');
		const toConsole = nextEvent(mc, 'moderation:updated');
		expect(await organiser.emitWithAck('safeguarding:release', { submissionId: item.id })).toMatchObject({
			ok: true,
			data: { status: 'pending' }
		});
		expect((await toConsole).id).toBe(item.id);
	});
});
