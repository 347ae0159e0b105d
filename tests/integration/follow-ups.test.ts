import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffActor } from '$lib/domain/staff';
import { eventMatching, startTestServer, type TestServer, type TestSocket } from './harness';

let server: TestServer;

/** Topic 0 of the demo event is answered by agency 1 by default; agency 2 is another one. */
const AGENCY = 1;
const OTHER = 2;

async function actorOf(token: string): Promise<StaffActor> {
	return (await server.app.staffAuth.resume(token))!.actor;
}

async function approvedItem(phone: TestSocket, text: string, kind: 'question' | 'recommendation' = 'question', topic = 0) {
	const item = await server.submit(phone, text, { kind, topic });
	await server.app.repos.submissions.transition(item.id, ['pending'], { status: 'approved' });
	return item;
}

describe('follow-ups', () => {
	let child: TestSocket;
	let leader: StaffActor;
	let officer: StaffActor;
	let organiser: StaffActor;

	beforeEach(async () => {
		server = await startTestServer({ moderation: true });
		child = await server.connected({ token: (await server.join(0)).token });
		leader = await actorOf((await server.staffMember('leader', AGENCY)).token);
		officer = await actorOf((await server.staffMember('follow_up_officer', AGENCY)).token);
		organiser = await actorOf((await server.staffMember('organiser')).token);
	});
	afterEach(() => server.close());

	it('lets a leader hand their agency’s item over on the day, with the event’s default due date', async () => {
		const item = await approvedItem(child, 'Xã có xây sân chơi không?');
		const marked = await server.app.followUps.mark(leader, { submissionId: item.id, agencyId: null, dueDate: '', note: 'Sẽ trả lời bằng văn bản' });
		expect(marked).toMatchObject({ ok: true, data: { status: 'open', agencyId: server.event.agencies[AGENCY].id } });
		expect((await server.app.repos.submissions.findById(item.id))?.status).toBe('follow_up');
		const due = marked.ok ? marked.data.dueAt : 0;
		expect(due - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);
	});

	it('refuses a leader acting for another agency, a reassignment by a leader, and a due date in the past', async () => {
		const item = await approvedItem(child, 'Câu hỏi cho cơ quan khác', 'question', 1);
		const otherLeader = await actorOf((await server.staffMember('leader', OTHER)).token);
		const mine = await approvedItem(child, 'Câu hỏi cho cơ quan của lãnh đạo');
		expect(await server.app.followUps.mark(otherLeader, { submissionId: mine.id, agencyId: null, dueDate: '', note: '' })).toEqual({
			ok: false,
			error: { code: 'forbidden' }
		});
		expect(
			await server.app.followUps.mark(leader, { submissionId: mine.id, agencyId: server.event.agencies[OTHER].id, dueDate: '', note: '' })
		).toEqual({ ok: false, error: { code: 'forbidden' } });
		expect(await server.app.followUps.mark(leader, { submissionId: mine.id, agencyId: null, dueDate: '2020-01-01', note: '' })).toEqual({
			ok: false,
			error: { code: 'due_in_past' }
		});
		expect((await server.app.repos.submissions.findById(mine.id))?.status).toBe('approved');
		expect(await server.app.repos.followUps.findBySubmission(mine.id)).toBeNull();
		// Nor may a leader hand over an item addressed to another agency.
		expect(await server.app.followUps.mark(leader, { submissionId: item.id, agencyId: null, dueDate: '', note: '' })).toEqual({
			ok: false,
			error: { code: 'forbidden' }
		});
		expect((await server.app.repos.submissions.findById(item.id))?.status).toBe('approved');
	});

	it('turns every approved item nobody reached into a follow-up when the session closes', async () => {
		const question = await approvedItem(child, 'Câu hỏi chưa ai trả lời');
		const recommendation = await approvedItem(child, 'Kiến nghị có thêm thư viện', 'recommendation');
		const another = await approvedItem(child, 'Câu hỏi về chủ đề khác', 'question', 4);
		const answered = await approvedItem(child, 'Câu hỏi đã trả lời');
		await server.app.moderation.markAnswered(organiser, { submissionId: answered.id, summary: 'Đã trả lời', answeredBy: null });
		const waiting = await child.emitWithAck('submission:submit', {
			id: crypto.randomUUID(),
			kind: 'question',
			topicId: server.event.topics[0].id,
			agencyId: null,
			text: 'Câu hỏi chưa duyệt'
		});

		expect(await server.app.followUps.closeSession(leader, server.event.id)).toEqual({ ok: false, error: { code: 'forbidden' } });
		const closed = await server.app.followUps.closeSession(organiser, server.event.id);
		expect(closed).toEqual({ ok: true, data: { followUps: 3 } });
		for (const id of [question.id, recommendation.id, another.id]) {
			expect((await server.app.repos.submissions.findById(id))?.status).toBe('follow_up');
			expect(await server.app.repos.followUps.findBySubmission(id)).toMatchObject({ status: 'open' });
		}
		expect((await server.app.repos.submissions.findById(answered.id))?.status).toBe('answered');
		expect(waiting.ok && (await server.app.repos.submissions.findById(waiting.data.id))?.status).toBe('pending');
		// Closing twice makes nothing twice.
		expect(await server.app.followUps.closeSession(organiser, server.event.id)).toEqual({ ok: true, data: { followUps: 0 } });
	});

	it('lets the agency’s officer report progress, keeps the history, and tells the child', async () => {
		const item = await approvedItem(child, 'Đề nghị lắp đèn đường ra trường');
		const marked = await server.app.followUps.mark(leader, { submissionId: item.id, agencyId: null, dueDate: '', note: '' });
		if (!marked.ok) throw new Error(marked.error.code);
		const id = marked.data.id;

		const otherOfficer = await actorOf((await server.staffMember('follow_up_officer', OTHER)).token);
		const noReason = { status: 'cannot_yet', response: 'Chưa làm được', reason: '', wayForward: '' };
		expect(await server.app.followUps.update(otherOfficer, id, { ...noReason, reason: 'x', wayForward: 'y' })).toEqual({
			ok: false,
			error: { code: 'forbidden' }
		});
		expect(await server.app.followUps.update(officer, id, noReason)).toEqual({ ok: false, error: { code: 'reason_required' } });
		expect((await server.app.repos.followUps.findById(id))?.status).toBe('open');

		const told = eventMatching(child, 'submission:updated', (s) => s.id === item.id && s.followUp?.status === 'cannot_yet');
		const updated = await server.app.followUps.update(officer, id, {
			status: 'cannot_yet',
			response: 'Năm nay chưa lắp được đèn',
			reason: 'Chưa có kinh phí',
			wayForward: 'Đưa vào kế hoạch năm 2026'
		});
		expect(updated).toMatchObject({ ok: true, data: { status: 'cannot_yet', reason: 'Chưa có kinh phí' } });
		expect((await told).followUp).toMatchObject({ response: 'Năm nay chưa lắp được đèn', wayForward: 'Đưa vào kế hoạch năm 2026' });

		const history = await server.app.repos.followUps.history(id);
		expect(history.map((h) => h.status)).toEqual(['open', 'cannot_yet']);
		expect(history[1].byName).toMatch(/^follow_up_officer-/);

		const snapshot = await child.emitWithAck('participant:sync', {});
		expect(snapshot.ok && snapshot.data.mine.find((s) => s.id === item.id)?.followUp?.status).toBe('cannot_yet');
	});

	it('shows an officer only their agency’s follow-ups, and the organiser all of them', async () => {
		const ours = await approvedItem(child, 'Việc của cơ quan này');
		const theirs = await approvedItem(child, 'Việc của cơ quan khác', 'question', 1);
		await server.app.followUps.closeSession(organiser, server.event.id);
		const seenByOfficer = await server.app.followUps.list(officer, {});
		expect(seenByOfficer.map((r) => r.item.text)).toEqual([ours.text]);
		const seenByOrganiser = await server.app.followUps.list(organiser, {});
		expect(seenByOrganiser.map((r) => r.item.text).sort()).toEqual([ours.text, theirs.text].sort());
		expect(await server.app.followUps.list(organiser, { overdueAt: Date.now() })).toEqual([]);
	});

	it('names who answers for each follow-up on the tracking list: the agency’s officers, else its leaders', async () => {
		const ours = await approvedItem(child, 'Việc của cơ quan này');
		const theirs = await approvedItem(child, 'Việc của cơ quan khác', 'question', 1);
		const theirAgency = theirs.agencyId ?? server.event.topics[1].agencyId;
		const otherLeader = await server.staffMember('leader', server.event.agencies.findIndex((a) => a.id === theirAgency));
		const otherLeaderName = await server.app.repos.staff.displayNameOf(otherLeader.userId);
		const officerName = await server.app.repos.staff.displayNameOf(officer.userId);
		await server.app.followUps.closeSession(organiser, server.event.id);

		const { rows } = await server.app.followUps.tracking(organiser, {});
		const row = (text: string) => rows.find((r) => r.text === text)!;
		expect(row(ours.text)).toMatchObject({ responsible: [officerName], status: 'open', overdue: false });
		expect(row(theirs.text).responsible).toEqual([otherLeaderName]);
		expect(row(ours.text).openedAt).toBeLessThanOrEqual(Date.now());
		// The officer's list (and so their export) holds only their agency's rows.
		expect((await server.app.followUps.tracking(officer, {})).rows.map((r) => r.text)).toEqual([ours.text]);
		// "Overdue only" is measured at the time given.
		expect((await server.app.followUps.tracking(organiser, { overdue: true }, row(ours.text).dueAt + 1)).rows.map((r) => r.overdue)).toEqual([true, true]);
	});
});

