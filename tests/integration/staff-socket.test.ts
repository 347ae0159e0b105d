import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STAFF_COMMANDS, type StaffCommand } from '$lib/realtime/protocol';
import type { StaffRole } from '$lib/domain/staff';
import { DISPLAY_KEY, collect, delivered, nextEvent, startTestServer, type TestServer, type TestSocket } from './harness';

let server: TestServer;

/** The demo event's first topic is answered by agency 1 by default (see demo-event.ts). */
const TOPIC = 0;
const TOPIC_AGENCY = 1;
const OTHER_AGENCY = 2;

const pendingItem = (author: TestSocket) => server.submit(author, 'Vì sao xã em chưa có thư viện?', { topic: TOPIC });

async function dangerItem(author: TestSocket) {
	const ack = await author.emitWithAck('submission:submit', {
		id: crypto.randomUUID(),
		kind: 'message',
		topicId: server.event.topics[TOPIC].id,
		agencyId: null,
		text: 'Em bị bố đánh mỗi tối'
	});
	if (!ack.ok) throw new Error(ack.error.code);
	return ack.data;
}

/** Who sends a staff command: each staff role, and the connections that hold no staff power. */
type Sender = StaffRole | 'leader_other_agency' | 'child' | 'screen';
const SENDERS: Sender[] = ['organiser', 'moderator', 'leader', 'leader_other_agency', 'follow_up_officer', 'child', 'screen'];

/**
 * Every staff socket command × every kind of connection, written out by hand from the staff
 * issue's table. A new command in STAFF_COMMANDS fails the first test until it is added here.
 */
const COMMAND_MATRIX: Record<StaffCommand, Record<Sender, boolean>> = {
	'staff:sync': {
		organiser: true,
		moderator: true,
		leader: true,
		leader_other_agency: true,
		follow_up_officer: true,
		child: false,
		screen: false
	},
	'moderation:decide': {
		organiser: true,
		moderator: true,
		leader: false,
		leader_other_agency: false,
		follow_up_officer: false,
		child: false,
		screen: false
	},
	'submission:answer': {
		organiser: true,
		moderator: true,
		leader: true,
		leader_other_agency: false,
		follow_up_officer: false,
		child: false,
		screen: false
	},
	'submission:merge': runsTheRoom(),
	'submission:intake': runsTheRoom(),
	'queue:set': runsTheRoom(),
	'stage:show': runsTheRoom(),
	'stage:next': runsTheRoom(),
	'agenda:start': runsTheRoom(),
	'safeguarding:release': organiserOnly(),
	'safeguarding:handled': organiserOnly(),
	'submission:followUp': {
		organiser: true,
		moderator: true,
		leader: true,
		leader_other_agency: false,
		follow_up_officer: false,
		child: false,
		screen: false
	},
	'session:close': runsTheRoom(),
	'stage:review': runsTheRoom(),
	'poll:create': runsTheRoom(),
	'poll:set': runsTheRoom()
};

/** The MC's powers: organisers and moderators, nobody else. */
function runsTheRoom(): Record<Sender, boolean> {
	return { organiser: true, moderator: true, leader: false, leader_other_agency: false, follow_up_officer: false, child: false, screen: false };
}

function organiserOnly(): Record<Sender, boolean> {
	return { ...runsTheRoom(), moderator: false };
}

