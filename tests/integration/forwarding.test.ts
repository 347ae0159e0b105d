import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventSetupInput } from '$lib/domain/event-setup';
import type { StaffActor } from '$lib/domain/staff';
import { startTestServer, type TestServer, type TestSocket } from './harness';

let server: TestServer;
let child: TestSocket;

const province: EventSetupInput = {
	title: 'Diễn đàn trẻ em tỉnh Lạng Sơn 2025',
	level: 'province',
	organisingUnit: 'UBND tỉnh Lạng Sơn',
	venue: '',
	date: '',
	theme: '',
	topics: 'Quyền được học tập, vui chơi, giải trí\nAn toàn giao thông',
	delegations: 'Huyện Văn Quan\nHuyện Cao Lộc',
	agencies: 'Sở Giáo dục và Đào tạo',
	agenda: '',
	followUpDays: '',
	wordFilter: '',
	moderation: true,
	allowNicknames: true,
	joinOpen: true
};

async function organiserOfBoth() {
	await server.app.staffAuth.setupFirstOrganiser({ username: 'btc', displayName: 'BTC', password: 'mat-khau-du-dai' });
	const signIn = async () => {
		const login = await server.app.staffAuth.login('btc', 'mat-khau-du-dai', 'ip');
		if (!login.ok) throw new Error(login.error.code);
		return (await server.app.staffAuth.resume(login.data.token))!.actor;
	};
	const first = await signIn();
	const created = await server.app.eventSetup.create(first, province);
	if (!created.ok) throw new Error(created.error.code);
	await server.app.repos.staff.grantRole(first.userId, { eventId: server.event.id, role: 'organiser', agencyId: null });
	return { actor: await signIn(), provinceId: created.data.id };
}

async function shown(kind: 'question' | 'recommendation' | 'message', text: string) {
	const ack = await child.emitWithAck('submission:submit', { id: crypto.randomUUID(), kind, topicId: server.event.topics[2].id, agencyId: null, text });
	if (!ack.ok) throw new Error(ack.error.code);
	return ack.data;
}

beforeEach(async () => {
	server = await startTestServer({ moderation: false });
	child = await server.connected({ token: (await server.join(0)).token });
});
afterEach(() => server.close());

describe('forwarding upward', () => {
	it('sends a district’s recommendations to the province forum, waiting for moderation, with their origin, once', async () => {
		const { actor, provinceId } = await organiserOfBoth();
		const recommendation = await shown('recommendation', 'Đề nghị mỗi xã có một sân chơi cho trẻ em');
		const target = (await server.app.repos.events.findById(provinceId))!;
		const input = { targetEventId: provinceId, targetDelegationId: target.delegations[0].id, submissionIds: [recommendation.id] };

		expect(await server.app.forwarding.forward(actor, server.event.id, input)).toEqual({ ok: true, data: { forwarded: 1 } });
		const arrived = await server.app.repos.submissions.listByStatus(provinceId, ['pending']);
		expect(arrived).toHaveLength(1);
		expect(arrived[0]).toMatchObject({
			text: recommendation.text,
			kind: 'recommendation',
			delegationId: target.delegations[0].id,
			originLabel: server.event.title,
			participantId: null
		});
		// The topic is matched by name in the higher forum.
		expect(arrived[0].topicId).toBe(target.topics[0].id);
		expect(await server.app.forwarding.forward(actor, server.event.id, input)).toEqual({ ok: true, data: { forwarded: 0 } });
	});

	it('refuses questions, the wrong direction, a forum not theirs, and an empty choice; nothing is written', async () => {
		const { actor, provinceId } = await organiserOfBoth();
		const target = (await server.app.repos.events.findById(provinceId))!;
		const question = await shown('question', 'Vì sao xã em chưa có sân chơi?');
		const message = await shown('message', 'Chúng em mong có nhiều sân chơi hơn');
		const to = { targetEventId: provinceId, targetDelegationId: target.delegations[0].id };
		expect(await server.app.forwarding.forward(actor, server.event.id, { ...to, submissionIds: [question.id] })).toEqual({
			ok: false,
			error: { code: 'forward_invalid' }
		});
		expect(await server.app.forwarding.forward(actor, server.event.id, { ...to, submissionIds: [] })).toEqual({
			ok: false,
			error: { code: 'nothing_selected' }
		});
		// Province → district is not upward.
		expect(
			await server.app.forwarding.forward(actor, provinceId, {
				targetEventId: server.event.id,
				targetDelegationId: server.event.delegations[0].id,
				submissionIds: [message.id]
			})
		).toEqual({ ok: false, error: { code: 'forward_level' } });
		const stranger: StaffActor = { userId: 'x', canCreateEvents: true, roles: [{ eventId: server.event.id, role: 'organiser', agencyId: null }] };
		expect(await server.app.forwarding.forward(stranger, server.event.id, { ...to, submissionIds: [message.id] })).toEqual({
			ok: false,
			error: { code: 'forbidden' }
		});
		expect(await server.app.repos.submissions.listByStatus(provinceId, ['pending', 'approved'])).toEqual([]);
	});
});