describe('last year’s review', () => {
	afterEach(() => server.close());

	it('shows on the new forum’s screen what became of last year’s items', async () => {
		server = await startTestServer({ moderation: false });
		const child = await server.connected({ token: (await server.join(0)).token });
		const { token } = await server.staffMember('organiser');
		const officer = await actorOf((await server.staffMember('follow_up_officer', AGENCY)).token);
		const done = await approvedItem(child, 'Đề nghị sửa đường vào trường', 'recommendation');
		await approvedItem(child, 'Đề nghị có thêm sân bóng', 'recommendation');
		await server.app.followUps.closeSession(await actorOf(token), server.event.id);
		const followUp = await server.app.repos.followUps.findBySubmission(done.id);
		await server.app.followUps.update(officer, followUp!.id, { status: 'fulfilled', response: 'Đã sửa xong đường', reason: '', wayForward: '' });

		// This year's forum, made from last year's, run by the same organiser.
		const { demoEvent } = await import('$lib/server/demo-event');
		const next = { ...demoEvent(() => crypto.randomUUID(), 'next-year-screen-key'), code: 'VQ25', predecessorId: server.event.id };
		await server.app.repos.events.create(next);
		const organiser = await actorOf(token);
		await server.app.repos.staff.grantRole(organiser.userId, { eventId: next.id, role: 'organiser', agencyId: null });
		const fresh = await actorOf(token);

		expect(await server.app.stage.showReview(fresh, server.event.id, true)).toEqual({ ok: false, error: { code: 'no_predecessor' } });
		const screen = await server.connected({ displayKey: 'next-year-screen-key' });
		const shown = eventMatching(screen, 'stage:changed', (stage) => stage.review !== null);
		const result = await server.app.stage.showReview(fresh, next.id, true);
		expect(result.ok && result.data.review?.counts).toEqual({ open: 1, in_progress: 0, fulfilled: 1, cannot_yet: 0 });
		const review = (await shown).review!;
		expect(review.title).toBe(server.event.title);
		expect(review.items[0]).toMatchObject({ text: done.text, status: 'fulfilled', response: 'Đã sửa xong đường' });
	});
});