describe('staff commands over the socket', () => {
	let author: TestSocket;

	beforeEach(async () => {
		server = await startTestServer({ moderation: true });
		author = await server.connected({ token: (await server.join(0)).token });
	});
	afterEach(() => server.close());

	async function connectAs(sender: Sender): Promise<TestSocket> {
		if (sender === 'child') return server.connected({ token: (await server.join(2)).token });
		if (sender === 'screen') return server.connected({ displayKey: DISPLAY_KEY });
		const role: StaffRole = sender === 'leader_other_agency' ? 'leader' : sender;
		const agency = sender === 'leader_other_agency' ? OTHER_AGENCY : role === 'leader' || role === 'follow_up_officer' ? TOPIC_AGENCY : null;
		const { token } = await server.staffMember(role, agency);
		return server.connected({ staff: { token, eventId: server.event.id } });
	}

	/** Sends the command against fresh items in the state the command expects. */
	async function attempt(socket: TestSocket, command: StaffCommand) {
		const item = await pendingItem(author);
		const approve = (id: string) => server.app.repos.submissions.transition(id, ['pending'], { status: 'approved' });
		const eventId = server.event.id;
		switch (command) {
			case 'staff:sync':
				return socket.emitWithAck('staff:sync', {});
			case 'moderation:decide':
				return socket.emitWithAck('moderation:decide', { submissionId: item.id, decision: 'approve' });
			case 'submission:answer':
				await approve(item.id);
				return socket.emitWithAck('submission:answer', { submissionId: item.id, summary: 'Năm sau xã sẽ xây.', answeredBy: null });
			case 'submission:merge': {
				const other = await pendingItem(author);
				return socket.emitWithAck('submission:merge', { targetId: item.id, sourceIds: [other.id] });
			}
			case 'submission:intake':
				return socket.emitWithAck('submission:intake', {
					id: crypto.randomUUID(),
					delegationId: server.event.delegations[3].id,
					kind: 'recommendation',
					topicId: server.event.topics[2].id,
					agencyId: null,
					text: 'Đề nghị xây thêm nhà văn hóa thôn.'
				});
			case 'queue:set':
				await approve(item.id);
				return socket.emitWithAck('queue:set', { submissionId: item.id, position: 0 });
			case 'stage:show':
				await approve(item.id);
				return socket.emitWithAck('stage:show', { submissionId: item.id });
			case 'stage:next':
				await approve(item.id);
				await server.app.repos.submissions.setQueue(eventId, [item.id]);
				return socket.emitWithAck('stage:next', {});
			case 'agenda:start':
				return socket.emitWithAck('agenda:start', { agendaItemId: server.event.agenda[0].id });
			case 'safeguarding:release':
				return socket.emitWithAck('safeguarding:release', { submissionId: (await dangerItem(author)).id });
			case 'safeguarding:handled':
				return socket.emitWithAck('safeguarding:handled', { submissionId: (await dangerItem(author)).id });
			case 'submission:followUp':
				await approve(item.id);
				return socket.emitWithAck('submission:followUp', { submissionId: item.id, agencyId: null, dueDate: '', note: 'Trả lời bằng văn bản' });
			case 'session:close':
				return socket.emitWithAck('session:close', {});
			case 'poll:create':
				return socket.emitWithAck('poll:create', { kind: 'single', question: 'Em thích gì nhất?', options: 'Sân chơi\nThư viện', scaleMax: 5 });
			case 'poll:set': {
				const created = await server.app.polls.create(
					(await server.app.staffAuth.resume((await server.staffMember('organiser')).token))!.actor,
					eventId,
					{ kind: 'rating', question: 'Em chấm buổi hôm nay mấy điểm?', options: '', scaleMax: 5 }
				);
				if (!created.ok) throw new Error(created.error.code);
				return socket.emitWithAck('poll:set', { pollId: created.data.id, status: 'open' });
			}
			case 'stage:review':
				// Taking the review down needs no predecessor: the role check is what is tested here.
				return socket.emitWithAck('stage:review', { on: false });
		}
	}

	it('lists every staff command in the matrix, and nothing else', () => {
		expect(Object.keys(COMMAND_MATRIX).sort()).toEqual([...STAFF_COMMANDS].sort());
	});

	for (const command of STAFF_COMMANDS) {
		for (const sender of SENDERS) {
			const allowed = COMMAND_MATRIX[command][sender];
			it(`${sender} ${allowed ? 'may' : 'may not'} send ${command}`, async () => {
				const socket = await connectAs(sender);
				const result = await attempt(socket, command);
				if (allowed) expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
				else expect(result).toEqual({ ok: false, error: { code: 'forbidden' } });
			});
		}
	}

	it('refuses a console without a session, with a forged one, or for an event not theirs', async () => {
		const refusal = (socket: TestSocket) => new Promise((resolve) => socket.once('connect_error', (e) => resolve(e.message)));
		const forged = server.connect({ staff: { token: 'a'.repeat(32), eventId: server.event.id } });
		expect(await refusal(forged)).toBe('session_invalid');
		const { token } = await server.staffMember('moderator');
		const elsewhere = server.connect({ staff: { token, eventId: crypto.randomUUID() } });
		expect(await refusal(elsewhere)).toBe('forbidden');
		// A child's cookie is no staff session.
		const child = await server.join(3);
		const asStaff = server.connect({ staff: { token: child.token, eventId: server.event.id } });
		expect(await refusal(asStaff)).toBe('session_invalid');
	});

	it('brings a waiting item to the moderators only, and an approved one to every phone and the screen', async () => {
		const moderator = await connectAs('moderator');
		const leader = await connectAs('leader');
		const other = await connectAs('child');
		const screen = await connectAs('screen');
		const leaks = [collect(leader, 'submission:added'), collect(other, 'submission:added'), collect(screen, 'submission:added')];
		const seenByModerator = nextEvent(moderator, 'moderation:updated');

		const item = await pendingItem(author);
		expect((await seenByModerator).id).toBe(item.id);
		await delivered(leader, other, screen);
		expect(leaks.flat()).toHaveLength(0);

		const onPhone = nextEvent(other, 'submission:updated');
		const onModerator = nextEvent(moderator, 'moderation:updated');
		const onScreen = nextEvent(screen, 'submission:updated');
		const onLeader = nextEvent(leader, 'submission:updated');
		const approved = await moderator.emitWithAck('moderation:decide', { submissionId: item.id, decision: 'approve' });
		expect(approved).toMatchObject({ ok: true, data: { status: 'approved' } });
		for (const seen of await Promise.all([onPhone, onScreen, onLeader, onModerator]))
			expect(seen).toMatchObject({ id: item.id, status: 'approved' });
		// Items on a topic are addressed to the topic's agency when the child names none.
		expect(approved.ok && approved.data.agencyId).toBe(server.event.agencies[TOPIC_AGENCY].id);

		const again = await moderator.emitWithAck('moderation:decide', { submissionId: item.id, decision: 'approve' });
		expect(again).toMatchObject({ ok: false, error: { code: 'already_decided', by: expect.stringMatching(/^moderator-/) } });
	});

	it('tells only the author that their item was not taken, and why', async () => {
		const moderator = await connectAs('moderator');
		const other = await connectAs('child');
		const leaks = collect(other, 'submission:updated');
		const item = await pendingItem(author);
		const toAuthor = nextEvent(author, 'submission:updated');
		const rejected = await moderator.emitWithAck('moderation:decide', { submissionId: item.id, decision: 'reject', reason: 'off_topic' });
		expect(rejected).toMatchObject({ ok: true, data: { status: 'rejected', rejectionReason: 'off_topic' } });
		expect(await toAuthor).toMatchObject({ id: item.id, status: 'rejected', rejectionReason: 'off_topic' });
		await delivered(other);
		expect(leaks).toHaveLength(0);
	});

	it('answers malformed staff payloads with a coded error and changes nothing', async () => {
		const moderator = await connectAs('moderator');
		const item = await pendingItem(author);
		const bad: unknown[] = [
			{ submissionId: item.id, decision: 'reject' },
			{ submissionId: item.id, decision: 'reject', reason: 'because' },
			{ submissionId: item.id, decision: 'delete' },
			{ submissionId: 'x', decision: 'approve' },
			{ submissionId: item.id, decision: 'approve', __proto__: { admin: true }, extra: 1 },
			'approve',
			null
		];
		for (const payload of bad) {
			const ack = await (moderator as unknown as { emitWithAck: (e: string, p: unknown) => Promise<unknown> }).emitWithAck('moderation:decide', payload);
			expect(ack, JSON.stringify(payload)).toEqual({ ok: false, error: { code: 'invalid_payload' } });
		}
		const blank = await moderator.emitWithAck('submission:answer', { submissionId: item.id, summary: '   ', answeredBy: null });
		expect(blank).toEqual({ ok: false, error: { code: 'text_empty' } });
		expect((await server.app.repos.submissions.findById(item.id))?.status).toBe('pending');
	});

	it('logs a child trying a staff command, and a leader answering for another agency, for the organiser', async () => {
		const child = await connectAs('child');
		await child.emitWithAck('moderation:decide', { submissionId: crypto.randomUUID(), decision: 'approve' });
		await child.emitWithAck('moderation:decide', { submissionId: crypto.randomUUID(), decision: 'approve' });
		const outsider = await connectAs('leader_other_agency');
		await attempt(outsider, 'submission:answer');
		const log = await server.app.repos.audit.listForEvent(server.event.id, 50);
		const refusals = log.filter((row) => row.outcome === 'refused');
		// The flooding child is logged once per connection, not once per attempt.
		expect(refusals.filter((r) => r.action === 'moderation:decide from participant')).toHaveLength(1);
		expect(refusals.find((r) => r.action === 'submission:answer')).toMatchObject({ detail: 'forbidden' });
		expect(refusals.find((r) => r.action === 'submission:answer')?.username).toMatch(/^leader-/);
	});

	it('closes a staff member’s consoles when they log out everywhere', async () => {
		const { token, userId } = await server.staffMember('moderator');
		const console_ = await server.connected({ staff: { token, eventId: server.event.id } });
		const closed = new Promise((resolve) => console_.once('disconnect', resolve));
		await server.app.staffAuth.logoutEverywhere(userId);
		expect(await closed).toBe('io server disconnect');
		const again = server.connect({ staff: { token, eventId: server.event.id } });
		expect(await new Promise((resolve) => again.once('connect_error', (e) => resolve(e.message)))).toBe('session_invalid');
	});
});
