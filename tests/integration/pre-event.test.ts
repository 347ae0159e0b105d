import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffActor } from '$lib/domain/staff';
import { DISPLAY_KEY, eventMatching, startTestServer, type TestServer } from './harness';

let server: TestServer;
let organiser: StaffActor;

beforeEach(async () => {
	server = await startTestServer({ moderation: true });
	organiser = (await server.app.staffAuth.resume((await server.staffMember('organiser')).token))!.actor;
	// The demo forum took place in 2024: sending ahead is open only until a deadline set in the future.
	await server.app.preEvent.saveSettings(organiser, server.event.id, { deadline: Date.now() + 3_600_000, limit: 6, openToAgencies: false });
});
afterEach(() => server.close());

const item = (text: string, over: Partial<{ topicId: string; agencyId: string | null; kind: 'question' | 'recommendation' }> = {}) => ({
	kind: 'question' as const,
	topicId: server.event.topics[0].id,
	agencyId: null,
	text,
	...over
});

async function linkFor(delegationIndex: number) {
	const created = await server.app.preEvent.createLink(organiser, server.event.id, server.event.delegations[delegationIndex].id);
	if (!created.ok) throw new Error(created.error.code);
	return created.data.token;
}

describe('items sent before the day', () => {
	it('takes a chaperone’s items within the limit, lets them change until the deadline, and refuses after it', async () => {
		await server.app.preEvent.saveSettings(organiser, server.event.id, { deadline: Date.now() + 60_000, limit: 2, openToAgencies: false });
		const token = await linkFor(0);
		const first = await server.app.preEvent.send(token, item('Xã có kế hoạch xây nhà văn hoá cho thiếu nhi không?'));
		if (!first.ok) throw new Error(first.error.code);
		await server.app.preEvent.send(token, item('Đề nghị lắp đèn đường ở cổng trường', { kind: 'recommendation' }));
		expect(await server.app.preEvent.send(token, item('Một ý kiến quá số'))).toEqual({ ok: false, error: { code: 'pre_event_limit' } });

		const edited = await server.app.preEvent.edit(token, first.data.id, item('Xã có kế hoạch xây nhà văn hoá thiếu nhi trong năm 2026 không?'));
		expect(edited).toMatchObject({ ok: true, data: { text: 'Xã có kế hoạch xây nhà văn hoá thiếu nhi trong năm 2026 không?', status: 'pending' } });
		// Taking one back frees a place.
		await server.app.preEvent.withdraw(token, first.data.id);
		expect(await server.app.preEvent.send(token, item('Ý kiến thay thế'))).toMatchObject({ ok: true });

		const view = await server.app.preEvent.chaperoneView(token);
		expect(view.ok && view.data.items.map((i) => i.text)).toEqual(['Đề nghị lắp đèn đường ở cổng trường', 'Ý kiến thay thế']);
		expect(view.ok && view.data.delegation.name).toBe(server.event.delegations[0].name);

		await server.app.preEvent.saveSettings(organiser, server.event.id, { deadline: Date.now() - 1, limit: 2, openToAgencies: false });
		const before = await server.app.repos.preEvent.listForEvent(server.event.id);
		expect(await server.app.preEvent.send(token, item('Trễ hạn'))).toEqual({ ok: false, error: { code: 'pre_event_closed' } });
		expect(await server.app.preEvent.edit(token, before[1].id, item('Sửa trễ'))).toEqual({ ok: false, error: { code: 'pre_event_closed' } });
		expect(await server.app.repos.preEvent.listForEvent(server.event.id)).toEqual(before);
	});

	it('refuses a revoked, replaced or forged link, another delegation’s item, and an unknown topic', async () => {
		const old = await linkFor(0);
		const token = await linkFor(0);
		expect(await server.app.preEvent.send(old, item('Qua đường dẫn cũ'))).toEqual({ ok: false, error: { code: 'link_invalid' } });
		expect(await server.app.preEvent.chaperoneView('abc')).toEqual({ ok: false, error: { code: 'link_invalid' } });
		expect(await server.app.preEvent.send(token, item('Chủ đề lạ', { topicId: 'nope' }))).toEqual({ ok: false, error: { code: 'unknown_topic' } });
		const other = await linkFor(1);
		const theirs = await server.app.preEvent.send(other, item('Ý kiến của đoàn khác'));
		if (!theirs.ok) throw new Error(theirs.error.code);
		expect(await server.app.preEvent.edit(token, theirs.data.id, item('Sửa hộ'))).toEqual({ ok: false, error: { code: 'unknown_submission' } });
		await server.app.preEvent.revokeLink(organiser, server.event.id, server.event.delegations[0].id);
		expect(await server.app.preEvent.send(token, item('Sau khi thu hồi'))).toEqual({ ok: false, error: { code: 'link_invalid' } });
		const moderator = (await server.app.staffAuth.resume((await server.staffMember('moderator')).token))!.actor;
		expect(await server.app.preEvent.createLink(moderator, server.event.id, server.event.delegations[0].id)).toEqual({
			ok: false,
			error: { code: 'forbidden' }
		});
	});

	it('shows the organiser who has sent what, opens the list to agencies, and puts an item on screen on the day', async () => {
		const agency = server.event.agencies[0];
		const token = await linkFor(0);
		const sent = await server.app.preEvent.send(token, item('Vì sao đường vào trường chưa có đèn?', { agencyId: agency.id }));
		await server.app.preEvent.send(token, item('Em bị đánh ở nhà mỗi tối'));
		if (!sent.ok) throw new Error(sent.error.code);

		const overview = await server.app.preEvent.overview(organiser, server.event.id);
		if (!overview.ok) throw new Error(overview.error.code);
		// The danger message went privately to the organiser, not into the lists.
		expect(overview.data.overview.byAgency).toEqual([{ agency, items: [expect.objectContaining({ text: 'Vì sao đường vào trường chưa có đèn?' })] }]);
		expect(overview.data.overview.byDelegation.map((d) => d.items)).toEqual([1, ...server.event.delegations.slice(1).map(() => 0)]);
		expect(overview.data.linkedDelegations).toEqual([server.event.delegations[0].id]);

		const leader = (await server.app.staffAuth.resume((await server.staffMember('leader', 0)).token))!.actor;
		expect(await server.app.preEvent.forAgency(leader, server.event.id)).toEqual([]);
		await server.app.preEvent.saveSettings(organiser, server.event.id, { deadline: Date.now() + 3_600_000, limit: 6, openToAgencies: true });
		expect((await server.app.preEvent.forAgency(leader, server.event.id)).map((i) => i.text)).toEqual(['Vì sao đường vào trường chưa có đèn?']);
		const otherLeader = (await server.app.staffAuth.resume((await server.staffMember('leader', 1)).token))!.actor;
		expect(await server.app.preEvent.forAgency(otherLeader, server.event.id)).toEqual([]);

		// On the day: the MC approves it, queues it and puts it on screen; a child upvotes it.
		const mc = await server.connected({ staff: { token: (await server.staffMember('moderator')).token, eventId: server.event.id } });
		const synced = await mc.emitWithAck('staff:sync', {});
		expect(synced.ok && synced.data.items.find((i) => i.id === sent.data.id)).toMatchObject({ preSubmitted: true, status: 'pending' });
		await mc.emitWithAck('moderation:decide', { submissionId: sent.data.id, decision: 'approve' });
		await mc.emitWithAck('queue:set', { submissionId: sent.data.id, position: 0 });
		const screen = await server.connected({ displayKey: DISPLAY_KEY });
		const shown = eventMatching(screen, 'stage:changed', (s) => s.onScreen?.id === sent.data.id);
		await mc.emitWithAck('stage:show', { submissionId: sent.data.id });
		expect((await shown).onScreen).toMatchObject({ text: 'Vì sao đường vào trường chưa có đèn?', authorName: null });
		const child = await server.connected({ token: (await server.join(2)).token });
		expect(await child.emitWithAck('vote:set', { submissionId: sent.data.id, voted: true })).toMatchObject({ ok: true, data: { votes: 1 } });
	});
});
